using Cx.Domain.Assets;
using Cx.Domain.Attribution;
using Cx.Domain.Journey;
using Cx.Domain.Primitives;
using Cx.Domain.Tests.TestData;
using Cx.Domain.Tests.Validation;
using Cx.Domain.Validation;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaPeriod = NodaTime.Period;

namespace Cx.Domain.Tests.Attribution;

public sealed class AttributionBadInputTests
{
    private static readonly PeriodGrid Grid = PeriodGrid.Monthly(new LocalDate(2024, 1, 1), new LocalDate(2024, 3, 31));
    private static readonly CustomerMovement[] OneGain = [new(CustomerId.From("a"), Grid[2], MovementClass.New, 0, 100, null)];

    private static ExperienceEvent Event(string customer, string touchpoint, ExperienceOutcome outcome = ExperienceOutcome.Reliable, string? channel = null) =>
        new(customer.Length == 0 ? default : CustomerId.From(customer), touchpoint, Instant.FromUtc(2024, 3, 10, 0, 0), outcome, channel);

    [Fact]
    public void Calculate_UnknownTouchpointsAndBadEvents_ReportsEveryFailureWithPositionAndCode()
    {
        ExperienceEvent[] events = [Event("a", "web"), Event("a", "tets-drive"), Event("", "web"), Event("a", "web", (ExperienceOutcome)9, " ")];

        CxValidationException ex = Assert.Throws<CxValidationException>(() => new JourneyAttributionCalculator().Calculate(Journeys.Small(), OneGain, events));

        Assert.Equal(
            [(1L, CxErrorCodes.EventUnknownTouchpoint), (2L, CxErrorCodes.CustomerIdEmpty), (3L, CxErrorCodes.EventInvalid), (3L, CxErrorCodes.EventInvalid)],
            ex.Failures.Select(f => (f.Position!.Value, f.ErrorCode)));
        Assert.Contains("'tets-drive'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Calculate_EventForACustomerOutsideTheLedger_FailsWithEventUnknownCustomer()
    {
        AssetLedger ledger = AssetLedger.FromRecords([new AssetRecord(CustomerId.From("a"), new LocalDate(2024, 3, 1), Money.FromMinorUnits(100, Currency.Usd))], Grid);

        CxValidationException ex = Assert.Throws<CxValidationException>(() =>
            new JourneyAttributionCalculator().Calculate(Journeys.Small(), ledger, [Event("a", "web"), Event("ghost", "web")]));

        CxValidationFailure failure = Assert.Single(ex.Failures);
        Assert.Equal((1L, CxErrorCodes.EventUnknownCustomer), (failure.Position!.Value, failure.ErrorCode));
        Assert.Contains("'ghost'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Calculate_EventsOfCustomersWithoutMovements_AreNullPathsNotErrors()
    {
        AttributionResult result = new JourneyAttributionCalculator().Calculate(Journeys.Small(), OneGain, [Event("a", "web"), Event("b", "web")]);

        Assert.Equal(1, result.GainNullPathCount);
        Assert.Equal(100, result.EarnedValue);
    }

    [Fact]
    public void Calculate_EventsOutsideEveryWindow_AreCountedNotLost()
    {
        ExperienceEvent old = new(CustomerId.From("a"), "web", Instant.FromUtc(2020, 1, 1, 0, 0), ExperienceOutcome.Reliable);

        AttributionResult result = new JourneyAttributionCalculator().Calculate(Journeys.Small(), OneGain, [old, Event("a", "dealer")]);

        Assert.Equal(2, result.EventCount);
        Assert.Equal(1, result.EventsOutsideEveryWindowCount);
        Assert.Equal(100, result.Touchpoints.Single(t => t.Touchpoint.Id == "dealer").EarnedValue);
    }

    [Fact]
    public void Calculate_DuplicateMovement_FailsWithAttributionMovementInvalid()
    {
        CxValidationException ex = Assert.Throws<CxValidationException>(() =>
            new JourneyAttributionCalculator().Calculate(Journeys.Small(), [.. OneGain, .. OneGain], [Event("a", "web")]));

        Assert.Equal(CxErrorCodes.AttributionMovementInvalid, Assert.Single(ex.Failures).ErrorCode);
    }

    [Fact]
    public void Calculate_FlatAndUncountedMovements_AreCountedAsExcluded()
    {
        CustomerMovement flat = new(CustomerId.From("b"), Grid[2], MovementClass.Flat, 100, 100, null);
        CustomerMovement churn = new(CustomerId.From("c"), Grid[2], MovementClass.Churned, 100, 0, null);

        AttributionResult result = new JourneyAttributionCalculator().Calculate(Journeys.Small(), [.. OneGain, flat, churn], [], new AttributionOptions { Movements = [MovementClass.New] });

        Assert.Equal(2, result.ExcludedMovementCount);
        Assert.Equal(100, result.Unattributed.EarnedValue);
        Assert.Equal(0, result.LostValue);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Validate_ZeroOrNegativeHalfLife_FailsWithAttributionHalfLifeInvalid(int days)
    {
        ValidationAssert.SingleFailure(new AttributionOptionsValidator().Validate(new AttributionOptions { HalfLife = Duration.FromDays(days) }),
            CxErrorCodes.AttributionHalfLifeInvalid, "HalfLife", "positive half-life");
    }

    [Fact]
    public void Calculate_ZeroHalfLife_ThrowsBeforeReadingAnything()
    {
        CxValidationException ex = Assert.Throws<CxValidationException>(() => new JourneyAttributionCalculator().Calculate(
            Journeys.Small(), OneGain, [Event("a", "web")], new AttributionOptions { Model = AttributionModel.TimeDecay, HalfLife = Duration.Zero }));

        Assert.Equal(CxErrorCodes.AttributionHalfLifeInvalid, Assert.Single(ex.Failures).ErrorCode);
    }

    public static TheoryData<NodaPeriod?> BadLookbacks() => [NodaPeriod.Zero, NodaPeriod.FromDays(-3), NodaPeriod.FromDays(5) + NodaPeriod.FromHours(-1), null];

    [Theory]
    [MemberData(nameof(BadLookbacks))]
    public void Validate_LookbackNotPositive_FailsWithAttributionLookbackInvalid(NodaPeriod? lookback)
    {
        ValidationAssert.SingleFailure(new AttributionOptionsValidator().Validate(new AttributionOptions { Lookback = lookback! }), CxErrorCodes.AttributionLookbackInvalid, "Lookback");
    }

    [Theory]
    [InlineData(0.7, 0.6)]
    [InlineData(-0.1, 0.4)]
    [InlineData(0, 0)]
    [InlineData(double.NaN, 0.4)]
    public void Validate_BadPositionShares_FailsWithAttributionPositionSharesInvalid(double first, double last)
    {
        ValidationAssert.SingleFailure(new AttributionOptionsValidator().Validate(new AttributionOptions { FirstTouchShare = first, LastTouchShare = last }),
            CxErrorCodes.AttributionPositionSharesInvalid, "FirstTouchShare", "[0, 1]");
    }

    [Fact]
    public void Validate_UndefinedPoliciesAndFlatMovements_ReportsEveryFailure()
    {
        var options = new AttributionOptions
        {
            Model = AttributionModel.Unknown,
            GainTouches = TouchFilter.Unknown,
            LossTouches = (TouchFilter)8,
            ShapleyPlayers = ShapleyPlayers.Unknown,
            TimeZone = null!,
            Movements = [MovementClass.Flat],
        };

        Assert.Equal(
            [CxErrorCodes.PolicyInvalid, CxErrorCodes.PolicyInvalid, CxErrorCodes.PolicyInvalid, CxErrorCodes.PolicyInvalid, CxErrorCodes.PolicyInvalid, CxErrorCodes.AttributionMovementClassesInvalid],
            ValidationAssert.Codes(new AttributionOptionsValidator().Validate(options)));
    }

    [Fact]
    public void Validate_DefaultOptions_HaveNoFailures()
    {
        ValidationAssert.Valid(new AttributionOptionsValidator().Validate(new AttributionOptions()));
        Assert.Equal(NodaPeriod.FromDays(90), new AttributionOptions().Lookback);
        Assert.Equal(Duration.FromDays(7), new AttributionOptions().HalfLife);
    }

    [Fact]
    public void Shapley_MoreThanFifteenTouchpointPlayers_FailsWithAttributionTooManyShapleyPlayers()
    {
        JourneyFramework framework = Journeys.Flat(16);
        ExperienceEvent[] events = Enumerable.Range(0, 16).Select(i => Event("a", $"t{i}")).ToArray();

        CxValidationException ex = Assert.Throws<CxValidationException>(() => new JourneyAttributionCalculator().Calculate(
            framework, OneGain, events, new AttributionOptions { Model = AttributionModel.Shapley, ShapleyPlayers = ShapleyPlayers.Touchpoints }));

        Assert.Equal(CxErrorCodes.AttributionTooManyShapleyPlayers, Assert.Single(ex.Failures).ErrorCode);
        Assert.Equal(100, new JourneyAttributionCalculator().Calculate(framework, OneGain, events, new AttributionOptions { Model = AttributionModel.MarkovChain }).Touchpoints.Sum(t => t.EarnedValue));
    }

    [Fact]
    public void Calculate_ModelNotRegistered_ThrowsInvalidOperationNamingTheRegisteredOnes()
    {
        var calculator = new JourneyAttributionCalculator([new LinearModel()]);

        string message = Assert.Throws<InvalidOperationException>(() => calculator.Calculate(Journeys.Small(), OneGain, [], new AttributionOptions { Model = AttributionModel.Shapley })).Message;

        Assert.Contains("Linear", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCxDomain_Always_RegistersTheCalculatorAndEveryBuiltInModelOnce()
    {
        var services = new ServiceCollection();
        services.AddCxDomain();
        services.AddCxDomain();
        using ServiceProvider provider = services.BuildServiceProvider();

        Assert.Equal(7, provider.GetServices<IAttributionModel>().Select(m => m.Kind).Distinct().Count());
        Assert.Equal(7, provider.GetServices<IAttributionModel>().Count());
        Assert.Equal(100, provider.GetRequiredService<JourneyAttributionCalculator>().Calculate(Journeys.Small(), OneGain, [Event("a", "web")]).EarnedValue);
    }
}
