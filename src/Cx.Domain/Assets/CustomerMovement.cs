using Cx.Domain.Internal;
using Cx.Domain.Primitives;

namespace Cx.Domain.Assets;

/// <summary>One customer's movement in one period: who moved, which class, by how much.</summary>
public sealed record CustomerMovement
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="period">The period of the movement.</param>
    /// <param name="movementClass">The movement class.</param>
    /// <param name="previousValue">The customer's value in the period before, in units.</param>
    /// <param name="currentValue">The customer's value in this period, in units.</param>
    /// <param name="segment">The segment the movement is attributed to (the segment at this period; at the period before for churn), or null.</param>
    /// <param name="unit">The unit of the values; whole <c>units</c> when null.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="previousValue"/> or <paramref name="currentValue"/> is
    /// negative (a customer's value in a period is zero or more).</exception>
    public CustomerMovement(CustomerId customer, GridPeriod period, MovementClass movementClass, long previousValue, long currentValue, string? segment, MeasureUnit? unit = null)
    {
        Guard.NotNegative(previousValue);
        Guard.NotNegative(currentValue);
        Unit = unit ?? Amounts.PlainUnits;
        Customer = customer;
        Period = period;
        Class = movementClass;
        PreviousValue = previousValue;
        CurrentValue = currentValue;
        Segment = segment;
    }

    /// <summary>The unit of the values (the ledger's); whole <c>units</c> when none was given.</summary>
    public MeasureUnit Unit { get; }

    /// <summary>The customer.</summary>
    public CustomerId Customer { get; }

    /// <summary>The period of the movement.</summary>
    public GridPeriod Period { get; }

    /// <summary>The movement class.</summary>
    public MovementClass Class { get; }

    /// <summary>The customer's value in the period before, in units.</summary>
    public long PreviousValue { get; }

    /// <summary>The customer's value in this period, in units.</summary>
    public long CurrentValue { get; }

    /// <summary>The segment the movement is attributed to (the segment at this period; at the period before for churn), or null.</summary>
    public string? Segment { get; }

    /// <summary>Gets the value delta, <c>CurrentValue - PreviousValue</c>: positive for gains, negative for losses, zero when flat.</summary>
    public long ValueDelta => CurrentValue - PreviousValue;

    /// <summary>Gets a value indicating whether the movement is a gain (new, reactivated, expansion).</summary>
    public bool IsGain => Class is MovementClass.New or MovementClass.Reactivated or MovementClass.Expansion;

    /// <summary>Gets a value indicating whether the movement is a loss (contraction, churn).</summary>
    public bool IsLoss => Class is MovementClass.Contraction or MovementClass.Churned;

    /// <summary>Returns a short form in the unit's major units.</summary>
    /// <returns>For example <c>C-001 2024-02 Expansion: USD 100.00 -> USD 150.00</c>.</returns>
    public override string ToString() => $"{Customer} {Period} {EnumText.Of(Class)}: {Amounts.Format(Unit, PreviousValue)} -> {Amounts.Format(Unit, CurrentValue)}";
}
