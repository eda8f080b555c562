using System.Globalization;
using Cx.Domain.Primitives;

namespace Cx.Domain.EarlyWarning;

/// <summary>One period of the priorities' backtest: the touchpoints picked at the period, and the share of the following
/// periods' attributed losses they carried against N touchpoints drawn at random.</summary>
public sealed class PriorityBacktestPeriod
{
    internal PriorityBacktestPeriod(GridPeriod period, IReadOnlyList<string> picked, long futureLostValue, long pickedLostValue, double? pickedShare, double? randomShare, double? randomPicksBeaten, long possiblePicks)
    {
        Period = period;
        Picked = picked;
        FutureLostValue = futureLostValue;
        PickedLostValue = pickedLostValue;
        PickedShare = pickedShare;
        RandomShare = randomShare;
        RandomPicksBeaten = randomPicksBeaten;
        PossiblePicks = possiblePicks;
    }

    /// <summary>Gets the period the priorities were picked at.</summary>
    public GridPeriod Period { get; }

    /// <summary>Gets the ids of the touchpoints picked, in rank order.</summary>
    public IReadOnlyList<string> Picked { get; }

    /// <summary>Gets the value lost in the following h periods (all stages and the unattributed bucket), in the ledger's unit.</summary>
    public long FutureLostValue { get; }

    /// <summary>Gets the part of it attributed to the picked touchpoints.</summary>
    public long PickedLostValue { get; }

    /// <summary>Gets <c>PickedLostValue / FutureLostValue</c>, or null without future losses.</summary>
    public double? PickedShare { get; }

    /// <summary>Gets the expected share of as many touchpoints drawn at random (without replacement) from all of the journey's,
    /// or null without future losses.</summary>
    public double? RandomShare { get; }

    /// <summary>Gets <c>PickedShare / RandomShare</c>, or null when the random share is zero or missing.</summary>
    public double? Ratio => PickedShare is { } p && RandomShare is { } r && r > 0 ? p / r : null;

    /// <summary>Gets the fraction of all possible picks of as many touchpoints that carried a smaller share, counting ties as
    /// half; null when there are more than a million possible picks or no future losses.</summary>
    public double? RandomPicksBeaten { get; }

    /// <summary>Gets the number of possible picks, C(touchpoints, picked), capped at <see cref="long.MaxValue"/>.</summary>
    public long PossiblePicks { get; }

    /// <summary>Returns a short description such as <c>2024-06: picked 5, share 62.0% vs 41.7% at random (1.49x)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Period}: picked {Picked.Count}, share {(PickedShare is { } p ? (p * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-")} vs {(RandomShare is { } r ? (r * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-")} at random ({(Ratio is { } x ? x.ToString("0.00", CultureInfo.InvariantCulture) + "x" : "-")})");
}
