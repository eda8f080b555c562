using Cx.Domain.Assets;
using Cx.Domain.Listening;
using Cx.Domain.Samples;
using Cx.Domain.Validation;
using NodaTime;

namespace Cx.Domain.Tests.Samples;

/// <summary>The sample company's feedback agrees with the rest of the company: the financing break shows as a spike of
/// complaints that the surveys confirm a period later, the test-drive drift as slowly rising complaints, and promoters
/// churn less than detractors.</summary>
public sealed class SampleCompanyFeedbackTests
{
    private static readonly SampleCompany Company = SampleCompany.Generate();

    private static readonly Lazy<ListeningReport> Report = new(() =>
    {
        AssetMovementReport movements = new AssetMovementCalculator().Calculate(Company.RevenueLedger());
        IReadOnlyList<FeedbackSignal> tagged = new TopicTagger(Company.FeedbackTaxonomy).TagAll(Company.Feedback).Signals;
        return new ListeningCalculator().Calculate(Company.Journey, Company.Grid, tagged, Company.FeedbackTaxonomy, movements);
    });

    [Fact]
    public void Feedback_Always_IsValidOrderedAndInsideTheGrid()
    {
        var validator = new FeedbackSignalValidator(Company.Journey, Company.FeedbackTaxonomy);

        Assert.All(Company.Feedback, s => Assert.True(validator.Validate(s).IsValid, s.ToString()));
        Assert.Equal(Company.Feedback.OrderBy(s => s.At), Company.Feedback);
        Assert.Equal(0, Report.Value.BeforeGridCount + Report.Value.AfterGridCount);
        Assert.InRange(Company.Feedback.Count, 20_000, 200_000);
    }

    [Fact]
    public void Feedback_SameSeed_IsTheSame()
    {
        SampleCompany again = SampleCompany.Generate();

        Assert.Equal(Company.Feedback, again.Feedback);
    }

    [Fact]
    public void FinancingBreak_ShowsAsASpikeAtPurchaseInApril2025()
    {
        SpikeCheck[] financing = [.. Report.Value.Spikes.Where(s => s.StageId == "purchase" && s.TopicId == SampleCompany.FinancingDelayTopic)];

        Assert.NotEmpty(financing);
        SpikeCheck first = financing[0];
        Assert.Equal("2025-04", first.Period.Label);
        Assert.Equal(SpikeDetector.Farrington, first.Detector);
        Assert.True(first.Observed > 3 * first.Expected, first.ToString());
        Assert.True(first.FalseAlarmProbability < 1e-6, first.ToString());
    }

    [Fact]
    public void FinancingSpike_IsConfirmedByTheSurveysAPeriodLater()
    {
        SpikeConfirmation confirmation = Report.Value.Confirmations.First(c => c.Spike.StageId == "purchase" && c.Spike.TopicId == SampleCompany.FinancingDelayTopic);

        Assert.Equal(ConfirmationVerdict.Confirmed, confirmation.Verdict);
        Assert.Equal(SurveyInstrument.Ces, confirmation.Instrument);
        Assert.Equal("2025-05", confirmation.Evidence!.Period.Label);
        Assert.True(confirmation.Evidence.Change < 0 && confirmation.Evidence.IsSignificant, confirmation.Evidence.ToString());
    }

    [Fact]
    public void TestDriveDrift_RaisesComplaintsSlowly()
    {
        long Complaints(int year, int fromMonth, int toMonth) => Report.Value.Periods
            .Where(p => p.Period.Start.Year == year && p.Period.Start.Month >= fromMonth && p.Period.Start.Month <= toMonth)
            .Sum(p => p.Topics.Single(t => t.Key == SampleCompany.TestDriveWaitTopic).Count);

        long before = Complaints(2024, 1, 6);
        long after = Complaints(2025, 7, 12);

        Assert.True(after > 4 * Math.Max(before, 1), $"test-drive-wait mentions: {before} in 2024-H1, {after} in 2025-H2");
    }

    [Fact]
    public void RelationshipNps_PromotersChurnLessThanDetractors()
    {
        var index = Company.Customers.ToDictionary(c => c.Id, c => c.Index);
        ILookup<Cx.Domain.Primitives.CustomerId, CustomerMovement> churns = new AssetMovementCalculator()
            .CustomerMovements(Company.RevenueLedger()).Where(m => m.Class == MovementClass.Churned).ToLookup(m => m.Customer);
        var rate = new Dictionary<string, (int Churned, int All)> { ["promoter"] = (0, 0), ["detractor"] = (0, 0) };
        foreach (FeedbackSignal s in Company.Feedback.Where(s => s.Survey.Instrument == SurveyInstrument.Nps && s.StageId is null && s.TouchpointId is null))
        {
            string group = s.Survey.Score >= 9 ? "promoter" : s.Survey.Score <= 6 ? "detractor" : "passive";
            if (group == "passive")
            {
                continue;
            }

            int month = Company.Grid.IndexOf(s.At.InUtc().Date);
            bool churned = churns[s.Customer!.Value].Any(m => m.Period.Index > month && m.Period.Index <= month + 6);
            rate[group] = (rate[group].Churned + (churned ? 1 : 0), rate[group].All + 1);
        }

        double promoters = (double)rate["promoter"].Churned / rate["promoter"].All;
        double detractors = (double)rate["detractor"].Churned / rate["detractor"].All;
        Assert.True(rate["promoter"].All > 100 && rate["detractor"].All > 100);
        Assert.True(detractors > 2 * promoters, $"6-month churn: promoters {promoters:P1} ({rate["promoter"].All}), detractors {detractors:P1} ({rate["detractor"].All})");
    }
}
