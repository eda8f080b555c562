using Cx.Domain.Assets;
using Cx.Domain.Primitives;

namespace Cx.Domain.Internal;

/// <summary>Looks up customers' values in a ledger by id in O(1) plus a binary search of their cells.</summary>
internal sealed class CustomerValues
{
    private readonly AssetLedger _ledger;
    private readonly Dictionary<CustomerId, int> _slots;

    public CustomerValues(AssetLedger ledger)
    {
        _ledger = ledger;
        _slots = new Dictionary<CustomerId, int>(ledger.CustomerSlots.Length);
        for (int i = 0; i < ledger.CustomerSlots.Length; i++)
        {
            _slots.Add(ledger.CustomerSlots[i], i);
        }
    }

    /// <summary>The customer's value at the start of grid period <paramref name="period"/> (its value in the period before); 0 for
    /// an unknown customer.</summary>
    public long Opening(CustomerId customer, int period)
    {
        if (!_slots.TryGetValue(customer, out int slot))
        {
            return 0;
        }

        LedgerCells cells = _ledger.Cells;
        int found = cells.PeriodsOf(slot).BinarySearch(period + cells.FirstReported - 1);
        return found >= 0 ? cells.ValuesOf(slot)[found] : 0;
    }
}
