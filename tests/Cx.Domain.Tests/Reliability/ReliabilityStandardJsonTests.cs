using Cx.Domain.Reliability;
using Cx.Domain.Validation;
using NodaTime;

namespace Cx.Domain.Tests.Reliability;

public sealed class ReliabilityStandardJsonTests
{
    private const string Document = """
        {
          "standards": [
            {
              "id": "test-drive-48h", "touchpoint": "test-drive", "name": "Test drive within 48 hours",
              "metric": "hours from request to test drive", "unit": "h", "op": "lte", "value": 48, "target": 0.95,
              "timeWindow": { "isRolling": false, "calendar": { "unit": "month", "from": "2026-01-01", "to": "2026-12-31", "timeZone": "Europe/Berlin" } },
              "minimumEvents": 20, "owner": "Dealer network",
              "baseline": { "from": "2026-01-01T00:00:00Z", "to": "2026-02-01T00:00:00Z" }
            },
            {
              "id": "proposal-5d", "touchpoint": "proposal", "name": "Proposal within 5 days", "metric": "days to proposal",
              "op": "lte", "value": 5, "target": 0.9, "timeWindow": { "duration": "30d", "isRolling": true }, "owner": "Sales operations",
              "baseline": { "mean": 3, "sigma": 1 }
            }
          ]
        }
        """;

    [Fact]
    public void Parse_Document_ReadsEveryField()
    {
        ReliabilityStandardSet set = ReliabilityStandardJson.Parse(Document);

        ReliabilityStandard td = set.Standards[0];
        Assert.Equal(("test-drive", ThresholdComparison.AtMost, 48.0, 0.95, 20, "Dealer network"), (td.TouchpointId, td.Comparison, td.Threshold, td.Objective, td.MinimumEvents, td.Owner));
        Assert.Equal(EvaluationWindowKind.Calendar, td.Window.Kind);
        Assert.Equal("Europe/Berlin", td.Window.Zone!.Id);
        Assert.Equal(12, td.Window.Grid!.Count);
        Assert.Equal(new Interval(Instant.FromUtc(2026, 1, 1, 0, 0), Instant.FromUtc(2026, 2, 1, 0, 0)), td.ReferenceInterval);
        Assert.Equal(Duration.FromDays(30), set.Standards[1].Window.Length);
        Assert.Equal(DriftBaseline.FromMeanAndSigma(3, 1), set.Standards[1].Baseline);
    }

    [Fact]
    public void Write_ThenParse_RoundTrips()
    {
        ReliabilityStandardSet set = ReliabilityStandardJson.Parse(Document);

        string written = ReliabilityStandardJson.Write(set);

        Assert.Equal(written, ReliabilityStandardJson.Write(ReliabilityStandardJson.Parse(written)));
        Assert.Contains("\"duration\": \"30d\"", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Malformed_GivesLineAndPosition()
    {
        var ex = Assert.Throws<CxValidationException>(() => ReliabilityStandardJson.Parse("{\n  \"standards\": [\n    { \"id\": 12, }\n  ]\n}"));

        CxValidationFailure failure = Assert.Single(ex.Failures);
        Assert.Equal(CxErrorCodes.StandardsJsonMalformed, failure.ErrorCode);
        Assert.Contains("line 3", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralBadStandards_ReportsAllFailures()
    {
        const string bad = """
            { "standards": [
              { "id": "a", "touchpoint": "t", "name": "A", "metric": "m", "op": "lt", "value": 1, "target": 0.9, "timeWindow": { "duration": "30 days" }, "owner": "o" },
              { "id": "b", "touchpoint": "t", "name": "B", "metric": "m", "op": "gte", "value": 1, "target": 95, "timeWindow": { "duration": "7d" }, "owner": "o" },
              { "id": "c", "touchpoint": "t", "name": "C", "metric": "m", "op": "gte", "value": 1, "target": 0.9, "timeWindow": { "duration": "7d" } }
            ] }
            """;

        var ex = Assert.Throws<CxValidationException>(() => ReliabilityStandardJson.Parse(bad));

        Assert.Equal([CxErrorCodes.StandardKindInvalid, CxErrorCodes.StandardWindowInvalid, CxErrorCodes.StandardObjectiveInvalid], ex.Failures.Select(f => f.ErrorCode));
        Assert.Contains("standards[1] 'b'", ex.Message, StringComparison.Ordinal);
        var owner = Assert.Throws<CxValidationException>(() => ReliabilityStandardJson.Parse(bad.Replace("\"op\": \"lt\"", "\"op\": \"lte\"", StringComparison.Ordinal).Replace("\"30 days\"", "\"30d\"", StringComparison.Ordinal).Replace("\"target\": 95", "\"target\": 0.95", StringComparison.Ordinal)));
        Assert.Equal(CxErrorCodes.StandardOwnerMissing, Assert.Single(owner.Failures).ErrorCode);
    }
}
