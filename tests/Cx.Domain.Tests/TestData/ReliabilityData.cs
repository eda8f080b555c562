using Cx.Domain.Primitives;
using Cx.Domain.Reliability;
using NodaTime;

namespace Cx.Domain.Tests.TestData;

/// <summary>Builders for reliability standards and measurements.</summary>
public static class ReliabilityData
{
    public static readonly Instant Jan1 = Instant.FromUtc(2026, 1, 1, 0, 0);

    public static PeriodGrid Months2026 => PeriodGrid.Monthly(new YearMonth(2026, 1), new YearMonth(2026, 12));

    /// <summary>"Test drive within 48 hours for 95% of requests", monthly, evidence gate <paramref name="minimumEvents"/>.</summary>
    public static ReliabilityStandard TestDrive(EvaluationWindow? window = null, int minimumEvents = 1, double objective = 0.95, DriftBaseline? baseline = null, Interval? reference = null) =>
        ReliabilityStandard.Create(new ReliabilityStandardDefinition
        {
            Id = "test-drive-48h", TouchpointId = "test-drive", Name = "Test drive within 48 hours", Metric = "hours from request to test drive", Unit = "h",
            Comparison = ThresholdComparison.AtMost, Threshold = 48, Objective = objective, Window = window ?? EvaluationWindow.Calendar(Months2026),
            MinimumEvents = minimumEvents, Owner = "Dealer network", Baseline = baseline, ReferenceInterval = reference,
        });

    public static ReliabilityStandardSet Set(params ReliabilityStandard[] standards) => ReliabilityStandardSet.Create(standards);

    public static ReliabilityMeasurement M(string subject, Instant at, double value) => new(subject, at, value);

    /// <summary>Measurements at hourly spacing from <paramref name="start"/>, good (24 h) or bad (72 h) as listed.</summary>
    public static List<ReliabilityMeasurement> Hourly(Instant start, params bool[] good) =>
        good.Select((g, i) => M("test-drive-48h", start + Duration.FromHours(i), g ? 24 : 72)).ToList();
}
