using System.Globalization;
using Cx.Domain.Internal;
using Cx.Domain.Primitives;

namespace Cx.Domain.Assets;

/// <summary>The asset bridge of one period: opening value, the six movement classes, closing value, and the customer view.</summary>
/// <remarks>
/// Values are whole numbers of the report's <see cref="MeasureUnit"/> (minor units for money). The bridge identity
/// <c>Closing = Opening + New + Reactivated + Expansion + Contraction + Churned</c> (Flat adds zero) holds exactly;
/// <see cref="NetChange"/> is <c>Closing - Opening</c>.
/// </remarks>
public sealed record PeriodMovement
{
    internal PeriodMovement(GridPeriod period, long opening, long closing, MovementTotal[] classes, CustomerActivity customers, MeasureUnit unit)
    {
        Period = period;
        Unit = unit;
        Opening = opening;
        Closing = closing;
        New = classes[(int)MovementClass.New];
        Reactivated = classes[(int)MovementClass.Reactivated];
        Expansion = classes[(int)MovementClass.Expansion];
        Contraction = classes[(int)MovementClass.Contraction];
        Flat = classes[(int)MovementClass.Flat];
        Churned = classes[(int)MovementClass.Churned];
        Customers = customers;
    }

    /// <summary>Gets the period.</summary>
    public GridPeriod Period { get; }

    /// <summary>Gets the unit of every value (the report's <see cref="AssetMovementReport.Unit"/>).</summary>
    public MeasureUnit Unit { get; }

    /// <summary>Gets the total value of the period before: the sum of v(p-1) over all customers.</summary>
    public long Opening { get; }

    /// <summary>Gets the total value of this period: the sum of v(p).</summary>
    public long Closing { get; }

    /// <summary>Gets customers active now and never before; value +v(p).</summary>
    public MovementTotal New { get; }

    /// <summary>Gets customers active now, not in the period before, active earlier; value +v(p).</summary>
    public MovementTotal Reactivated { get; }

    /// <summary>Gets customers active in both periods with more value; value v(p) - v(p-1).</summary>
    public MovementTotal Expansion { get; }

    /// <summary>Gets customers active in both periods with less value; value v(p) - v(p-1), negative.</summary>
    public MovementTotal Contraction { get; }

    /// <summary>Gets customers active in both periods with the same value; value 0.</summary>
    public MovementTotal Flat { get; }

    /// <summary>Gets customers active in the period before and not now; value -v(p-1).</summary>
    public MovementTotal Churned { get; }

    /// <summary>Gets the customer (logo) view under the report's activity window.</summary>
    public CustomerActivity Customers { get; }

    /// <summary>Gets <c>Closing - Opening</c>, equal to the sum of the class values.</summary>
    public long NetChange => Closing - Opening;

    /// <summary>Gets the number of customers active in the period before (v(p-1) &gt; 0).</summary>
    public long OpeningCustomerCount => Expansion.CustomerCount + Contraction.CustomerCount + Flat.CustomerCount + Churned.CustomerCount;

    /// <summary>Gets the number of customers active in this period (v(p) &gt; 0).</summary>
    public long ClosingCustomerCount => New.CustomerCount + Reactivated.CustomerCount + Expansion.CustomerCount + Contraction.CustomerCount + Flat.CustomerCount;

    /// <summary>Returns the total of one class.</summary>
    /// <param name="movementClass">The class; not <see cref="MovementClass.None"/>.</param>
    /// <returns>The class's customers and value.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="movementClass"/> is <see cref="MovementClass.None"/> or undefined.</exception>
    public MovementTotal Get(MovementClass movementClass) => movementClass switch
    {
        MovementClass.New => New,
        MovementClass.Reactivated => Reactivated,
        MovementClass.Expansion => Expansion,
        MovementClass.Contraction => Contraction,
        MovementClass.Flat => Flat,
        MovementClass.Churned => Churned,
        _ => throw new ArgumentOutOfRangeException(nameof(movementClass), movementClass, "Expected one of New, Reactivated, Expansion, Contraction, Flat, Churned."),
    };

    /// <summary>Tells whether the bridge identity holds (it always does for a calculated bridge; a check for readers).</summary>
    /// <returns><see langword="true"/> when opening plus the class values equals closing (summed exactly, in 128 bits).</returns>
    public bool Reconciles() =>
        (Int128)Opening + New.Value + Reactivated.Value + Expansion.Value + Contraction.Value + Flat.Value + Churned.Value == Closing;

    /// <summary>Returns a short form in the unit's major units.</summary>
    /// <returns>For example <c>2024-02: opening USD 300.00, closing USD 350.00, net USD 50.00; new 0, reactivated 1, expansion 1, contraction 1, churned 0</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Period}: opening {Amounts.Format(Unit, Opening)}, closing {Amounts.Format(Unit, Closing)}, net {Amounts.Format(Unit, NetChange)}; new {New.CustomerCount}, reactivated {Reactivated.CustomerCount}, expansion {Expansion.CustomerCount}, contraction {Contraction.CustomerCount}, churned {Churned.CustomerCount}");
}
