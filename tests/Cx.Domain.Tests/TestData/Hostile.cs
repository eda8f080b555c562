using Cx.Domain.Assets;
using Cx.Domain.Attribution;
using Cx.Domain.Journey;
using Cx.Domain.Primitives;
using Cx.Domain.Reliability;
using NodaTime;

namespace Cx.Domain.Tests.TestData;

/// <summary>Results whose names are hostile — markup, attribute breakers, Markdown table breakers, spreadsheet formulas —
/// to prove every renderer keeps them inert text. Reused by the Chromium checks (and the customer-room report's tests).</summary>
public static class Hostile
{
    /// <summary>A script tag: must never run or become an element.</summary>
    public const string Script = "<script>alert(1)</script>";

    /// <summary>Breaks out of a quoted attribute to add an event handler.</summary>
    public const string Attribute = "\" onload=\"alert(2)";

    /// <summary>Markup that would mark the page if it ever ran (a Chromium test looks for the mark).</summary>
    public const string Image = "<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">";

    /// <summary>Ends a Markdown table cell and row.</summary>
    public const string Table = "a|b\nc";

    /// <summary>Spreadsheet formulas (CSV injection), one per OWASP prefix.</summary>
    public static readonly string[] Formulas = ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)"];

    /// <summary>All hostile names, distinct.</summary>
    public static readonly string[] Names = [Script, Image, Attribute, Table, "'single' & <b>bold</b>", .. Formulas];

    /// <summary>A journey whose stage and touchpoint ids, names and owners are hostile.</summary>
    public static JourneyFramework Journey() => JourneyFramework.Create(
        Script,
        [new JourneyStage(Script, Attribute, 1), new JourneyStage(Table, Formulas[0], 2), new JourneyStage(Formulas[1], Image, 3)],
        [
            new Touchpoint(Formulas[2], Script, Script, TouchpointCategory.EarningTheRightToGrowth, Attribute),
            new Touchpoint(Attribute, Table, Table, TouchpointCategory.RespondingToCustomerNeeds, Formulas[3]),
            new Touchpoint(Formulas[3], Formulas[0], Formulas[1], TouchpointCategory.ManagingCustomersAtRisk, Table, isMomentOfTruth: true),
        ]);

    public static PeriodGrid Grid => PeriodGrid.Monthly(new YearMonth(2024, 1), new YearMonth(2024, 3));

    /// <summary>A ledger of three customers whose segments are hostile names.</summary>
    public static AssetLedger Ledger() => AssetLedger.FromRecords(
        [
            Sale("A", 1, 100m, Script), Sale("A", 2, 150m, Script), Sale("A", 3, 90m, Script),
            Sale("B", 1, 200m, Formulas[0]), Sale("B", 2, 120m, Formulas[0]),
            Sale("C", 2, 1_234_567.89m, Table), Sale("C", 3, 1_300_000m, Table),
            Sale("D", 1, 50m, Image), Sale("D", 3, 75m, Image),
        ],
        Grid);

    public static AssetMovementReport Movements() => new AssetMovementCalculator().Calculate(Ledger());

    public static AttributionResult Attribution()
    {
        ExperienceEvent E(string who, string touchpoint, int month, int day, ExperienceOutcome outcome = ExperienceOutcome.Reliable) =>
            new(CustomerId.From(who), touchpoint, Instant.FromUtc(2024, month, day, 10, 0), outcome);
        return new JourneyAttributionCalculator().Calculate(
            Journey(),
            Ledger(),
            [
                E("A", Formulas[2], 1, 5), E("A", Attribute, 2, 3), E("B", Formulas[3], 2, 10, ExperienceOutcome.Unreliable),
                E("C", Formulas[2], 2, 1), E("A", Formulas[3], 3, 2, ExperienceOutcome.Unreliable),
            ]);
    }

    /// <summary>A standard whose id, touchpoint, name, metric, unit and owner are hostile.</summary>
    public static ReliabilityStandard Standard() => ReliabilityStandard.Create(new ReliabilityStandardDefinition
    {
        Id = Script, TouchpointId = Formulas[0], Name = Attribute, Metric = Table, Unit = "<h>",
        Comparison = ThresholdComparison.AtMost, Threshold = 48, Objective = 0.9, Window = EvaluationWindow.Calendar(Grid),
        MinimumEvents = 1, Owner = Formulas[3],
    });

    public static IReadOnlyList<ReliabilityMeasurement> Measurements() =>
        [.. Enumerable.Range(0, 60).Select(i => new ReliabilityMeasurement(Script, Instant.FromUtc(2024, 1, 1, 0, 0) + Duration.FromHours(i * 36), i % 5 == 0 ? 72 : 20))];

    public static ReliabilityReport Reliability() =>
        new ReliabilityEvaluator().Evaluate(ReliabilityStandardSet.Create([Standard()]), Measurements(), Instant.FromUtc(2024, 3, 31, 0, 0));

    public static ReliabilityBacktest Backtest() =>
        new ReliabilityEvaluator().Backtest(ReliabilityStandardSet.Create([Standard()]), Measurements());

    private static AssetRecord Sale(string who, int month, decimal usd, string segment) =>
        new(CustomerId.From(who), new LocalDate(2024, month, 15), Money.FromDecimal(usd, Currency.Usd), segment);
}
