using System.Collections.Immutable;
using Cx.Domain.Reliability;
using NodaTime;

namespace Cx.Domain.Samples;

/// <summary>The sample company's reliability standards and the measurements of the processes behind its key touchpoints.</summary>
public sealed partial class SampleCompany
{
    /// <summary>The id of the standard whose process slowly drifts: test drives take about 1.5 hours longer each month
    /// from the 19th month on, until the 48-hour standard breaches.</summary>
    public const string DriftingStandardId = "test-drive-48h";

    /// <summary>The id of the standard whose process suddenly breaks: from the 10th day of the 28th month, a system
    /// migration delays 40% of financing approvals past 24 hours.</summary>
    public const string BreakingStandardId = "financing-approval-24h";

    // Stream 4: the processes' own measurements (stream 3 is the experience events, whose measured touchpoints add
    // one measurement per event, consistent with its outcome).
    private const ulong ReliabilityStream = 4;

    private static readonly ImmutableArray<ProcessSpec> Processes =
    [
        new(DriftingStandardId, "test-drive", "Test drive within 48 hours of the request", "hours from request to test drive", "h", 48, 0.95, "Dealer network", 3, 8, 22, 7, 8, 60, 120),
        new(BreakingStandardId, "financing-approval", "Financing decision within 24 hours", "hours from application to decision", "h", 24, 0.95, "Finance", 5, 12, 6, 3, 8, 30, 72),
        new("dealer-response-4h", "dealer-response", "Dealer answers an enquiry within 4 hours", "hours to first dealer response", "h", 4, 0.9, "Dealer network", 6, 14, 1.5, 0.6, 20, 5, 12),
        new("proposal-5d", "proposal", "Proposal within 5 business days", "days from request to proposal", "d", 5, 0.9, "Sales operations", 2, 6, 2.5, 0.6, 20, 6, 10),
        new("roadside-assistance-60m", "roadside-assistance", "Roadside help on site within 60 minutes", "minutes from call to arrival", "min", 60, 0.9, "Customer care", 3, 9, 35, 6, 20, 65, 120),
        new("web-configurator-3s", "web-configurator", "Configurator answers within 3 seconds", "seconds to configure a car", "s", 3, 0.99, "Digital", 50, 80, 1.2, 0.3, 2, 4, 10),
    ];

    private ReliabilityStandardSet? _reliabilityStandards;
    private ImmutableArray<ReliabilityMeasurement>? _reliabilityMeasurements;

    /// <summary>Gets the reliability standards of six key touchpoints, each judged per calendar month of <see cref="Grid"/>
    /// (UTC) with an evidence gate of 3 / (1 - objective) events (60 for 95%) and a drift baseline from the first three months.</summary>
    /// <remarks>Touchpoints and owners: test-drive (Dealer network), financing-approval (Finance), dealer-response
    /// (Dealer network), proposal (Sales operations), roadside-assistance (Customer care), web-configurator (Digital).</remarks>
    public ReliabilityStandardSet ReliabilityStandards => LazyInitializer.EnsureInitialized(ref _reliabilityStandards, CreateReliabilityStandards);

    /// <summary>Gets the measurements of the six processes, one per event, ordered by instant then standard id: the
    /// processes' own stream, plus one measurement (with the customer's id) for each experience event at a measured
    /// touchpoint, whose value agrees with the event's outcome (unreliable exactly when the value fails the standard).</summary>
    /// <remarks>Generated on first use from the seed (about 100 events a day in all); deterministic on any machine (integer
    /// arithmetic and IEEE basic operations only). Most processes are steady with occasional failures;
    /// <see cref="DriftingStandardId"/> drifts slowly and <see cref="BreakingStandardId"/> breaks suddenly.</remarks>
    public IReadOnlyList<ReliabilityMeasurement> ReliabilityMeasurements
    {
        get
        {
            _reliabilityMeasurements ??= GenerateReliabilityMeasurements();
            return _reliabilityMeasurements.Value;
        }
    }

    private ReliabilityStandardSet CreateReliabilityStandards()
    {
        var window = EvaluationWindow.Calendar(Grid);
        Instant start = Grid.Start.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
        Instant referenceEnd = Grid.Start.PlusMonths(Math.Min(3, MonthCount)).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
        return ReliabilityStandardSet.Create(Processes.Select(p => ReliabilityStandard.Create(new ReliabilityStandardDefinition
        {
            Id = p.Id, TouchpointId = p.Touchpoint, Name = p.Name, Metric = p.Metric, Unit = p.Unit, Comparison = ThresholdComparison.AtMost,
            Threshold = p.Threshold, Objective = p.Objective, Window = window, MinimumEvents = (int)Math.Round(3 / (1 - p.Objective)), Owner = p.Owner,
            ReferenceInterval = new Interval(start, referenceEnd),
        })), Journey);
    }

    private ImmutableArray<ReliabilityMeasurement> GenerateReliabilityMeasurements()
    {
        var all = new List<ReliabilityMeasurement>();
        for (int s = 0; s < Processes.Length; s++)
        {
            ProcessSpec p = Processes[s];
            SampleRandom random = SampleRandom.ForStream(Seed, ReliabilityStream, (ulong)s);
            for (LocalDate day = Grid.Start; day <= Grid.End; day = day.PlusDays(1))
            {
                int events = random.NextInt(p.MinPerDay, p.MaxPerDay);
                for (int e = 0; e < events; e++)
                {
                    Instant at = day.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant() + Duration.FromSeconds(random.NextInt(86_400));
                    all.Add(new ReliabilityMeasurement(p.Id, at, DrawProcessValue(p, day, random)));
                }
            }
        }

        // The customers' experiences at measured touchpoints are measurements too, with the customer's id.
        _ = ExperienceEvents;
        all.AddRange(_eventMeasurements);

        return [.. all.OrderBy(m => m.At).ThenBy(m => m.SubjectId, StringComparer.Ordinal)];
    }

    /// <summary>One measurement of a process on a day: its drift and break included, rounded to 0.01.</summary>
    private double DrawProcessValue(ProcessSpec p, LocalDate day, SampleRandom random)
    {
        int month = Grid.IndexOf(day);
        double mean = p.Mean;
        int failurePerMille = p.FailurePerMille;
        if (p.Id == DriftingStandardId && month >= 18)
        {
            mean += 1.5 * (month - 17);
        }

        if (p.Id == BreakingStandardId && (month > 27 || (month == 27 && day.Day >= 10)))
        {
            failurePerMille = 400;
        }

        double value = random.Chance(failurePerMille) ? DrawFailureValue(p, random) : Math.Max(p.Mean / 10, mean + (p.Sigma * ApproximatelyNormal(random)));
        return Math.Round(value, 2);
    }

    /// <summary>A failed experience of a process: a value in its failure range, above the threshold.</summary>
    private static double DrawFailureValue(ProcessSpec p, SampleRandom random) =>
        Math.Round(p.FailureLow + ((p.FailureHigh - p.FailureLow) * Uniform(random)), 2);

    /// <summary>The measured process behind a touchpoint, or null.</summary>
    private static ProcessSpec? ProcessAt(string touchpoint)
    {
        foreach (ProcessSpec p in Processes)
        {
            if (p.Touchpoint == touchpoint)
            {
                return p;
            }
        }

        return null;
    }

    private static double Uniform(SampleRandom random) => (random.NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A sum of four uniforms, centred and scaled to unit variance (Irwin-Hall): bell-shaped, bounded at ±3.46,
    /// with no transcendental functions so that every machine gives the same bits.</summary>
    private static double ApproximatelyNormal(SampleRandom random) =>
        (Uniform(random) + Uniform(random) + Uniform(random) + Uniform(random) - 2) * 1.7320508075688772;

    private sealed record ProcessSpec(
        string Id, string Touchpoint, string Name, string Metric, string Unit, double Threshold, double Objective, string Owner,
        int MinPerDay, int MaxPerDay, double Mean, double Sigma, int FailurePerMille, double FailureLow, double FailureHigh);
}
