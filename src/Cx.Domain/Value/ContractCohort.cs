using System.Globalization;
using System.Collections.Immutable;
using Cx.Domain.Internal;
using Cx.Domain.Validation;

namespace Cx.Domain.Value;

/// <summary>A cohort of contract (subscription) customers who started together, and how many of them were still active at
/// the start of each period: the input of the shifted-beta-geometric model.</summary>
/// <remarks>Element 0 is the cohort's size; element t the customers who renewed t times (still active in period t + 1).
/// Counts never grow. Immutable.</remarks>
public sealed class ContractCohort
{
    private readonly ImmutableArray<long> _active;

    private ContractCohort(string name, ImmutableArray<long> active)
    {
        Name = name;
        _active = active;
    }

    /// <summary>Gets the cohort's name, such as <c>2024-01 Pro</c>.</summary>
    public string Name { get; }

    /// <summary>Gets the active customers at the start of each period, element 0 the cohort's size.</summary>
    public IReadOnlyList<long> ActiveCustomers => _active;

    /// <summary>Gets the number of periods observed after the start (the count of elements minus one).</summary>
    public int ObservedPeriods => _active.Length - 1;

    /// <summary>Creates a cohort.</summary>
    /// <param name="name">A name for reports.</param>
    /// <param name="activeCustomers">Active customers per period, starting with the cohort's size.</param>
    /// <returns>The cohort.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="CxValidationException">Fewer than two counts, a first count of 0, a negative count, or a count
    /// above the one before (CX0909).</exception>
    public static ContractCohort Create(string name, IEnumerable<long> activeCustomers)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(activeCustomers);
        ImmutableArray<long> active = [.. activeCustomers];
        var failures = new FailureCollector();
        string subject = string.Create(CultureInfo.InvariantCulture, $"cohort '{name}'");
        if (active.Length < 2)
        {
            failures.Add(null, subject, "ActiveCustomers", CxErrorCodes.CohortSeriesInvalid,
                string.Create(CultureInfo.InvariantCulture, $"Expected the cohort's size and at least one later count, got {active.Length} count{(active.Length == 1 ? string.Empty : "s")}."));
        }
        else if (active[0] <= 0)
        {
            failures.Add(0, subject, "ActiveCustomers", CxErrorCodes.CohortSeriesInvalid, string.Create(CultureInfo.InvariantCulture, $"Expected a cohort size above 0, got {active[0]}."));
        }

        for (int t = 1; t < active.Length; t++)
        {
            if (active[t] < 0 || active[t] > active[t - 1])
            {
                failures.Add(t, subject, "ActiveCustomers", CxErrorCodes.CohortSeriesInvalid,
                    string.Create(CultureInfo.InvariantCulture, $"Expected between 0 and the previous period's {active[t - 1]} active customers in period {t}, got {active[t]}. Customers who left cannot come back into a cohort."));
            }
        }

        failures.ThrowIfAny("contract cohort");
        return new ContractCohort(name, active);
    }

    /// <summary>Returns the name and the counts.</summary>
    /// <returns>For example <c>High end: 1000, 869, 743</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name}: {string.Join(", ", _active)}");
}
