using System.Globalization;
using Cx.Domain.Internal;
using Cx.Domain.Primitives;

namespace Cx.Domain.Assets;

/// <summary>One segment's bridge in one period: movements attributed to the segment the customer was in at the period
/// (at the period before for churn).</summary>
/// <remarks><c>Closing = Opening + New + Reactivated + Expansion + Contraction + Churned</c> holds per segment, and
/// every figure summed over segments equals the total bridge.</remarks>
public sealed record SegmentPeriodMovement
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="period">The period.</param>
    /// <param name="opening">The period-before value of the customers attributed to this segment in this period.</param>
    /// <param name="closing">This period's value of the customers in this segment.</param>
    /// <param name="new">New customers.</param>
    /// <param name="reactivated">Reactivated customers.</param>
    /// <param name="expansion">Expanding customers.</param>
    /// <param name="contraction">Contracting customers.</param>
    /// <param name="flat">Flat customers.</param>
    /// <param name="churned">Churned customers.</param>
    /// <param name="netMigrationIn">Value that moved in with customers who switched into the segment: <c>Opening</c> minus
/// the segment's closing of the period before (negative when customers moved out).</param>
    /// <param name="unit">The unit of the values; whole <c>units</c> when null.</param>
    public SegmentPeriodMovement(GridPeriod period, long opening, long closing, MovementTotal @new, MovementTotal reactivated, MovementTotal expansion, MovementTotal contraction, MovementTotal flat, MovementTotal churned, long netMigrationIn, MeasureUnit? unit = null)
    {
        Period = period;
        Unit = unit ?? Amounts.PlainUnits;
        Opening = opening;
        Closing = closing;
        New = @new;
        Reactivated = reactivated;
        Expansion = expansion;
        Contraction = contraction;
        Flat = flat;
        Churned = churned;
        NetMigrationIn = netMigrationIn;
    }

    /// <summary>The unit of the values (the currency, for revenue); whole <c>units</c> when none was given.</summary>
    public MeasureUnit Unit { get; }

    /// <summary>The period.</summary>
    public GridPeriod Period { get; }

    /// <summary>The period-before value of the customers attributed to this segment in this period.</summary>
    public long Opening { get; }

    /// <summary>This period's value of the customers in this segment.</summary>
    public long Closing { get; }

    /// <summary>New customers.</summary>
    public MovementTotal New { get; }

    /// <summary>Reactivated customers.</summary>
    public MovementTotal Reactivated { get; }

    /// <summary>Expanding customers.</summary>
    public MovementTotal Expansion { get; }

    /// <summary>Contracting customers.</summary>
    public MovementTotal Contraction { get; }

    /// <summary>Flat customers.</summary>
    public MovementTotal Flat { get; }

    /// <summary>Churned customers.</summary>
    public MovementTotal Churned { get; }

    /// <summary>Value that moved in with customers who switched into the segment: <c>Opening</c> minus the segment's closing of the period before (negative when customers moved out).</summary>
    public long NetMigrationIn { get; }

    /// <summary>Tells whether the segment's bridge identity holds.</summary>
    /// <returns><see langword="true"/> when opening plus the class values equals closing (summed exactly, in 128 bits).</returns>
    public bool Reconciles() =>
        (Int128)Opening + New.Value + Reactivated.Value + Expansion.Value + Contraction.Value + Flat.Value + Churned.Value == Closing;

    /// <summary>Returns a short form in the unit's major units.</summary>
    /// <returns>For example <c>2024-02: opening USD 300.00, closing USD 350.00, migration in USD 0.00</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Period}: opening {Amounts.Format(Unit, Opening)}, closing {Amounts.Format(Unit, Closing)}, migration in {Amounts.Format(Unit, NetMigrationIn)}");
}
