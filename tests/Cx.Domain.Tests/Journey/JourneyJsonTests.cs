using Cx.Domain.Journey;
using Cx.Domain.Tests.TestData;
using Cx.Domain.Validation;

namespace Cx.Domain.Tests.Journey;

public sealed class JourneyJsonTests
{
    [Fact]
    public void Parse_WrittenFramework_RoundTripsToAnEqualFramework()
    {
        JourneyFramework framework = Journeys.Small();

        string json = JourneyJson.Write(framework);
        JourneyFramework back = JourneyJson.Parse(json);

        Assert.Equal(framework.Name, back.Name);
        Assert.Equal(framework.Stages, back.Stages);
        Assert.Equal(framework.Touchpoints, back.Touchpoints);
        Assert.Equal(json, JourneyJson.Write(back));
        Assert.Contains("\"momentOfTruth\": true", json, StringComparison.Ordinal);
        Assert.Contains("\"category\": \"increasingTheBond\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Utf8Stream_ParsesTheDocument()
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(JourneyJson.Write(Journeys.Small())));

        Assert.Equal(5, JourneyJson.Read(stream).Touchpoints.Count);
    }

    [Fact]
    public void Parse_TrailingGarbage_GivesLineAndPosition()
    {
        const string json = "{\n  \"name\": \"J\",\n  \"stages\": [ }\n}";

        CxValidationException ex = Assert.Throws<CxValidationException>(() => JourneyJson.Parse(json));

        CxValidationFailure failure = Assert.Single(ex.Failures);
        Assert.Equal(CxErrorCodes.JourneyJsonMalformed, failure.ErrorCode);
        Assert.Contains("line 3, position 15", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WrongType_NamesThePathLineAndPosition()
    {
        const string json = "{\n  \"name\": \"J\",\n  \"stages\": [{\"id\": 5, \"name\": \"A\", \"position\": 1}],\n  \"touchpoints\": []\n}";

        CxValidationException ex = Assert.Throws<CxValidationException>(() => JourneyJson.Parse(json));

        CxValidationFailure failure = Assert.Single(ex.Failures);
        Assert.Equal(CxErrorCodes.JourneyJsonMalformed, failure.ErrorCode);
        Assert.Contains("line 3", failure.Message, StringComparison.Ordinal);
        Assert.Contains("$.stages[0].id", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownProperty_IsMalformed()
    {
        const string json = "{\"name\": \"J\", \"stages\": [], \"touchpoints\": [], \"colour\": 1}";

        Assert.Equal(CxErrorCodes.JourneyJsonMalformed, Assert.Single(Assert.Throws<CxValidationException>(() => JourneyJson.Parse(json)).Failures).ErrorCode);
    }

    [Fact]
    public void Parse_NullDocument_IsMalformed()
    {
        Assert.Contains("'null'", Assert.Single(Assert.Throws<CxValidationException>(() => JourneyJson.Parse("null")).Failures).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadCategoryAndDuplicateStage_ReportsBothTogether()
    {
        const string json = """
            {"name": "J",
             "stages": [{"id": "a", "name": "A", "position": 1}, {"id": "a", "name": "B", "position": 2}],
             "touchpoints": [{"id": "t", "name": "T", "stage": "a", "category": "bond", "owner": "Digital"}]}
            """;

        CxValidationException ex = Assert.Throws<CxValidationException>(() => JourneyJson.Parse(json));

        Assert.Equal([CxErrorCodes.JourneyDuplicateId, CxErrorCodes.JourneyCategoryInvalid], ex.Failures.Select(f => f.ErrorCode).Order(StringComparer.Ordinal));
        Assert.Contains("'bond'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CategoriesAnyCase_AreAccepted()
    {
        const string json = """{"name": "J", "stages": [{"id": "a", "name": "A", "position": 1}], "touchpoints": [{"id": "t", "name": "T", "stage": "a", "category": "EarningTheRightToGrowth", "owner": "Digital"}]}""";

        Assert.Equal(TouchpointCategory.EarningTheRightToGrowth, JourneyJson.Parse(json).Touchpoints[0].Category);
    }
}
