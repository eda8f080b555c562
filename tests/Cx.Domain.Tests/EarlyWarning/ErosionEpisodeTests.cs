using Cx.Domain.Assets;
using Cx.Domain.EarlyWarning;
using Cx.Domain.Journey;
using Cx.Domain.Primitives;
using Cx.Domain.Reliability;
using Cx.Domain.Reporting;
using NodaTime;

namespace Cx.Domain.Tests.EarlyWarning;

/// <summary>The early-warning list from the warning episodes of the reliability evaluation, computed by hand: three standards
/// judged monthly (objective 90%, decision within 24 hours), one event an hour each from January 1 to June 28 2024 12:00
/// (the as-of instant), every event good (10 h) but where said.</summary>
/// <remarks>
/// <para>Values (USD, every month January to June): A 100, B 100, C 150, D 50; so each one's value at the start of June (its
/// May value) is the same.</para>
/// <para><c>watch</c>: bad from June 28 00:00 on (13 bad of 661 June events, 98%: not breached), A's failure at 06:00 and
/// C's at 10:00; one lone bad event of B on June 10 at 12:00, which opens no episode. The Bernoulli CUSUM opens an episode
/// within hours of the break; exposure counts from the episode's start, so B (exposed in June, before it) is not counted:
/// exposed so far A + C = USD 250; expected further = USD 250 × (July 1 - as of) / (as of - episode start).</para>
/// <para><c>closed</c>: seven bad events on June 5 00:00 to 06:00 (A's among them), then good: an episode opens and closes
/// long before June 28, and June holds 7 bad of 661 (99%): reliable, not on the list.</para>
/// <para><c>breach</c>: bad from June 1 00:00 to June 3 23:00 (72 events, D's on June 2 at 12:00), then good: June holds 72
/// bad of 661 (89.1%), breached, with every detector quiet for weeks: no episode open. It stays on the list (a breach is the
/// louder signal), its exposure counted from the window's start: D's USD 50; expected further USD 50 × 2.5 days / 27.5 days
/// = USD 4.545..., rounded to 455 cents.</para>
/// <para><c>long</c>: bad from May 20 on (B's failure on May 25, A's on June 10): an episode opens on May 20, before May's
/// window breaches, and stays open through the breach of May and June while its detectors fire. With h = 2 exposure counts
/// from the episode's start (B's USD 100 at the start of May, A's USD 100 at the start of June); with h = 1 only from June 1,
/// the start of the period h - 1 = 0 periods back (A alone): B's exposure has had its whole horizon.</para>
/// </remarks>
public sealed class ErosionEpisodeTests
{
    private static readonly PeriodGrid Grid = PeriodGrid.Monthly(new YearMonth(2024, 1), new YearMonth(2024, 6));
    private static readonly Instant AsOf = Instant.FromUtc(2024, 6, 28, 12, 0);
    private static readonly Instant June1 = Instant.FromUtc(2024, 6, 1, 0, 0);
    private static readonly Instant July1 = Instant.FromUtc(2024, 7, 1, 0, 0);

    internal static ErosionInput Input()
    {
        var records = new List<AssetRecord>();
        foreach ((string who, decimal usd) in (ValueTuple<string, decimal>[])[("A", 100), ("B", 100), ("C", 150), ("D", 50)])
        {
            for (int m = 1; m <= 6; m++)
            {
                records.Add(new AssetRecord(CustomerId.From(who), new LocalDate(2024, m, 15), Money.FromDecimal(usd, Currency.Usd)));
            }
        }

        string[] names = ["watch", "closed", "breach", "long"];
        JourneyFramework journey = JourneyFramework.Create(
            "Episodes",
            [new JourneyStage("purchase", "Purchase", 1)],
            [.. names.Select(n => new Touchpoint(n, "Touchpoint " + n, "purchase", TouchpointCategory.RespondingToCustomerNeeds, "Finance"))]);
        ReliabilityStandardSet standards = ReliabilityStandardSet.Create(
            [.. names.Select(n => ReliabilityStandard.Create(new ReliabilityStandardDefinition
            {
                Id = n + "-24h", TouchpointId = n, Name = "Decision within 24 hours (" + n + ")", Metric = "hours to decision", Unit = "h",
                Comparison = ThresholdComparison.AtMost, Threshold = 24, Objective = 0.9, Window = EvaluationWindow.Calendar(Grid),
            }))],
            journey);

        var measurements = new List<ReliabilityMeasurement>();
        Instant start = Instant.FromUtc(2024, 1, 1, 0, 0);
        for (Instant at = start; at <= AsOf; at += Duration.FromHours(1))
        {
            measurements.Add(Event("watch", at, at >= Instant.FromUtc(2024, 6, 28, 0, 0) || at == Instant.FromUtc(2024, 6, 10, 12, 0), Who("watch", at)));
            measurements.Add(Event("closed", at, at >= Instant.FromUtc(2024, 6, 5, 0, 0) && at <= Instant.FromUtc(2024, 6, 5, 6, 0), Who("closed", at)));
            measurements.Add(Event("breach", at, at >= June1 && at < Instant.FromUtc(2024, 6, 4, 0, 0), Who("breach", at)));
            measurements.Add(Event("long", at, at >= Instant.FromUtc(2024, 5, 20, 0, 0), Who("long", at)));
        }

        return ErosionInput.Create(AssetLedger.FromRecords(records, Grid), journey, standards, measurements, []);
    }

    private static ReliabilityMeasurement Event(string standard, Instant at, bool bad, string? customer) =>
        new(standard + "-24h", at, bad ? 30 : 10, customer is null ? null : CustomerId.From(customer));

    /// <summary>The customers of the listed events; the others have none. Good events with a customer do not expose.</summary>
    private static string? Who(string standard, Instant at) => (standard, at.InUtc().Month, at.InUtc().Day, at.InUtc().Hour) switch
    {
        ("watch", 6, 28, 6) => "A",
        ("watch", 6, 28, 10) => "C",
        ("watch", 6, 10, 12) => "B",
        ("watch", 6, 20, 9) => "D", // a good event: D met the touchpoint, reliably
        ("closed", 6, 5, 3) => "A",
        ("breach", 6, 2, 12) => "D",
        ("long", 5, 25, 12) => "B",
        ("long", 6, 10, 12) => "A",
        _ => null,
    };

    private static ErosionReport Report() =>
        new RevenueErosionCalculator().Report(Input(), AsOf, new EarlyWarningOptions { Horizon = 2, TenureBandStarts = [], MinimumExposedCount = 1 });

    [Fact]
    public void Warnings_OpenEpisode_CountsExposureFromTheEpisodesStart()
    {
        ErosionReport report = Report();

        StandardWarning watch = report.Warnings.Single(w => w.Standard.Id == "watch-24h");
        Assert.Equal(StandardStatus.Watch, watch.Status);
        WarningEpisode episode = Assert.IsType<WarningEpisode>(watch.Episode);
        Assert.True(episode.IsOpen);
        Assert.InRange(episode.OpenedAt, Instant.FromUtc(2024, 6, 28, 0, 0), Instant.FromUtc(2024, 6, 28, 3, 0));
        Assert.Equal(episode.OpenedAt, watch.Since);
        Assert.Equal(episode.OpenedAt, watch.ExposedSince); // the horizon (May 1 with h = 2) does not bound it
        Assert.Equal(episode.PeakSeverity, watch.Severity);
        Assert.Equal(episode.Detectors, watch.Detectors);
        Assert.Equal((June1, July1), (watch.WindowStart, watch.WindowEnd));

        // A and C, not B, whose failure on June 10 came before the episode.
        Assert.Equal((2L, 25_000L), (watch.ExposedSoFarCustomerCount, watch.ExposedValueSoFar));
        long expected = (long)Math.Round(25_000.0 * (July1 - AsOf).TotalTicks / (AsOf - episode.OpenedAt).TotalTicks, MidpointRounding.ToEven);
        Assert.Equal(expected, watch.ExpectedFurtherExposedValue);
        Assert.Equal(25_000 + expected, watch.RevenueAtRisk.ExposedValue);
        Assert.Contains("warning episode open since 2024-06-28T0", watch.ToString(), StringComparison.Ordinal);
        Assert.Contains("2 customers holding USD 250 met a failure since 2024-06-28T0", watch.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Warnings_ClosedEpisode_IsNotListed()
    {
        ErosionInput input = Input();
        var evaluator = new ReliabilityEvaluator();
        StandardBacktest backtest = evaluator.Backtest(input.Standards, input.Measurements, June1, AsOf).Standards.Single(s => s.Standard.Id == "closed-24h");
        WarningEpisode episode = Assert.Single(backtest.Episodes);
        Assert.InRange(episode.OpenedAt, Instant.FromUtc(2024, 6, 5, 0, 0), Instant.FromUtc(2024, 6, 5, 7, 0));
        Assert.True(episode.ClosedAt < Instant.FromUtc(2024, 6, 6, 0, 0), episode.ToString());

        ErosionReport report = Report();

        Assert.Equal(StandardStatus.Reliable, report.Reliability!.Standards.Single(s => s.Standard.Id == "closed-24h").Status);
        Assert.DoesNotContain(report.Warnings, w => w.Standard.Id == "closed-24h");
    }

    [Fact]
    public void Warnings_BreachWithoutEpisode_StaysListedFromTheWindowsStart()
    {
        ErosionReport report = Report();

        StandardWarning breach = report.Warnings.Single(w => w.Standard.Id == "breach-24h");
        Assert.Equal(StandardStatus.Breached, breach.Status);
        Assert.Null(breach.Episode);
        Assert.Equal((June1, June1, AlertSeverity.None), (breach.Since, breach.ExposedSince, breach.Severity));
        Assert.Empty(breach.Detectors);
        Assert.Equal((1L, 5_000L, 455L), (breach.ExposedSoFarCustomerCount, breach.ExposedValueSoFar, breach.ExpectedFurtherExposedValue));
        Assert.Contains("no warning episode open (the breach of the window is the signal)", breach.ToString(), StringComparison.Ordinal);

        // The breached standards first, then the watch; not the closed one.
        Assert.Equal(["breach-24h", "long-24h"], report.Warnings.Take(2).Select(w => w.Standard.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["watch-24h"], report.Warnings.Skip(2).Select(w => w.Standard.Id));
    }

    [Fact]
    public void Warnings_EpisodeOlderThanTheHorizon_CountsExposureFromTheHorizonsStart()
    {
        var options = new EarlyWarningOptions { Horizon = 1, TenureBandStarts = [], MinimumExposedCount = 1 };
        StandardWarning two = Report().Warnings.Single(w => w.Standard.Id == "long-24h");
        StandardWarning one = new RevenueErosionCalculator().Report(Input(), AsOf, options).Warnings.Single(w => w.Standard.Id == "long-24h");

        WarningEpisode episode = Assert.IsType<WarningEpisode>(two.Episode);
        Assert.Equal(StandardStatus.Breached, two.Status);
        Assert.InRange(episode.OpenedAt, Instant.FromUtc(2024, 5, 20, 0, 0), Instant.FromUtc(2024, 5, 20, 6, 0));
        Assert.Equal((episode.OpenedAt, 2L, 20_000L), (two.ExposedSince, two.ExposedSoFarCustomerCount, two.ExposedValueSoFar));
        Assert.Equal((episode.OpenedAt, June1, 1L, 10_000L), (one.Since, one.ExposedSince, one.ExposedSoFarCustomerCount, one.ExposedValueSoFar));
        Assert.Equal(909L, one.ExpectedFurtherExposedValue); // USD 100 x 2.5 days / 27.5 days = 9.0909...
        Assert.Equal((long)Math.Round(20_000.0 * (July1 - AsOf).TotalTicks / (AsOf - episode.OpenedAt).TotalTicks, MidpointRounding.ToEven), two.ExpectedFurtherExposedValue);
    }

    [Fact]
    public void Renderings_SayTheAsOfAsAReaderWould_AndTheJsonKeepsTheExactInstant()
    {
        var paris = new EarlyWarningOptions { Horizon = 2, TenureBandStarts = [], MinimumExposedCount = 1, TimeZone = DateTimeZoneProviders.Tzdb["Europe/Paris"] };
        var utc = new EarlyWarningOptions { Horizon = 2, TenureBandStarts = [], MinimumExposedCount = 1 };

        string periodEnd = new RevenueErosionCalculator().Report(Input(), Grid[^1], utc).ToWarningListMarkdown();
        string midPeriod = new RevenueErosionCalculator().Report(Input(), AsOf + Duration.FromSeconds(59), paris).ToWarningListText();
        string json = new RevenueErosionCalculator().Report(Input(), Grid[^1], utc).ToWarningListJson();

        Assert.Contains("As of end of 2024-06-30; values in USD.", periodEnd, StringComparison.Ordinal);
        Assert.Contains("As of 2024-06-28 14:00 (Europe/Paris); values in USD.", midPeriod, StringComparison.Ordinal); // 12:00:59 UTC, to the minute
        Assert.Contains("\"asOf\": \"2024-06-30T23:59:59.999999999Z\"", json, StringComparison.Ordinal);

        // The table's moments are in the zone the "as of" names: the episode opened at 03:00 UTC, 05:00 in Paris (the
        // bullets below the table keep the exact instant, in UTC).
        Assert.Contains("since 2024-05-20 05:00 (ticket)", midPeriod, StringComparison.Ordinal);
        Assert.Contains("warning episode open since 2024-05-20T03:00Z", midPeriod, StringComparison.Ordinal);
    }
}
