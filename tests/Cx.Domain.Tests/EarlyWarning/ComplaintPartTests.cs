using Cx.Domain.EarlyWarning;
using Cx.Domain.Listening;
using Cx.Domain.Primitives;
using Cx.Domain.Samples;
using Cx.Domain.Tests.TestData;
using Cx.Domain.Validation;
using FsCheck;
using FsCheck.Fluent;

namespace Cx.Domain.Tests.EarlyWarning;

/// <summary>The complaint part of the priority score: complaint spikes of the listening path at the touchpoint's stage, when
/// feedback is given; absent (and every score as before) without it.</summary>
public sealed class ComplaintPartTests
{
    private static readonly Lazy<(SampleCompany Company, ErosionInput Input, ListeningReport Listening)> Sample = new(() =>
    {
        SampleCompany company = SampleCompany.Generate();
        var input = ErosionInput.Create(company.RevenueLedger(), company.Journey, company.ReliabilityStandards, company.ReliabilityMeasurements, company.ExperienceEvents);
        return (company, input, Listen(company, company.Feedback));
    });

    private static readonly RevenueErosionCalculator Calculator = new();

    private static ListeningReport Listen(SampleCompany company, IEnumerable<FeedbackSignal> feedback) =>
        new ListeningCalculator().Calculate(company.Journey, company.Grid, feedback, company.FeedbackTaxonomy);

    private static GridPeriod Period(string label) => Sample.Value.Company.Grid.Periods.Single(p => p.Label == label);

    [Fact]
    public void ComplaintPart_Sample2023December_IsEachStagesComplaintsAboveBaselineOverTheLargest()
    {
        // The listening path's spikes of 2023-12 (ListeningCalculator's defaults, as the room computes them): renewal 4
        // complaints observed against 6/7 expected, service 13 against 37/7. Complaints above baseline: renewal 4 - 6/7 =
        // 22/7; service 13 - 37/7 = 54/7, the largest. So the part is 22/54 = 0.407407 for renewal touchpoints, 1 for
        // service ones, 0 elsewhere.
        GridPeriod december = Period("2023-12");
        ErosionReport without = Calculator.Report(Sample.Value.Input, december);
        ErosionReport with = Calculator.Report(Sample.Value.Input, december, null, Sample.Value.Listening);

        SpikeCheck[] spikes = [.. Sample.Value.Listening.Spikes.Where(c => c.IsSpike && c.Period.Index == december.Index)];
        Assert.Equal(
            [("renewal", 4L, Math.Round(6.0 / 7, 9)), ("service", 13L, Math.Round(37.0 / 7, 9))],
            spikes.OrderBy(c => c.StageId, StringComparer.Ordinal).ThenByDescending(c => c.Observed).Select(c => (c.StageId!, c.Observed, Math.Round(c.Expected, 9))));

        Dictionary<string, Priority> before = without.RankedTouchpoints.ToDictionary(p => p.Touchpoint.Id, StringComparer.Ordinal);
        foreach (Priority p in with.RankedTouchpoints)
        {
            double expected = p.Stage.Id switch { "renewal" => 22.0 / 54, "service" => 1, _ => 0 };
            Assert.Equal(expected, p.Score.ComplaintPart!.Value, 12);
            Assert.Equal(0.25, p.Score.ComplaintWeight);
            if (before.TryGetValue(p.Touchpoint.Id, out Priority? old))
            {
                // Feedback only adds its part: the other parts and weights are unchanged.
                Assert.Equal((old.Score.RevenueAtRiskPart, old.Score.SignalPart, old.Score.StageLossPart), (p.Score.RevenueAtRiskPart, p.Score.SignalPart, p.Score.StageLossPart));
                Assert.Equal(old.Score.Value + (0.25 * expected), p.Score.Value, 12);
            }

            Assert.Equal(p.Stage.Id is "renewal" or "service", p.ComplaintSpikes.Count > 0);
        }

        Priority service = with.RankedTouchpoints.First(p => p.Stage.Id == "service");
        Assert.Contains("complaints spiking at the service stage (", service.Why, StringComparison.Ordinal);
        Assert.Contains(": 13 against 5.3 expected)", service.Why, StringComparison.Ordinal);
        Assert.EndsWith(" + 0.25 × 1", service.Score.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ComplaintPart_WithoutFeedback_IsAbsent_AndEveryScoreIsAsBefore()
    {
        GridPeriod period = Period("2025-12");
        ErosionReport plain = Calculator.Report(Sample.Value.Input, period);
        ErosionReport none = Calculator.Report(Sample.Value.Input, period, null, null);

        Assert.Equal(plain.RankedTouchpoints.Select(p => (p.Touchpoint.Id, p.Score.Value, p.Why, p.Score.ToString())), none.RankedTouchpoints.Select(p => (p.Touchpoint.Id, p.Score.Value, p.Why, p.Score.ToString())));
        Assert.All(plain.RankedTouchpoints, p =>
        {
            Assert.Null(p.Score.ComplaintPart);
            Assert.Equal(0, p.Score.ComplaintWeight);
            Assert.Empty(p.ComplaintSpikes);
            Assert.DoesNotContain("complaints spiking", p.Why, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void ComplaintPart_FeedbackWithoutSpikeInThePeriod_IsZero_AndTheRankingUnchanged()
    {
        // 2025-12 holds no spike in the sample: the part is 0 everywhere, so the ranking and the values are those without
        // feedback (the part is there, at 0).
        GridPeriod period = Period("2025-12");
        ErosionReport plain = Calculator.Report(Sample.Value.Input, period);
        ErosionReport heard = Calculator.Report(Sample.Value.Input, period, null, Sample.Value.Listening);

        Assert.Equal(plain.RankedTouchpoints.Select(p => (p.Touchpoint.Id, p.Score.Value, p.Why)), heard.RankedTouchpoints.Select(p => (p.Touchpoint.Id, p.Score.Value, p.Why)));
        Assert.All(heard.RankedTouchpoints, p => Assert.Equal(0.0, p.Score.ComplaintPart));
    }

    [Fact]
    public void Priorities_WithFeedback_AreDeterministic_AndIndependentOfTheFeedbacksOrder()
    {
        // FsCheck law: any shuffle of the feedback signals gives the same priorities, parts and sentences (2025-05: the
        // financing-delay spike of the purchase stage).
        GridPeriod may = Period("2025-05");
        ErosionReport reference = Calculator.Report(Sample.Value.Input, may, null, Sample.Value.Listening);
        Assert.Contains(reference.RankedTouchpoints, p => p.Score.ComplaintPart == 1 && p.Stage.Id == "purchase");

        Properties.Check(ArbMap.Default.ArbFor<int>(), seed =>
        {
            var random = new Random(seed);
            ListeningReport shuffled = Listen(Sample.Value.Company, Sample.Value.Company.Feedback.OrderBy(_ => random.Next()));
            ErosionReport again = Calculator.Report(Sample.Value.Input, may, null, shuffled);

            Assert.Equal(reference.RankedTouchpoints.Select(p => (p.Rank, p.Touchpoint.Id, p.Score.ToString(), p.Why)), again.RankedTouchpoints.Select(p => (p.Rank, p.Touchpoint.Id, p.Score.ToString(), p.Why)));
        }, maxTests: 3);
    }

    [Fact]
    public void Report_ListeningOnAnotherGrid_IsCX0809()
    {
        PeriodGrid shorter = PeriodGrid.Monthly(new NodaTime.YearMonth(2023, 1), new NodaTime.YearMonth(2023, 3));
        ListeningReport other = new ListeningCalculator().Calculate(Sample.Value.Company.Journey, shorter, [], Sample.Value.Company.FeedbackTaxonomy);

        CxValidationException ex = Assert.Throws<CxValidationException>(() => Calculator.Report(Sample.Value.Input, Period("2025-12"), null, other));

        CxValidationFailure failure = Assert.Single(ex.Failures);
        Assert.Equal((CxErrorCodes.ErosionListeningGridInvalid, "Listening"), (failure.ErrorCode, failure.Field));
    }
}
