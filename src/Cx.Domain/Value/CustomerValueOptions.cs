namespace Cx.Domain.Value;

/// <summary>How expected purchases become money: the discount rate, the horizon and its steps, the margin.</summary>
/// <remarks>Defaults: 10% a year, monthly steps, 36 months, margin 1 (value = spend). Validated when used (CX0910).</remarks>
public sealed class CustomerValueOptions
{
    /// <summary>Gets or sets the yearly discount rate d, at least 0 (0.10 = 10%). Per step it is (1 + d)^(1/steps a year) − 1;
    /// for the closed-form DERT, δ = ln(1 + d) per year, continuously.</summary>
    public double AnnualDiscountRate { get; set; } = 0.10;

    /// <summary>Gets or sets how many discounting steps make a year (12: monthly), 1 to 366.</summary>
    public int PeriodsPerYear { get; set; } = 12;

    /// <summary>The longest horizon accepted, in years.</summary>
    public const int MaxHorizonYears = 100;

    /// <summary>Gets or sets the horizon in steps, 1 to 10,000 and at most <see cref="MaxHorizonYears"/> years (36 monthly
    /// steps: three years).</summary>
    public int HorizonPeriods { get; set; } = 36;

    /// <summary>Gets or sets the share of spend that is value (a gross margin), above 0 and at most 1.</summary>
    public double Margin { get; set; } = 1;
}
