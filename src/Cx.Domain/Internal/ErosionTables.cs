using System.Collections.Immutable;
using Cx.Domain.Assets;
using Cx.Domain.EarlyWarning;
using Cx.Domain.Journey;
using Cx.Domain.Primitives;
using Cx.Domain.Reliability;

namespace Cx.Domain.Internal;

/// <summary>What one pass over a ledger, measurements and events yields: per subject (standards first, then touchpoints) and
/// grid period the event counts and the exposure, per period the active customers, and per subject, period and stratum the
/// outcome cells of the exposed and of all active customers.</summary>
/// <remarks>Index conventions: <c>subject * PeriodCount + period</c> for per-subject figures,
/// <c>(subject * PeriodCount + period) * StratumCount + stratum</c> for cells, <c>period * StratumCount + stratum</c> for the
/// cells of all active customers. Immutable once built.</remarks>
internal sealed class ErosionTables
{
    public ErosionTables(
        PeriodGrid grid, MeasureUnit unit, JourneyFramework framework, ReliabilityStandardSet standards, EarlyWarningOptions options,
        ImmutableArray<string?> segmentNames, ImmutableArray<string> bandLabels)
    {
        Grid = grid;
        Unit = unit;
        Framework = framework;
        Standards = standards;
        Options = options;
        SegmentNames = segmentNames;
        BandLabels = bandLabels;
        PeriodCount = grid.Count;
        SubjectCount = standards.Count + framework.Touchpoints.Count;
        StratumCount = segmentNames.Length * bandLabels.Length;
        int sp = SubjectCount * PeriodCount;
        Events = new long[sp];
        Failing = new long[sp];
        FailingWithCustomer = new long[sp];
        FailingWithUnknownCustomer = new long[sp];
        ExposedCustomers = new long[sp];
        ExposedActiveCustomers = new long[sp];
        ExposedValue = new long[sp];
        OutsideGrid = new long[SubjectCount];
        ActiveCustomers = new long[PeriodCount];
        ActiveValue = new long[PeriodCount];
        All = new OutcomeCell[PeriodCount * StratumCount];
        Exposed = new OutcomeCell[sp * StratumCount];
    }

    public PeriodGrid Grid { get; }

    public MeasureUnit Unit { get; }

    public JourneyFramework Framework { get; }

    public ReliabilityStandardSet Standards { get; }

    public EarlyWarningOptions Options { get; }

    /// <summary>Segment names by segment stratum index; the last is null (customers without a segment).</summary>
    public ImmutableArray<string?> SegmentNames { get; }

    public ImmutableArray<string> BandLabels { get; }

    public int PeriodCount { get; }

    public int SubjectCount { get; }

    public int StratumCount { get; }

    public long[] Events { get; }

    public long[] Failing { get; }

    public long[] FailingWithCustomer { get; }

    public long[] FailingWithUnknownCustomer { get; }

    public long[] ExposedCustomers { get; }

    public long[] ExposedActiveCustomers { get; }

    public long[] ExposedValue { get; }

    public long[] OutsideGrid { get; }

    public long[] ActiveCustomers { get; }

    public long[] ActiveValue { get; }

    public OutcomeCell[] All { get; }

    public OutcomeCell[] Exposed { get; }

    public int Index(int subject, int period) => (subject * PeriodCount) + period;

    /// <summary>Returns empty tables of the same shape, for one part of a parallel sweep.</summary>
    public ErosionTables EmptyLike() => new(Grid, Unit, Framework, Standards, Options, SegmentNames, BandLabels);

    /// <summary>Adds what another part's sweep found (active customers, exposure, outcome cells); the event counts are not
    /// the sweep's and are left alone.</summary>
    public void AddSweep(ErosionTables part)
    {
        checked
        {
            for (int i = 0; i < ExposedCustomers.Length; i++)
            {
                ExposedCustomers[i] += part.ExposedCustomers[i];
                ExposedActiveCustomers[i] += part.ExposedActiveCustomers[i];
                ExposedValue[i] += part.ExposedValue[i];
            }

            for (int p = 0; p < PeriodCount; p++)
            {
                ActiveCustomers[p] += part.ActiveCustomers[p];
                ActiveValue[p] += part.ActiveValue[p];
            }
        }

        for (int i = 0; i < All.Length; i++)
        {
            All[i].Add(part.All[i]);
        }

        for (int i = 0; i < Exposed.Length; i++)
        {
            Exposed[i].Add(part.Exposed[i]);
        }
    }

    public ReadOnlySpan<OutcomeCell> ExposedCells(int subject, int period) => Exposed.AsSpan(Index(subject, period) * StratumCount, StratumCount);

    public ReadOnlySpan<OutcomeCell> AllCells(int period) => All.AsSpan(period * StratumCount, StratumCount);

    public int TouchpointSubject(int touchpoint) => Standards.Count + touchpoint;
}
