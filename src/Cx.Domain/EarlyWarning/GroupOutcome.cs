using System.Globalization;

namespace Cx.Domain.EarlyWarning;

/// <summary>What happened within the horizon to a group of customer-periods (exposed or unexposed, in a stratum or in all):
/// how many churned, contracted or either, their value at the start of the period and the value they lost.</summary>
/// <remarks>A customer-period's lost value is the sum of the decreases of its churn and contraction movements within the
/// horizon, capped at its value at the start of the period, so <see cref="LostValue"/> &lt;= <see cref="BaseValue"/>. Values
/// are in the ledger's unit, exact.</remarks>
public sealed class GroupOutcome
{
    internal GroupOutcome(long count, long churned, long contracted, long either, long baseValue, long lostValue)
    {
        Count = count;
        ChurnedCount = churned;
        ContractedCount = contracted;
        ChurnedOrContractedCount = either;
        BaseValue = baseValue;
        LostValue = lostValue;
    }

    /// <summary>Gets the number of customer-periods.</summary>
    public long Count { get; }

    /// <summary>Gets how many churned within the horizon.</summary>
    public long ChurnedCount { get; }

    /// <summary>Gets how many contracted within the horizon.</summary>
    public long ContractedCount { get; }

    /// <summary>Gets how many churned or contracted (each once).</summary>
    public long ChurnedOrContractedCount { get; }

    /// <summary>Gets the value at the start of the exposure periods.</summary>
    public long BaseValue { get; }

    /// <summary>Gets the value lost within the horizon (churn and contraction, capped per customer-period at its base).</summary>
    public long LostValue { get; }

    /// <summary>Gets the lost value as a share of the base value, or null when the base is zero.</summary>
    public double? LossShare => BaseValue == 0 ? null : (double)LostValue / BaseValue;

    /// <summary>Returns the cases of one outcome.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The number of customer-periods with it.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="outcome"/> is <see cref="LossOutcome.None"/> or undefined.</exception>
    public long CasesOf(LossOutcome outcome) => outcome switch
    {
        LossOutcome.Churn => ChurnedCount,
        LossOutcome.Contraction => ContractedCount,
        LossOutcome.ChurnOrContraction => ChurnedOrContractedCount,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Expected Churn, Contraction or ChurnOrContraction."),
    };

    /// <summary>Returns a short description such as <c>120 (churned 12, contracted 8, either 19), lost 5400 of 98000</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Count} (churned {ChurnedCount}, contracted {ContractedCount}, either {ChurnedOrContractedCount}), lost {LostValue} of {BaseValue}");
}
