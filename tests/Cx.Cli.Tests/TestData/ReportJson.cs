using System.Text.Json;
using Cx.Domain.Assets;
using Cx.Domain.Primitives;

namespace Cx.Cli.Tests.TestData;

/// <summary>Checks the tool's JSON against a report the library computed in the test: figure by figure.</summary>
internal static class ReportJson
{
    public static void AssertMatches(AssetMovementReport expected, string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement root = document.RootElement;
        MeasureUnit unit = expected.Unit;
        Assert.Equal(unit.Name, root.GetProperty("currency").GetString());
        Assert.Equal(expected.Grid.Kind.ToString().ToLowerInvariant(), root.GetProperty("grid").GetString());
        Assert.Equal(expected.ActivityWindow, root.GetProperty("activityWindow").GetInt32());
        Assert.Equal(expected.ExcludedRecordCount, root.GetProperty("excludedRecords").GetInt64());
        JsonElement periods = root.GetProperty("periods");
        Assert.Equal(expected.Periods.Count, periods.GetArrayLength());
        for (int i = 0; i < expected.Periods.Count; i++)
        {
            PeriodMovement p = expected.Periods[i];
            JsonElement e = periods[i];
            Assert.Equal(p.Period.Label, e.GetProperty("period").GetString());
            Assert.Equal(Iso(p.Period.Start), e.GetProperty("start").GetString());
            Assert.Equal(Iso(p.Period.End), e.GetProperty("end").GetString());
            Assert.Equal(unit.ToDecimal(p.Opening), e.GetProperty("opening").GetDecimal());
            Assert.Equal(unit.ToDecimal(p.Closing), e.GetProperty("closing").GetDecimal());
            AssertClass(unit, p.New, e.GetProperty("new"));
            AssertClass(unit, p.Reactivated, e.GetProperty("reactivated"));
            AssertClass(unit, p.Expansion, e.GetProperty("expansion"));
            AssertClass(unit, p.Contraction, e.GetProperty("contraction"));
            AssertClass(unit, p.Flat, e.GetProperty("flat"));
            AssertClass(unit, p.Churned, e.GetProperty("churned"));
            JsonElement customers = e.GetProperty("customers");
            Assert.Equal(p.Customers.ActiveCount, customers.GetProperty("active").GetInt64());
            Assert.Equal(p.Customers.IncomingCount, customers.GetProperty("incoming").GetInt64());
            Assert.Equal(p.Customers.LostCount, customers.GetProperty("lost").GetInt64());
            Assert.Equal(unit.ToDecimal(p.Customers.LostValue), customers.GetProperty("lostValue").GetDecimal());
        }
    }

    private static void AssertClass(MeasureUnit unit, MovementTotal expected, JsonElement actual)
    {
        Assert.Equal(expected.CustomerCount, actual.GetProperty("count").GetInt64());
        Assert.Equal(unit.ToDecimal(expected.Value), actual.GetProperty("value").GetDecimal());
    }

    private static string Iso(NodaTime.LocalDate date) => NodaTime.Text.LocalDatePattern.Iso.Format(date);
}
