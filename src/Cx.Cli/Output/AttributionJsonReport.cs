using System.Text.Json;
using Cx.Domain.Assets;
using Cx.Domain.Attribution;
using NodaTime.Text;

namespace Cx.Cli.Output;

/// <summary>Renders an attribution as JSON: amounts as JSON numbers in major units with the currency's minor digits
/// (lost value positive, as the library credits it), dates as ISO <c>yyyy-MM-dd</c>, indented, LF line ends.</summary>
/// <remarks>The shape is documented in <c>docs/cli.md</c> and pinned by a test; add properties, never rename them. The
/// input names are left out, so the same data gives the same document from files or from <c>--sample</c>.</remarks>
internal static class AttributionJsonReport
{
    public static string Render(AttributionReport report)
    {
        AttributionResult result = report.Result;
        MeasureUnit unit = report.Unit;
        return JsonOutput.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("currency", unit.Name);
            json.WriteString("grid", report.Grid.Kind.ToString().ToLowerInvariant());
            json.WriteString("journey", result.Framework.Name);
            json.WriteString("model", report.ModelName);
            json.WriteString("lookback", PeriodPattern.Roundtrip.Format(result.Lookback));
            if (result.Model == AttributionModel.TimeDecay)
            {
                json.WriteNumber("halfLifeHours", report.HalfLife.TotalHours);
            }

            if (result.Model == AttributionModel.MarkovChain && result.MarkovAllocation == MarkovAllocation.Pooled)
            {
                json.WriteString("markovAllocation", "pooled");
            }

            if (result.Model == AttributionModel.Shapley && result.ShapleyValueFunction == ShapleyValueFunction.ConversionCount)
            {
                json.WriteString("shapleyValue", "conversion-count");
            }

            json.WriteString("timeZone", result.TimeZone.Id);
            json.WriteString("direction", report.Direction);
            json.WriteNumber("events", result.EventCount);
            json.WriteNumber("eventsOutsideEveryWindow", result.EventsOutsideEveryWindowCount);
            json.WriteNumber("excludedMovements", result.ExcludedMovementCount);
            json.WriteNumber("gainNullPaths", result.GainNullPathCount);
            json.WriteNumber("lossNullPaths", result.LossNullPathCount);
            json.WriteNumber("equalSplitFallbacks", result.EqualSplitFallbackCount);
            Count(json, unit, "earned", result.GainCount, result.EarnedValue);
            Count(json, unit, "lost", result.LossCount, result.LostValue);
            JsonOutput.Amount(json, unit, "net", result.EarnedValue - result.LostValue);

            json.WriteStartArray("stages");
            foreach (StageCredit stage in result.Stages)
            {
                json.WriteStartObject();
                json.WriteString("stage", stage.Stage.Id);
                json.WriteString("name", stage.Stage.Name);
                Credit(json, unit, stage);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("touchpoints");
            foreach (TouchpointCredit touchpoint in result.Touchpoints)
            {
                json.WriteStartObject();
                json.WriteString("touchpoint", touchpoint.Touchpoint.Id);
                json.WriteString("name", touchpoint.Touchpoint.Name);
                json.WriteString("stage", touchpoint.Touchpoint.StageId);
                json.WriteString("category", AttributionReport.CategoryName(touchpoint.Touchpoint.Category));
                json.WriteString("owner", touchpoint.Touchpoint.Owner);
                json.WriteBoolean("momentOfTruth", touchpoint.Touchpoint.IsMomentOfTruth);
                Credit(json, unit, touchpoint);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("categories");
            foreach (CategoryCredit category in result.Categories)
            {
                json.WriteStartObject();
                json.WriteString("category", AttributionReport.CategoryName(category.Category));
                Credit(json, unit, category);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("unattributed");
            Credit(json, unit, result.Unattributed);
            json.WriteEndObject();

            json.WriteStartArray("scores");
            foreach (PlayerScore score in result.Scores)
            {
                json.WriteStartObject();
                json.WriteString("direction", AttributionReport.DirectionName(score.Direction));
                json.WriteString("player", score.PlayerId);
                json.WriteNumber("score", score.Score);
                json.WriteNumber("weight", score.Weight);
                json.WriteBoolean("clamped", score.IsClamped);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("bridge");
            foreach (StageBridgePeriod period in result.Bridge)
            {
                json.WriteStartObject();
                json.WriteString("period", period.Period.Label);
                json.WriteString("start", InvariantText.Date(period.Period.Start));
                json.WriteString("end", InvariantText.Date(period.Period.End));
                JsonOutput.Amount(json, unit, "earned", period.EarnedValue);
                JsonOutput.Amount(json, unit, "lost", period.LostValue);
                JsonOutput.Amount(json, unit, "net", period.NetValue);
                json.WriteStartArray("stages");
                foreach (StageCredit stage in period.Stages)
                {
                    json.WriteStartObject();
                    json.WriteString("stage", stage.Stage.Id);
                    Credit(json, unit, stage);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteStartObject("unattributed");
                Credit(json, unit, period.Unattributed);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private static void Credit(Utf8JsonWriter json, MeasureUnit unit, AttributedValue value)
    {
        Count(json, unit, "earned", value.GainCount, value.EarnedValue);
        Count(json, unit, "lost", value.LossCount, value.LostValue);
        JsonOutput.Amount(json, unit, "net", value.NetValue);
    }

    private static void Count(Utf8JsonWriter json, MeasureUnit unit, string name, long count, long value)
    {
        json.WriteStartObject(name);
        json.WriteNumber("count", count);
        JsonOutput.Amount(json, unit, "value", value);
        json.WriteEndObject();
    }
}
