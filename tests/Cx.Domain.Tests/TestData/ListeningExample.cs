using Cx.Domain.Assets;
using Cx.Domain.Journey;
using Cx.Domain.Listening;
using Cx.Domain.Primitives;
using NodaTime;

namespace Cx.Domain.Tests.TestData;

/// <summary>The worked example of docs/concepts/listening.md: fourteen signals about the small test journey over
/// January to March 2025, a three-topic taxonomy, and eight customers' revenue for the active-customer counts.</summary>
internal static class ListeningExample
{
    public static PeriodGrid Grid { get; } = PeriodGrid.Monthly(new YearMonth(2025, 1), new YearMonth(2025, 3));

    public static JourneyFramework Journey { get; } = Journeys.Small();

    public static TopicTaxonomy Taxonomy { get; } = TopicTaxonomy.Create(
    [
        new TaxonomyTopic("price", "Price", ["price", "expensive"], ["purchase"]),
        new TaxonomyTopic("wait", "Waiting", ["wait*", "delay*", "slow"], ["service"]),
        new TaxonomyTopic("staff", "Staff", ["friendly", "rude staff"]),
    ]);

    public static Instant At(int month, int day, int hour = 12) => Instant.FromUtc(2025, month, day, hour, 0);

    public static FeedbackSignal[] Signals() =>
    [
        new(At(1, 5), FeedbackSource.CallCenter, FeedbackKind.Complaint) { TouchpointId = "repair", Text = "Waited three weeks for the repair", Sentiment = -0.8 },
        new(At(1, 9), FeedbackSource.Email, FeedbackKind.Complaint) { Text = "Far too EXPENSIVE", Sentiment = -0.5 },
        new(At(1, 12), FeedbackSource.Web, FeedbackKind.Unaided) { StageId = "research", Text = "Very friendly people", Sentiment = 0.9 },
        new(At(1, 20), FeedbackSource.Survey, FeedbackKind.Survey) { StageId = "purchase", Survey = SurveyAnswer.Nps(10) },
        new(At(1, 21), FeedbackSource.Survey, FeedbackKind.Survey) { StageId = "purchase", Survey = SurveyAnswer.Nps(6) },
        new(At(2, 2), FeedbackSource.Store, FeedbackKind.Complaint) { TouchpointId = "proposal", Text = "The price, and the délay!" },
        new(At(2, 3), FeedbackSource.Chat, FeedbackKind.Unaided) { Text = "hello" },
        new(At(2, 10), FeedbackSource.Survey, FeedbackKind.Survey) { StageId = "service", Survey = SurveyAnswer.Csat(5) },
        new(At(2, 11), FeedbackSource.Survey, FeedbackKind.Survey) { StageId = "service", Survey = SurveyAnswer.Csat(3) },
        new(At(2, 12), FeedbackSource.Survey, FeedbackKind.Survey) { StageId = "purchase", Survey = SurveyAnswer.Ces(6) },
        new(At(3, 14), FeedbackSource.Social, FeedbackKind.Complaint) { StageId = "service", Text = "Rude staff at the desk", Sentiment = -1 },
        new(At(3, 15), FeedbackSource.Survey, FeedbackKind.Survey) { StageId = "purchase", Survey = SurveyAnswer.Ces(2) },
        new(Instant.FromUtc(2024, 12, 31, 23, 0), FeedbackSource.Other, FeedbackKind.Complaint) { Text = "too slow" },
        new(Instant.FromUtc(2025, 4, 1, 0, 0), FeedbackSource.Other, FeedbackKind.Complaint) { Text = "too slow" },
    ];

    /// <summary>Active customers: 4 in January, 5 in February, 8 in March.</summary>
    public static AssetMovementReport Assets()
    {
        var records = new List<AssetRecord>();
        void Buy(string customer, int month) => records.Add(new AssetRecord(CustomerId.From(customer), new LocalDate(2025, month, 3), Money.FromDecimal(10m, Currency.Usd)));
        foreach (string c in new[] { "A", "B", "C", "D" })
        {
            Buy(c, 1);
        }

        foreach (string c in new[] { "A", "B", "C", "D", "E" })
        {
            Buy(c, 2);
        }

        foreach (string c in new[] { "A", "B", "C", "D", "E", "F", "G", "H" })
        {
            Buy(c, 3);
        }

        return new AssetMovementCalculator().Calculate(AssetLedger.FromRecords(records, Grid));
    }

    /// <summary>The example's report: signals tagged with the taxonomy, then counted with the active customers.</summary>
    public static ListeningReport Report() =>
        new ListeningCalculator().Calculate(Journey, Grid, new TopicTagger(Taxonomy).TagAll(Signals()).Signals, Taxonomy, Assets());
}
