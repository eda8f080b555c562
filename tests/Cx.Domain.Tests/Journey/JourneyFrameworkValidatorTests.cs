using Cx.Domain.Journey;
using Cx.Domain.Tests.TestData;
using Cx.Domain.Tests.Validation;
using Cx.Domain.Validation;

namespace Cx.Domain.Tests.Journey;

public sealed class JourneyFrameworkValidatorTests
{
    private static FluentValidation.Results.ValidationResult Validate(string name, JourneyStage[] stages, Touchpoint[] touchpoints) =>
        new JourneyFrameworkValidator().Validate(new JourneyFrameworkDefinition(name, stages, touchpoints));

    [Fact]
    public void Validate_SmallJourney_HasNoFailures()
    {
        ValidationAssert.Valid(Validate("Test", Journeys.Stages(), Journeys.Touchpoints()));
    }

    [Fact]
    public void Validate_EmptyName_FailsWithJourneyNameEmpty()
    {
        ValidationAssert.SingleFailure(Validate(" ", Journeys.Stages(), Journeys.Touchpoints()), CxErrorCodes.JourneyNameEmpty, "Name", "name");
    }

    [Fact]
    public void Validate_NoStages_FailsWithJourneyNoStagesAndUnknownStages()
    {
        string[] codes = ValidationAssert.Codes(Validate("Test", [], []));

        Assert.Equal([CxErrorCodes.JourneyNoStages], codes);
    }

    [Fact]
    public void Validate_NullStages_FailsOnlyWithTheJourneyCode()
    {
        FluentValidation.Results.ValidationResult result = new JourneyFrameworkValidator().Validate(new JourneyFrameworkDefinition("Test", null!, []));

        Assert.All(result.Errors, e => Assert.StartsWith("CX", e.ErrorCode, StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.ErrorCode == CxErrorCodes.JourneyNoStages);
    }

    [Fact]
    public void Validate_EmptyStageId_FailsWithJourneyIdEmpty()
    {
        JourneyStage[] stages = [new("research", "Research", 1), new(" ", "Purchase", 2), new("service", "Service", 3)];
        Touchpoint[] touchpoints = Journeys.Touchpoints().Where(t => t.StageId != "purchase").ToArray();

        ValidationAssert.SingleFailure(Validate("Test", stages, touchpoints), CxErrorCodes.JourneyIdEmpty, "Stages[1].Id", "stage #1");
    }

    [Fact]
    public void Validate_DuplicateStageId_FailsWithJourneyDuplicateId()
    {
        JourneyStage[] stages = [.. Journeys.Stages(), new("research", "Again", 4)];

        ValidationAssert.SingleFailure(Validate("Test", stages, Journeys.Touchpoints()), CxErrorCodes.JourneyDuplicateId, "Stages[3].Id", "'research'");
    }

    [Fact]
    public void Validate_DuplicateTouchpointId_FailsWithJourneyDuplicateId()
    {
        Touchpoint[] touchpoints = [.. Journeys.Touchpoints(), new("web", "Web again", "purchase", TouchpointCategory.IncreasingTheBond, "Digital")];

        ValidationAssert.SingleFailure(Validate("Test", Journeys.Stages(), touchpoints), CxErrorCodes.JourneyDuplicateId, "Touchpoints[5].Id", "'web'");
    }

    [Theory]
    [InlineData(1, 2, 4)]
    [InlineData(1, 2, 2)]
    [InlineData(0, 1, 2)]
    [InlineData(2, 3, 4)]
    public void Validate_StagePositionsWithAGapOrRepeat_FailsWithJourneyStageOrderInvalid(int a, int b, int c)
    {
        JourneyStage[] stages = [new("research", "Research", a), new("purchase", "Purchase", b), new("service", "Service", c)];

        ValidationAssert.SingleFailure(Validate("Test", stages, Journeys.Touchpoints()), CxErrorCodes.JourneyStageOrderInvalid, "Stages", "positions 1 to 3");
    }

    [Fact]
    public void Validate_UnknownStage_FailsWithJourneyUnknownStage()
    {
        Touchpoint[] touchpoints = [.. Journeys.Touchpoints(), new("x", "X", "nowhere", TouchpointCategory.IncreasingTheBond, "Digital")];

        ValidationAssert.SingleFailure(Validate("Test", Journeys.Stages(), touchpoints), CxErrorCodes.JourneyUnknownStage, "Touchpoints[5].StageId", "'nowhere'");
    }

    [Theory]
    [InlineData(TouchpointCategory.Unknown)]
    [InlineData((TouchpointCategory)9)]
    public void Validate_UndefinedCategory_FailsWithJourneyCategoryInvalid(TouchpointCategory category)
    {
        Touchpoint[] touchpoints = [.. Journeys.Touchpoints(), new("x", "X", "service", category, "Digital")];

        ValidationAssert.SingleFailure(Validate("Test", Journeys.Stages(), touchpoints), CxErrorCodes.JourneyCategoryInvalid, "Touchpoints[5].Category", "four categories");
    }

    [Fact]
    public void Validate_EmptyTouchpointName_FailsWithJourneyNameMissing()
    {
        Touchpoint[] touchpoints = [.. Journeys.Touchpoints(), new("x", "", "service", TouchpointCategory.IncreasingTheBond, "Digital")];

        ValidationAssert.SingleFailure(Validate("Test", Journeys.Stages(), touchpoints), CxErrorCodes.JourneyNameMissing, "Touchpoints[5].Name", "'x'");
    }

    [Fact]
    public void Validate_NoOwner_FailsWithJourneyOwnerMissing()
    {
        Touchpoint[] touchpoints = [.. Journeys.Touchpoints(), new("x", "X", "service", TouchpointCategory.IncreasingTheBond, " ")];

        ValidationAssert.SingleFailure(Validate("Test", Journeys.Stages(), touchpoints), CxErrorCodes.JourneyOwnerMissing, "Touchpoints[5].Owner", "'x'");
    }

    [Fact]
    public void Create_ManyProblems_ReportsEveryFailureTogether()
    {
        JourneyStage[] stages = [new("a", "", 1), new("a", "A", 3)];
        Touchpoint[] touchpoints = [new("", "T", "zz", TouchpointCategory.Unknown, "")];

        CxValidationException ex = Assert.Throws<CxValidationException>(() => JourneyFramework.Create("", stages, touchpoints));

        Assert.Equal(
            new[] { CxErrorCodes.JourneyNameEmpty, CxErrorCodes.JourneyIdEmpty, CxErrorCodes.JourneyDuplicateId, CxErrorCodes.JourneyStageOrderInvalid, CxErrorCodes.JourneyUnknownStage, CxErrorCodes.JourneyCategoryInvalid, CxErrorCodes.JourneyNameMissing, CxErrorCodes.JourneyOwnerMissing }.Order(StringComparer.Ordinal),
            ex.Failures.Select(f => f.ErrorCode).Order(StringComparer.Ordinal));
        Assert.Equal(8, ex.TotalFailureCount);
    }

    [Fact]
    public void Create_StagesOutOfOrder_OrdersStagesByPositionAndTouchpointsByStage()
    {
        JourneyStage[] stages = [new("service", "Service", 3), new("research", "Research", 1), new("purchase", "Purchase", 2)];
        Touchpoint[] touchpoints = Journeys.Touchpoints().Reverse().ToArray();

        JourneyFramework framework = JourneyFramework.Create("Test", stages, touchpoints);

        Assert.Equal(["research", "purchase", "service"], framework.Stages.Select(s => s.Id));
        Assert.Equal(["dealer", "web", "proposal", "check-in", "repair"], framework.Touchpoints.Select(t => t.Id));
        Assert.Equal(2, framework.IndexOfStage("service"));
        Assert.Equal(-1, framework.IndexOfTouchpoint("nope"));
        Assert.Equal("purchase", framework.StageOf("proposal").Id);
        Assert.Contains("Known touchpoints", Assert.Throws<ArgumentException>(() => framework.GetTouchpoint("nope")).Message, StringComparison.Ordinal);
    }
}
