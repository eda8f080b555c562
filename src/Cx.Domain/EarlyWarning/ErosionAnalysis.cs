using System.Diagnostics.CodeAnalysis;
using Cx.Domain.Assets;
using Cx.Domain.Internal;
using Cx.Domain.Journey;
using Cx.Domain.Primitives;
using Cx.Domain.Reliability;
using NodaTime;

namespace Cx.Domain.EarlyWarning;

/// <summary>Exposure and impact of every reliability standard and every touchpoint: which customers met failing
/// experiences, what they held of the customer asset, and how much more of it they lost than comparable customers.</summary>
/// <remarks>
/// <para>The result of <see cref="RevenueErosionCalculator.Analyze(ErosionInput, EarlyWarningOptions?)"/>. Subjects are the
/// standards in the set's order, then the touchpoints in journey order. Every figure is reproducible from the counts it
/// carries; definitions in <c>docs/concepts/revenue-at-risk.md</c>.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class ErosionAnalysis
{
    private readonly Dictionary<string, ErosionSubject> _standards;
    private readonly Dictionary<string, ErosionSubject> _touchpoints;

    internal ErosionAnalysis(ErosionTables tables, long measurementCount, long eventCount)
    {
        Tables = tables;
        Grid = tables.Grid;
        Unit = tables.Unit;
        Framework = tables.Framework;
        Standards = tables.Standards;
        Horizon = tables.Options.Horizon;
        ConfidenceLevel = tables.Options.ConfidenceLevel;
        MinimumExposedCount = tables.Options.MinimumExposedCount;
        TimeZone = tables.Options.TimeZone;
        TenureBands = tables.BandLabels;
        MeasurementCount = measurementCount;
        EventCount = eventCount;
        var subjects = new List<ErosionSubject>(tables.SubjectCount);
        for (int s = 0; s < tables.Standards.Count; s++)
        {
            ReliabilityStandard standard = tables.Standards.Standards[s];
            Touchpoint touchpoint = tables.Framework.GetTouchpoint(standard.TouchpointId);
            subjects.Add(new ErosionSubject(tables, s, standard, touchpoint, tables.Framework.GetStage(touchpoint.StageId)));
        }

        for (int t = 0; t < tables.Framework.Touchpoints.Count; t++)
        {
            Touchpoint touchpoint = tables.Framework.Touchpoints[t];
            subjects.Add(new ErosionSubject(tables, tables.TouchpointSubject(t), null, touchpoint, tables.Framework.GetStage(touchpoint.StageId)));
        }

        Subjects = subjects.AsReadOnly();
        _standards = subjects.Where(s => s.Kind == ErosionSubjectKind.Standard).ToDictionary(s => s.Id, StringComparer.Ordinal);
        _touchpoints = subjects.Where(s => s.Kind == ErosionSubjectKind.Touchpoint).ToDictionary(s => s.Id, StringComparer.Ordinal);
    }

    /// <summary>Gets the ledger's grid.</summary>
    public PeriodGrid Grid { get; }

    /// <summary>Gets the unit of every value (the ledger's).</summary>
    public MeasureUnit Unit { get; }

    /// <summary>Gets the journey framework.</summary>
    public JourneyFramework Framework { get; }

    /// <summary>Gets the reliability standards.</summary>
    public ReliabilityStandardSet Standards { get; }

    /// <summary>Gets the horizon h, in periods.</summary>
    public int Horizon { get; }

    /// <summary>Gets the confidence level of every interval.</summary>
    public double ConfidenceLevel { get; }

    /// <summary>Gets the evidence gate, in exposed customer-periods.</summary>
    public int MinimumExposedCount { get; }

    /// <summary>Gets the time zone that turned instants into business dates.</summary>
    public DateTimeZone TimeZone { get; }

    /// <summary>Gets the tenure band labels, in periods: <c>0-2</c>, <c>3-11</c>, <c>12-23</c>, <c>24+</c> by default.</summary>
    public IReadOnlyList<string> TenureBands { get; }

    /// <summary>Gets the number of measurements read.</summary>
    public long MeasurementCount { get; }

    /// <summary>Gets the number of experience events read.</summary>
    public long EventCount { get; }

    /// <summary>Gets every subject: the standards in the set's order, then the touchpoints in journey order.</summary>
    public IReadOnlyList<ErosionSubject> Subjects { get; }

    internal ErosionTables Tables { get; }

    /// <summary>Returns the subject of a standard.</summary>
    /// <param name="standardId">The standard's id.</param>
    /// <returns>The subject.</returns>
    /// <exception cref="ArgumentException">No standard has that id; the message lists the known ids.</exception>
    public ErosionSubject ForStandard(string standardId) =>
        standardId is not null && _standards.TryGetValue(standardId, out ErosionSubject? subject)
            ? subject
            : throw new ArgumentException($"Expected the id of a standard, got '{standardId}'. Known standards: {string.Join(", ", _standards.Keys.Order(StringComparer.Ordinal))}.", nameof(standardId));

    /// <summary>Returns the subject of a touchpoint.</summary>
    /// <param name="touchpointId">The touchpoint's id.</param>
    /// <returns>The subject.</returns>
    /// <exception cref="ArgumentException">No touchpoint has that id; the message lists the known ids.</exception>
    public ErosionSubject ForTouchpoint(string touchpointId) =>
        touchpointId is not null && _touchpoints.TryGetValue(touchpointId, out ErosionSubject? subject)
            ? subject
            : throw new ArgumentException($"Expected the id of a touchpoint, got '{touchpointId}'. Known touchpoints: {string.Join(", ", Framework.Touchpoints.Select(t => t.Id))}.", nameof(touchpointId));

    /// <summary>Finds a period of the grid by its label, such as <c>2025-06</c>.</summary>
    /// <param name="label">The label.</param>
    /// <param name="period">The period, or null.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGetPeriod(string? label, [NotNullWhen(true)] out GridPeriod? period)
    {
        period = Grid.Periods.FirstOrDefault(p => string.Equals(p.Label, label, StringComparison.Ordinal));
        return period is not null;
    }

    /// <summary>Returns a short description.</summary>
    /// <returns>For example <c>erosion analysis, monthly 2023-01..2025-12 (36 periods), 6 standards, 12 touchpoints, h=3</c>.</returns>
    public override string ToString() => $"erosion analysis, {Grid}, {Standards.Count} standards, {Framework.Touchpoints.Count} touchpoints, h={Horizon}";
}
