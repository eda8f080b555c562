using System.Text.Json;
using Cx.Domain.Assets;
using Cx.Domain.Attribution;

namespace Cx.Cli.Tests.TestData;

/// <summary>Checks the tool's attribution JSON against a result the library computed in the test: figure by figure.</summary>
internal static class AttributionJson
{
    public static void AssertMatches(AttributionResult expected, MeasureUnit unit, string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement root = document.RootElement;
        Assert.Equal(unit.Name, root.GetProperty("currency").GetString());
        Assert.Equal(expected.Framework.Name, root.GetProperty("journey").GetString());
        Assert.Equal(expected.EventCount, root.GetProperty("events").GetInt64());
        Assert.Equal(expected.EventsOutsideEveryWindowCount, root.GetProperty("eventsOutsideEveryWindow").GetInt64());
        Assert.Equal(expected.ExcludedMovementCount, root.GetProperty("excludedMovements").GetInt64());
        Assert.Equal(expected.GainNullPathCount, root.GetProperty("gainNullPaths").GetInt64());
        Assert.Equal(expected.LossNullPathCount, root.GetProperty("lossNullPaths").GetInt64());
        Assert.Equal(expected.EqualSplitFallbackCount, root.GetProperty("equalSplitFallbacks").GetInt64());
        AssertCount(unit, expected.GainCount, expected.EarnedValue, root.GetProperty("earned"));
        AssertCount(unit, expected.LossCount, expected.LostValue, root.GetProperty("lost"));

        JsonElement stages = root.GetProperty("stages");
        Assert.Equal(expected.Stages.Count, stages.GetArrayLength());
        for (int i = 0; i < expected.Stages.Count; i++)
        {
            Assert.Equal(expected.Stages[i].Stage.Id, stages[i].GetProperty("stage").GetString());
            AssertCredit(unit, expected.Stages[i], stages[i]);
        }

        JsonElement touchpoints = root.GetProperty("touchpoints");
        Assert.Equal(expected.Touchpoints.Count, touchpoints.GetArrayLength());
        for (int i = 0; i < expected.Touchpoints.Count; i++)
        {
            Assert.Equal(expected.Touchpoints[i].Touchpoint.Id, touchpoints[i].GetProperty("touchpoint").GetString());
            Assert.Equal(expected.Touchpoints[i].Touchpoint.StageId, touchpoints[i].GetProperty("stage").GetString());
            AssertCredit(unit, expected.Touchpoints[i], touchpoints[i]);
        }

        JsonElement categories = root.GetProperty("categories");
        Assert.Equal(expected.Categories.Count, categories.GetArrayLength());
        for (int i = 0; i < expected.Categories.Count; i++)
        {
            AssertCredit(unit, expected.Categories[i], categories[i]);
        }

        AssertCredit(unit, expected.Unattributed, root.GetProperty("unattributed"));

        JsonElement scores = root.GetProperty("scores");
        Assert.Equal(expected.Scores.Count, scores.GetArrayLength());
        for (int i = 0; i < expected.Scores.Count; i++)
        {
            Assert.Equal(expected.Scores[i].PlayerId, scores[i].GetProperty("player").GetString());
            Assert.Equal(expected.Scores[i].Score, scores[i].GetProperty("score").GetDouble());
            Assert.Equal(expected.Scores[i].Weight, scores[i].GetProperty("weight").GetDouble());
            Assert.Equal(expected.Scores[i].IsClamped, scores[i].GetProperty("clamped").GetBoolean());
        }

        JsonElement bridge = root.GetProperty("bridge");
        Assert.Equal(expected.Bridge.Count, bridge.GetArrayLength());
        for (int p = 0; p < expected.Bridge.Count; p++)
        {
            StageBridgePeriod period = expected.Bridge[p];
            JsonElement e = bridge[p];
            Assert.Equal(period.Period.Label, e.GetProperty("period").GetString());
            Assert.Equal(unit.ToDecimal(period.EarnedValue), e.GetProperty("earned").GetDecimal());
            Assert.Equal(unit.ToDecimal(period.LostValue), e.GetProperty("lost").GetDecimal());
            Assert.Equal(unit.ToDecimal(period.NetValue), e.GetProperty("net").GetDecimal());
            JsonElement periodStages = e.GetProperty("stages");
            Assert.Equal(period.Stages.Count, periodStages.GetArrayLength());
            for (int i = 0; i < period.Stages.Count; i++)
            {
                Assert.Equal(period.Stages[i].Stage.Id, periodStages[i].GetProperty("stage").GetString());
                AssertCredit(unit, period.Stages[i], periodStages[i]);
            }

            AssertCredit(unit, period.Unattributed, e.GetProperty("unattributed"));
        }
    }

    private static void AssertCredit(MeasureUnit unit, AttributedValue expected, JsonElement actual)
    {
        AssertCount(unit, expected.GainCount, expected.EarnedValue, actual.GetProperty("earned"));
        AssertCount(unit, expected.LossCount, expected.LostValue, actual.GetProperty("lost"));
        Assert.Equal(unit.ToDecimal(expected.NetValue), actual.GetProperty("net").GetDecimal());
    }

    private static void AssertCount(MeasureUnit unit, long count, long value, JsonElement actual)
    {
        Assert.Equal(count, actual.GetProperty("count").GetInt64());
        Assert.Equal(unit.ToDecimal(value), actual.GetProperty("value").GetDecimal());
    }
}
