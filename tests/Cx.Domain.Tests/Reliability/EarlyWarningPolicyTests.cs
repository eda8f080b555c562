using Cx.Domain.Reliability;
using Cx.Domain.Validation;
using NodaTime;
using static Cx.Domain.Tests.TestData.ReliabilityData;

namespace Cx.Domain.Tests.Reliability;

public sealed class EarlyWarningPolicyTests
{
    private static EarlyWarningPolicy Custom() => EarlyWarningPolicy.Create(
        "custom",
        BurnRateRules.Create(
            BurnRatePolicy.Create([BurnRateWindowPair.Create(Duration.FromHours(6), Duration.FromMinutes(30), 6, AlertSeverity.Page), BurnRateWindowPair.Create(Duration.FromDays(3), Duration.FromHours(6), 1, AlertSeverity.Ticket)]),
            minimumEventsInLongWindow: 5, minimumBadEventsInLongWindow: 2, trafficAware: false, significanceConfidence: 0.9),
        BernoulliCusumDetector.Create(designShareFactor: 3, inControlShare: 0.02, targetInControlWindows: 8, severity: AlertSeverity.Page),
        ValueDriftDetector.Create(ValueDriftSubgroup.Events, 25, logTransform: true, winsorLimit: 2.5, referenceValue: 0.75, targetInControlSubgroups: 5000, toleratedShiftShare: 0.2),
        IndividualValueCharts.Create(new EwmaOptions { Lambda = 0.1, LimitWidth = 2.7, UseAsymptoticLimits = true }, new CusumOptions { ReferenceValue = 0.25, DecisionInterval = 8 }, RunRuleSet.Nelson, Duration.FromDays(2)),
        Duration.FromHours(12),
        Duration.FromDays(14));

    public static TheoryData<string> Policies => ["default", "legacy", "custom"];

    private static EarlyWarningPolicy ByName(string name) => name switch
    {
        "default" => EarlyWarningPolicy.Default,
        "legacy" => EarlyWarningPolicy.Legacy,
        _ => Custom(),
    };

    [Theory]
    [MemberData(nameof(Policies))]
    public void Json_AnyPolicy_RoundTripsToTheSameDocumentAndDescription(string name)
    {
        EarlyWarningPolicy policy = ByName(name);

        string json = EarlyWarningPolicyJson.Write(policy);
        EarlyWarningPolicy back = EarlyWarningPolicyJson.Parse(json);

        Assert.Equal(json, EarlyWarningPolicyJson.Write(back));
        Assert.Equal(policy.ToString(), back.ToString());
    }

    [Fact]
    public void Json_Default_ReadsAsDocumented()
    {
        string json = EarlyWarningPolicyJson.Write(EarlyWarningPolicy.Default);

        Assert.Contains("\"rules\": \"sloth\"", json, StringComparison.Ordinal);
        Assert.Contains("\"confidence\": 0.95", json, StringComparison.Ordinal);
        Assert.Contains("\"designShareFactor\": 4", json, StringComparison.Ordinal);
        Assert.DoesNotContain("individualCharts", json, StringComparison.Ordinal);

        // A minimal document: absent sections are absent detectors, absent settings their defaults.
        EarlyWarningPolicy minimal = EarlyWarningPolicyJson.Parse("""{ "name": "cusum only", "bernoulliCusum": {} }""");
        Assert.Null(minimal.BurnRate);
        Assert.Equal(BernoulliCusumDetector.DefaultDesignShareFactor, minimal.BernoulliCusum!.DesignShareFactor);
        Assert.Equal(AlertSeverity.Ticket, minimal.BernoulliCusum.Severity);
    }

    [Fact]
    public void Json_Malformed_IsCX0520WithLineAndField()
    {
        var broken = Assert.Throws<CxValidationException>(() => EarlyWarningPolicyJson.Parse("{\n  \"name\": \"x\",\n  \"bernoulliCusum\": { \"designShareFactor\": \"two\" }\n}"));
        Assert.Equal(CxErrorCodes.EarlyWarningPolicyJsonMalformed, broken.Failures[0].ErrorCode);
        Assert.Contains("line 3", broken.Failures[0].Message, StringComparison.Ordinal);

        var unknown = Assert.Throws<CxValidationException>(() => EarlyWarningPolicyJson.Parse("""{ "name": "x", "burnRate": {}, "colour": "red" }"""));
        Assert.Equal(CxErrorCodes.EarlyWarningPolicyJsonMalformed, unknown.Failures[0].ErrorCode);

        var fields = Assert.Throws<CxValidationException>(() => EarlyWarningPolicyJson.Parse(
            """{ "name": "x", "burnRate": { "rules": "sre" }, "valueDrift": { "subgroup": "week" }, "quietPeriod": "-1h" }"""));
        Assert.Equal(["burnRate.rules", "quietPeriod", "valueDrift.subgroup"], fields.Failures.Select(f => f.Field).Order(StringComparer.Ordinal));
        Assert.All(fields.Failures, f => Assert.Equal(CxErrorCodes.EarlyWarningPolicyJsonMalformed, f.ErrorCode));

        var values = Assert.Throws<CxValidationException>(() => EarlyWarningPolicyJson.Parse("""{ "name": "x", "bernoulliCusum": { "designShareFactor": 0.5 } }"""));
        Assert.Equal(CxErrorCodes.EarlyWarningDetectorInvalid, values.Failures[0].ErrorCode);
        Assert.Equal("DesignShareFactor", values.Failures[0].Field);
    }

    [Fact]
    public void Create_NoDetectorBlankNameOrNonPositiveDurations_AreCX0519()
    {
        var none = Assert.Throws<CxValidationException>(() => EarlyWarningPolicy.Create("none", null));
        Assert.Equal(CxErrorCodes.EarlyWarningPolicyInvalid, Assert.Single(none.Failures).ErrorCode);
        Assert.Equal(CxErrorCodes.EarlyWarningPolicyInvalid, Assert.Throws<CxValidationException>(() => EarlyWarningPolicy.Default.WithName(" ")).Failures[0].ErrorCode);
        Assert.Equal(2, Assert.Throws<CxValidationException>(() => EarlyWarningPolicy.Default.WithEpisodes(Duration.Zero, Duration.FromHours(-1))).Failures.Count);
        Assert.Equal(CxErrorCodes.EarlyWarningPolicyInvalid, Assert.Throws<CxValidationException>(() => EarlyWarningPolicy.Legacy.WithBurnRate(null).WithIndividualCharts(null)).Failures[0].ErrorCode);
    }

    [Fact]
    public void Detectors_OutOfRangeSettings_AreCX0518()
    {
        Assert.All(
            new Action[]
            {
                () => BernoulliCusumDetector.Create(designShareFactor: 1),
                () => BernoulliCusumDetector.Create(inControlShare: 1.5),
                () => BernoulliCusumDetector.Create(targetInControlWindows: 0),
                () => BernoulliCusumDetector.Create(severity: AlertSeverity.None),
                () => ValueDriftDetector.Create(ValueDriftSubgroup.Events, 0),
                () => ValueDriftDetector.Create(ValueDriftSubgroup.None),
                () => ValueDriftDetector.Create(winsorLimit: 0.5),
                () => ValueDriftDetector.Create(referenceValue: double.NaN),
                () => ValueDriftDetector.Create(targetInControlSubgroups: 5),
                () => ValueDriftDetector.Create(toleratedShiftShare: 1),
                () => IndividualValueCharts.Create(memory: Duration.Zero),
                () => IndividualValueCharts.Create(runRules: (RunRuleSet)9),
            },
            create => Assert.Equal(CxErrorCodes.EarlyWarningDetectorInvalid, Assert.Throws<CxValidationException>(create).Failures[0].ErrorCode));
        Assert.Equal(CxErrorCodes.DriftSettingsInvalid, Assert.Throws<CxValidationException>(() => IndividualValueCharts.Create(new EwmaOptions { Lambda = 2 })).Failures[0].ErrorCode);
    }

    [Fact]
    public void Defaults_MonthlyStandard_QuietSixHoursHorizonThirtyDays()
    {
        ReliabilityStandard monthly = TestDrive();

        Assert.Equal(Duration.FromHours(6), EarlyWarningPolicy.Default.QuietPeriodFor(monthly));
        Assert.Equal(Duration.FromDays(30), EarlyWarningPolicy.Default.TrueEpisodeHorizonFor(monthly));
        Assert.Equal(Duration.FromHours(12), Custom().QuietPeriodFor(monthly));
        Assert.Equal(Duration.FromDays(14), Custom().TrueEpisodeHorizonFor(monthly));

        // Without burn-rate rules the quiet period is still the workbook's longest short window for the standard's window.
        Assert.Equal(Duration.FromHours(6), EarlyWarningPolicy.Default.WithBurnRate(null).QuietPeriodFor(monthly));
        Assert.Null(EarlyWarningPolicy.Default.WithBurnRate(null).BurnRatePolicyFor(monthly));
    }

    [Fact]
    public void With_ReplacesOnePartAndKeepsTheRest()
    {
        EarlyWarningPolicy p = EarlyWarningPolicy.Default.WithName("no drift").WithValueDrift(null);

        Assert.Equal("no drift", p.Name);
        Assert.Null(p.ValueDrift);
        Assert.Same(EarlyWarningPolicy.Default.BurnRate, p.BurnRate);
        Assert.Same(EarlyWarningPolicy.Default.BernoulliCusum, p.BernoulliCusum);
        Assert.NotNull(EarlyWarningPolicy.Default.ValueDrift);
    }
}
