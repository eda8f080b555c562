using System.Globalization;
using System.Text;
using Cx.Domain.Assets;
using Cx.Domain.EarlyWarning;
using Cx.Domain.Journey;
using Cx.Domain.Primitives;
using Cx.Domain.Reliability;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace Cx.Domain.Tests.TestData;

/// <summary>A random erosion input: customers with segments and monthly values over 2024-01..2024-08 (with December 2023 as
/// history), the small test journey, two standards (dealer response within 4 hours, repair within 24 hours), measurements
/// (some without a customer, some for customers the ledger lacks, some outside the grid) and experience events.</summary>
public sealed class ErosionScenario
{
    public static readonly PeriodGrid Grid = PeriodGrid.Monthly(new YearMonth(2024, 1), new YearMonth(2024, 8));

    private static readonly string?[] SegmentNames = ["Gold", "Silver", null];

    private ErosionScenario(int seed, int customers, int measurements, int events, bool unknownCustomers, bool twins)
    {
        Seed = seed;
        var random = new Random(seed);
        Framework = Journeys.Small();
        Standards = ReliabilityStandardSet.Create(
            [
                Standard("dealer-4h", "dealer", 4, 0.9),
                Standard("repair-1d", "repair", 24, 0.95),
            ],
            Framework);
        var records = new List<AssetRecord>();
        var measured = new List<ReliabilityMeasurement>();
        var experiences = new List<ExperienceEvent>();
        var ids = new List<CustomerId>();
        for (int c = 0; c < customers; c++)
        {
            var id = CustomerId.From("c" + c.ToString("D2", CultureInfo.InvariantCulture));
            ids.Add(id);
            string? segment = SegmentNames[random.Next(SegmentNames.Length)];
            long[] values = new long[Grid.Count + 1];
            for (int p = 0; p < values.Length; p++)
            {
                values[p] = random.Next(10) < 3 ? 0 : random.Next(1, 500);
            }

            if (values.All(v => v == 0))
            {
                values[random.Next(values.Length)] = random.Next(1, 500); // every customer is in the ledger
            }

            void AddRecords(CustomerId who)
            {
                for (int p = 0; p < values.Length; p++)
                {
                    if (values[p] > 0)
                    {
                        records.Add(new AssetRecord(who, new LocalDate(2023, 12, 10).PlusMonths(p), Money.FromDecimal(values[p], Currency.Usd), segment));
                    }
                }
            }

            AddRecords(id);
            if (twins)
            {
                // The twin has the same values and segment and never meets a failure; the customer fails every month.
                AddRecords(CustomerId.From("t" + c.ToString("D2", CultureInfo.InvariantCulture)));
                for (int p = 0; p < Grid.Count; p++)
                {
                    measured.Add(new ReliabilityMeasurement("dealer-4h", Instant.FromUtc(2024, 1, 20, 9, 0).Plus(Duration.FromDays(31 * p)), 9, id));
                }
            }
        }

        Instant from = Instant.FromUtc(2023, 11, 20, 0, 0);
        for (int i = 0; i < measurements && !twins; i++)
        {
            int roll = random.Next(10);
            CustomerId? who = roll < 7 ? ids[random.Next(ids.Count)] : roll < 9 || !unknownCustomers ? null : CustomerId.From("zz-unknown");
            string subject = random.Next(5) switch { 0 => "dealer", 1 or 2 => "dealer-4h", _ => "repair-1d" };
            measured.Add(new ReliabilityMeasurement(subject, from + Duration.FromHours(random.Next(0, 24 * 300)), random.Next(0, 49), who));
        }

        for (int i = 0; i < events && !twins; i++)
        {
            experiences.Add(new ExperienceEvent(
                ids[random.Next(ids.Count)],
                Framework.Touchpoints[random.Next(Framework.Touchpoints.Count)].Id,
                from + Duration.FromHours(random.Next(0, 24 * 300)),
                (ExperienceOutcome)random.Next(0, 3)));
        }

        Records = records;
        Measurements = measured;
        Events = experiences;
    }

    public int Seed { get; }

    public JourneyFramework Framework { get; }

    public ReliabilityStandardSet Standards { get; }

    public IReadOnlyList<AssetRecord> Records { get; }

    public IReadOnlyList<ReliabilityMeasurement> Measurements { get; }

    public IReadOnlyList<ExperienceEvent> Events { get; }

    public static Arbitrary<ErosionScenario> Arbitrary(bool unknownCustomers = true) =>
        (from seed in Gen.Choose(0, 1_000_000)
         from customers in Gen.Choose(2, 30)
         from measurements in Gen.Choose(0, 120)
         from events in Gen.Choose(0, 80)
         select new ErosionScenario(seed, customers, measurements, events, unknownCustomers, twins: false)).ToArbitrary();

    public static Arbitrary<ErosionScenario> Twins() =>
        (from seed in Gen.Choose(0, 1_000_000)
         from customers in Gen.Choose(1, 15)
         select new ErosionScenario(seed, customers, 0, 0, unknownCustomers: false, twins: true)).ToArbitrary();

    public ErosionInput Input() => Input(Records, Measurements, Events);

    public ErosionInput Input(IEnumerable<AssetRecord> records, IEnumerable<ReliabilityMeasurement> measurements, IEnumerable<ExperienceEvent> events) =>
        ErosionInput.Create(AssetLedger.FromRecords(records, Grid), Framework, Standards, measurements, events);

    /// <summary>Everything an analysis says, as text, to compare analyses exactly.</summary>
    public static string Render(ErosionAnalysis analysis)
    {
        var b = new StringBuilder();
        foreach (ErosionSubject s in analysis.Subjects)
        {
            b.Append(s).Append(' ').Append(s.EventsOutsideGridCount).Append('\n');
            foreach (PeriodExposure e in s.Periods)
            {
                b.Append(e).Append(string.Create(CultureInfo.InvariantCulture, $" {e.FailingEventsWithCustomerCount} {e.FailingEventsWithUnknownCustomerCount} {e.ExposedActiveCustomerCount} {e.ActiveCustomerCount} {e.ActiveValue}\n"));
                ImpactEstimate impact = s.Impact(e.Period);
                b.Append(impact).Append('\n').AppendJoin('\n', impact.Strata).Append('\n').Append(impact.Churn).Append('\n').Append(impact.Contraction).Append('\n');
                b.Append(s.RevenueAtRisk(e.Period)).Append('\n');
            }
        }

        return b.ToString();
    }

    public override string ToString() => $"scenario seed {Seed}: {Records.Count} records, {Measurements.Count} measurements, {Events.Count} events";

    private static ReliabilityStandard Standard(string id, string touchpoint, double threshold, double objective) =>
        ReliabilityStandard.Create(new ReliabilityStandardDefinition
        {
            Id = id, TouchpointId = touchpoint, Name = id, Metric = "hours", Unit = "h", Comparison = ThresholdComparison.AtMost,
            Threshold = threshold, Objective = objective, Window = EvaluationWindow.Calendar(Grid),
        });
}
