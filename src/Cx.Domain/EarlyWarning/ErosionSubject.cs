using System.Collections.Immutable;
using Cx.Domain.Internal;
using Cx.Domain.Journey;
using Cx.Domain.Primitives;
using Cx.Domain.Reliability;

namespace Cx.Domain.EarlyWarning;

/// <summary>One subject of the erosion analysis — a reliability standard or a touchpoint — with its exposure period by
/// period, and its impact, revenue at risk and value budget for any period.</summary>
/// <remarks>Immutable and thread-safe; impact estimates are computed on first request and kept.</remarks>
public sealed class ErosionSubject
{
    private readonly ErosionTables _tables;
    private readonly int _index;
    private readonly Lazy<ImpactEstimate>[] _impacts;

    internal ErosionSubject(ErosionTables tables, int index, ReliabilityStandard? standard, Touchpoint touchpoint, JourneyStage stage)
    {
        _tables = tables;
        _index = index;
        Standard = standard;
        Touchpoint = touchpoint;
        Stage = stage;
        Kind = standard is null ? ErosionSubjectKind.Touchpoint : ErosionSubjectKind.Standard;
        int n = tables.PeriodCount;
        var periods = ImmutableArray.CreateBuilder<PeriodExposure>(n);
        for (int p = 0; p < n; p++)
        {
            int i = tables.Index(index, p);
            periods.Add(new PeriodExposure(
                tables.Grid[p], tables.Events[i], tables.Failing[i], tables.FailingWithCustomer[i], tables.FailingWithUnknownCustomer[i],
                tables.ExposedCustomers[i], tables.ExposedActiveCustomers[i], tables.ExposedValue[i], tables.ActiveCustomers[p], tables.ActiveValue[p]));
        }

        Periods = periods.MoveToImmutable();
        _impacts = Enumerable.Range(0, n)
            .Select(p => new Lazy<ImpactEstimate>(() => ImpactBuilder.Build(tables, index, p), LazyThreadSafetyMode.ExecutionAndPublication))
            .ToArray();
    }

    /// <summary>Gets whether the subject is a standard or a touchpoint.</summary>
    public ErosionSubjectKind Kind { get; }

    /// <summary>Gets the subject's id: the standard's id, or the touchpoint's.</summary>
    public string Id => Standard?.Id ?? Touchpoint.Id;

    /// <summary>Gets the display name: the standard's name, or the touchpoint's.</summary>
    public string Name => Standard?.Name ?? Touchpoint.Name;

    /// <summary>Gets the standard, or null for a touchpoint subject.</summary>
    public ReliabilityStandard? Standard { get; }

    /// <summary>Gets the touchpoint (the standard's, for a standard subject).</summary>
    public Touchpoint Touchpoint { get; }

    /// <summary>Gets the touchpoint's journey stage.</summary>
    public JourneyStage Stage { get; }

    /// <summary>Gets the accountable owner: the standard's owner, or the touchpoint's.</summary>
    public string Owner => Standard?.Owner ?? Touchpoint.Owner;

    /// <summary>Gets the touchpoint's category.</summary>
    public TouchpointCategory Category => Touchpoint.Category;

    /// <summary>Gets a value indicating whether the touchpoint is a moment of truth.</summary>
    public bool IsMomentOfTruth => Touchpoint.IsMomentOfTruth;

    /// <summary>Gets the exposure of every period of the grid, in order.</summary>
    public IReadOnlyList<PeriodExposure> Periods { get; }

    /// <summary>Gets the number of the subject's events outside the grid (counted, never used).</summary>
    public long EventsOutsideGridCount => _tables.OutsideGrid[_index];

    /// <summary>Returns the impact estimate as of a period, from the history whose horizon closed by its end.</summary>
    /// <param name="asOf">A period of the analysis' grid.</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="asOf"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="asOf"/> is not a period of the grid.</exception>
    public ImpactEstimate Impact(GridPeriod asOf) => _impacts[IndexOf(asOf)].Value;

    /// <summary>Returns the revenue at risk from the subject's failures in a period: that period's exposed value times the
    /// excess loss share as of the period.</summary>
    /// <param name="period">A period of the analysis' grid.</param>
    /// <returns>The revenue at risk.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="period"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="period"/> is not a period of the grid.</exception>
    public RevenueAtRisk RevenueAtRisk(GridPeriod period)
    {
        int p = IndexOf(period);
        PeriodExposure exposure = Periods[p];
        return new RevenueAtRisk(period, _tables.Unit, exposure.ExposedValue, exposure.ExposedActiveCustomerCount, _impacts[p].Value, _tables.Options.MinimumExposedCount);
    }

    /// <summary>Returns the standard's error budget and burn in value for a period; null for a touchpoint subject.</summary>
    /// <param name="period">A period of the analysis' grid.</param>
    /// <returns>The value budget, or null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="period"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="period"/> is not a period of the grid.</exception>
    public ValueBudget? Budget(GridPeriod period)
    {
        int p = IndexOf(period);
        if (Standard is null)
        {
            return null;
        }

        RevenueAtRisk risk = RevenueAtRisk(period);
        PeriodExposure exposure = Periods[p];
        double? perFailure = null;
        if (risk.ExcessShare is { } share)
        {
            if (exposure.FailingEventCount > 0)
            {
                perFailure = share.Estimate * exposure.ExposedValue / exposure.FailingEventCount;
            }
            else
            {
                long value = 0;
                long failing = 0;
                for (int q = 0; q <= p; q++)
                {
                    value = checked(value + Periods[q].ExposedValue);
                    failing += Periods[q].FailingEventCount;
                }

                perFailure = failing > 0 ? share.Estimate * value / failing : null;
            }
        }

        return new ValueBudget(Standard, period, _tables.Unit, exposure.EventCount, exposure.FailingEventCount, perFailure, risk.Evidence);
    }

    /// <summary>Returns a short description such as <c>standard financing-approval-24h (Financing approval, purchase)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{(Kind == ErosionSubjectKind.Standard ? "standard" : "touchpoint")} {Id} ({Touchpoint.Name}, {Stage.Id})";

    private int IndexOf(GridPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        if (period.Index < 0 || period.Index >= _tables.PeriodCount || !_tables.Grid[period.Index].Equals(period))
        {
            throw new ArgumentException($"Expected a period of the analysis' grid {_tables.Grid}, got {period}.", nameof(period));
        }

        return period.Index;
    }
}
