using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Cx.Domain.Internal;
using Cx.Domain.Validation;
using NodaTime;

namespace Cx.Domain.Reliability;

/// <summary>Reads and writes an <see cref="EarlyWarningPolicy"/> as JSON, in the style of the standards document.</summary>
/// <remarks>
/// <para>The document: <c>{"name", "burnRate": {"rules": "workbook" | "sloth" | [{"long", "short", "factor",
/// "severity"}], "minimumEvents", "minimumBadEvents", "trafficAware", "confidence"}, "bernoulliCusum": {"designShareFactor",
/// "inControlShare", "targetInControlWindows", "severity"}, "valueDrift": {"subgroup": "day" | "events", "subgroupSize",
/// "logTransform", "winsorLimit", "referenceValue", "targetInControlSubgroups", "toleratedShiftShare", "severity"}, "individualCharts": {"ewmaLambda",
/// "ewmaLimitWidth", "ewmaAsymptoticLimits", "cusumReferenceValue", "cusumDecisionInterval", "runRules": "none" |
/// "westernElectric" | "nelson", "memory"}, "quietPeriod", "trueEpisodeHorizon"}</c>. A missing detector section means the
/// policy has no such detector; a missing setting takes its default. Durations are OpenSLO-style (<c>6h</c>, <c>30d</c>);
/// severities are <c>ticket</c> or <c>page</c>. The rule sets: <c>workbook</c>, the SRE workbook's three rules derived from each
/// standard's window; <c>sloth</c>, the same with Sloth's 1d ticket rule (Sloth's four default alerts).</para>
/// <para>A malformed document gives a <see cref="CxValidationException"/> (CX0520) naming the line and position; invalid
/// settings are reported together with their codes (CX0518, CX0519).</para>
/// </remarks>
public static class EarlyWarningPolicyJson
{
    private const string What = "early-warning policy document";

    /// <summary>Parses a policy from JSON text.</summary>
    /// <param name="json">The document.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="CxValidationException">The document is malformed or a setting is invalid; every failure is listed.</exception>
    public static EarlyWarningPolicy Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (JsonText.InvalidUtf16(json) is { } invalid)
        {
            throw Malformed("document", "Malformed JSON at " + invalid);
        }

        PolicyDocument? d;
        try
        {
            d = JsonSerializer.Deserialize(json, EarlyWarningJsonContext.Default.PolicyDocument);
        }
        catch (JsonException e)
        {
            throw Malformed("document", JsonErrors.Describe(e));
        }

        if (d is null)
        {
            throw Malformed("document", "Expected a policy object, got null.");
        }

        var failures = new FailureCollector();
        BurnRateRules? burnRate = Part(failures, () => ReadBurnRate(d.BurnRate, failures));
        BernoulliCusumDetector? bernoulli = d.BernoulliCusum is not { } b ? null : Part(failures, () => BernoulliCusumDetector.Create(
            b.DesignShareFactor ?? BernoulliCusumDetector.DefaultDesignShareFactor, b.InControlShare, b.TargetInControlWindows ?? BernoulliCusumDetector.DefaultTargetInControlWindows,
            ReadSeverity(b.Severity, "bernoulliCusum.severity", failures)));
        ValueDriftDetector? drift = d.ValueDrift is not { } v ? null : Part(failures, () => ValueDriftDetector.Create(
            ReadSubgroup(v.Subgroup, failures), v.SubgroupSize ?? 0, v.LogTransform ?? false, v.WinsorLimit ?? ValueDriftDetector.DefaultWinsorLimit,
            v.ReferenceValue ?? ValueDriftDetector.DefaultReferenceValue, v.TargetInControlSubgroups ?? ValueDriftDetector.DefaultTargetInControlSubgroups,
            v.ToleratedShiftShare ?? ValueDriftDetector.DefaultToleratedShiftShare, ReadSeverity(v.Severity, "valueDrift.severity", failures)));
        IndividualValueCharts? charts = d.IndividualCharts is not { } c ? null : Part(failures, () => IndividualValueCharts.Create(
            new EwmaOptions { Lambda = c.EwmaLambda ?? EwmaOptions.DefaultLambda, LimitWidth = c.EwmaLimitWidth ?? EwmaOptions.DefaultLimitWidth, UseAsymptoticLimits = c.EwmaAsymptoticLimits ?? false },
            new CusumOptions { ReferenceValue = c.CusumReferenceValue ?? CusumOptions.DefaultReferenceValue, DecisionInterval = c.CusumDecisionInterval ?? CusumOptions.DefaultDecisionInterval },
            ReadRunRules(c.RunRules, failures),
            ReadDuration(c.Memory, "individualCharts.memory", failures)));
        Duration? quiet = ReadDuration(d.QuietPeriod, "quietPeriod", failures);
        Duration? horizon = ReadDuration(d.TrueEpisodeHorizon, "trueEpisodeHorizon", failures);
        failures.ThrowIfAny(What);
        EarlyWarningPolicy? policy = Part(failures, () => EarlyWarningPolicy.Create(d.Name ?? "policy", burnRate, bernoulli, drift, charts, quiet, horizon));
        failures.ThrowIfAny(What);
        return policy!;
    }

    /// <summary>Writes a policy as indented JSON; <see cref="Parse"/> reads it back to a policy that writes the same text.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    public static string Write(EarlyWarningPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var document = new PolicyDocument
        {
            Name = policy.Name,
            BurnRate = policy.BurnRate is not { } r ? null : new BurnRateDocument
            {
                Rules = r.Policy is { } fixedRules
                    ? JsonSerializer.SerializeToElement(
                        fixedRules.Pairs.Select(p => new RuleDocument { Long = DurationText.Format(p.LongWindow), Short = DurationText.Format(p.ShortWindow), Factor = p.Factor, Severity = Severity(p.Severity) }).ToList(),
                        EarlyWarningJsonContext.Default.ListRuleDocument)
                    : JsonSerializer.SerializeToElement(r.IncludesSlothTicket ? "sloth" : "workbook", EarlyWarningJsonContext.Default.String),
                MinimumEvents = r.MinimumEventsInLongWindow,
                MinimumBadEvents = r.MinimumBadEventsInLongWindow,
                TrafficAware = r.TrafficAware,
                Confidence = r.SignificanceConfidence,
            },
            BernoulliCusum = policy.BernoulliCusum is not { } b ? null : new BernoulliDocument
            {
                DesignShareFactor = b.DesignShareFactor, InControlShare = b.InControlShare, TargetInControlWindows = b.TargetInControlWindows, Severity = Severity(b.Severity),
            },
            ValueDrift = policy.ValueDrift is not { } v ? null : new ValueDriftDocument
            {
                Subgroup = v.Subgroup == ValueDriftSubgroup.Day ? "day" : "events", SubgroupSize = v.Subgroup == ValueDriftSubgroup.Events ? v.SubgroupSize : null,
                LogTransform = v.LogTransform, WinsorLimit = v.WinsorLimit, ReferenceValue = v.ReferenceValue, TargetInControlSubgroups = v.TargetInControlSubgroups,
                ToleratedShiftShare = v.ToleratedShiftShare, Severity = Severity(v.Severity),
            },
            IndividualCharts = policy.IndividualCharts is not { } c ? null : new ChartsDocument
            {
                EwmaLambda = c.Lambda, EwmaLimitWidth = c.LimitWidth, EwmaAsymptoticLimits = c.UseAsymptoticLimits, CusumReferenceValue = c.CusumReferenceValue,
                CusumDecisionInterval = c.CusumDecisionInterval, RunRules = c.RunRules switch { RunRuleSet.WesternElectric => "westernElectric", RunRuleSet.Nelson => "nelson", _ => "none" },
                Memory = c.Memory is { } m ? DurationText.Format(m) : null,
            },
            QuietPeriod = policy.QuietPeriod is { } q ? DurationText.Format(q) : null,
            TrueEpisodeHorizon = policy.TrueEpisodeHorizon is { } h ? DurationText.Format(h) : null,
        };
        return JsonSerializer.Serialize(document, EarlyWarningJsonContext.Default.PolicyDocument);
    }

    private static T? Part<T>(FailureCollector failures, Func<T?> create)
        where T : class
    {
        try
        {
            return create();
        }
        catch (CxValidationException e)
        {
            foreach (CxValidationFailure f in e.Failures)
            {
                failures.Add(f);
            }

            return null;
        }
    }

    private static BurnRateRules? ReadBurnRate(BurnRateDocument? r, FailureCollector failures)
    {
        if (r is null)
        {
            return null;
        }

        BurnRatePolicy? fixedRules = null;
        bool sloth = false;
        if (r.Rules is { ValueKind: JsonValueKind.String } named)
        {
            switch (named.GetString()?.Trim().ToUpperInvariant())
            {
                case "WORKBOOK":
                    break;
                case "SLOTH":
                    sloth = true;
                    break;
                default:
                    failures.Add(null, What, "burnRate.rules", CxErrorCodes.EarlyWarningPolicyJsonMalformed, $"Expected rules 'workbook' (the SRE workbook's three), 'sloth' (the workbook's and Sloth's 1d ticket) or a list of rules, got '{named.GetString()}'.");
                    return null;
            }
        }
        else if (r.Rules is { ValueKind: JsonValueKind.Array } list)
        {
            var pairs = new List<BurnRateWindowPair>();
            int i = 0;
            foreach (JsonElement item in list.EnumerateArray())
            {
                string field = string.Create(CultureInfo.InvariantCulture, $"burnRate.rules[{i++}]");
                RuleDocument? rule = item.ValueKind == JsonValueKind.Object ? item.Deserialize(EarlyWarningJsonContext.Default.RuleDocument) : null;
                if (rule is null || !DurationText.TryParse(rule.Long, out Duration longWindow) || !DurationText.TryParse(rule.Short, out Duration shortWindow) || rule.Factor is not { } factor)
                {
                    failures.Add(null, What, field, CxErrorCodes.EarlyWarningPolicyJsonMalformed, "Expected a rule {\"long\": \"3d\", \"short\": \"6h\", \"factor\": 1, \"severity\": \"ticket\"}.");
                    continue;
                }

                try
                {
                    pairs.Add(BurnRateWindowPair.Create(longWindow, shortWindow, factor, ReadSeverity(rule.Severity, field + ".severity", failures)));
                }
                catch (ArgumentOutOfRangeException e)
                {
                    failures.Add(null, What, field, CxErrorCodes.BurnRatePolicyInvalid, e.Message.Split(" (Parameter", 2)[0]);
                }
            }

            fixedRules = failures.Any ? null : Part(failures, () => BurnRatePolicy.Create(pairs));
        }
        else if (r.Rules is { } other && other.ValueKind != JsonValueKind.Null)
        {
            failures.Add(null, What, "burnRate.rules", CxErrorCodes.EarlyWarningPolicyJsonMalformed, string.Create(CultureInfo.InvariantCulture, $"Expected rules 'workbook', 'sloth' or a list of rules, got a {other.ValueKind}."));
            return null;
        }

        return BurnRateRules.Create(
            fixedRules, sloth, r.MinimumEvents ?? BurnRateRules.DefaultMinimumEventsInLongWindow, r.MinimumBadEvents ?? 0, r.TrafficAware ?? false, r.Confidence);
    }

    private static AlertSeverity ReadSeverity(string? text, string field, FailureCollector failures)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case null or "TICKET":
                return AlertSeverity.Ticket;
            case "PAGE":
                return AlertSeverity.Page;
            default:
                failures.Add(null, What, field, CxErrorCodes.EarlyWarningPolicyJsonMalformed, $"Expected a severity 'ticket' or 'page', got '{text}'.");
                return AlertSeverity.Ticket;
        }
    }

    private static ValueDriftSubgroup ReadSubgroup(string? text, FailureCollector failures)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case null or "DAY":
                return ValueDriftSubgroup.Day;
            case "EVENTS":
                return ValueDriftSubgroup.Events;
            default:
                failures.Add(null, What, "valueDrift.subgroup", CxErrorCodes.EarlyWarningPolicyJsonMalformed, $"Expected a subgroup 'day' or 'events', got '{text}'.");
                return ValueDriftSubgroup.Day;
        }
    }

    private static RunRuleSet ReadRunRules(string? text, FailureCollector failures)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case null or "NONE":
                return RunRuleSet.None;
            case "WESTERNELECTRIC":
                return RunRuleSet.WesternElectric;
            case "NELSON":
                return RunRuleSet.Nelson;
            default:
                failures.Add(null, What, "individualCharts.runRules", CxErrorCodes.EarlyWarningPolicyJsonMalformed, $"Expected run rules 'none', 'westernElectric' or 'nelson', got '{text}'.");
                return RunRuleSet.None;
        }
    }

    private static Duration? ReadDuration(string? text, string field, FailureCollector failures)
    {
        if (text is null)
        {
            return null;
        }

        if (!DurationText.TryParse(text, out Duration duration) || duration <= Duration.Zero)
        {
            failures.Add(null, What, field, CxErrorCodes.EarlyWarningPolicyJsonMalformed, $"Expected a positive duration such as '6h' or '30d', got '{text}'.");
            return null;
        }

        return duration;
    }

    private static string Severity(AlertSeverity severity) => severity == AlertSeverity.Page ? "page" : "ticket";

    private static CxValidationException Malformed(string field, string message)
    {
        var failures = new FailureCollector();
        failures.Add(null, What, field, CxErrorCodes.EarlyWarningPolicyJsonMalformed, message);
        return failures.ToException(What);
    }
}

internal sealed class PolicyDocument
{
    public string? Name { get; set; }

    public BurnRateDocument? BurnRate { get; set; }

    public BernoulliDocument? BernoulliCusum { get; set; }

    public ValueDriftDocument? ValueDrift { get; set; }

    public ChartsDocument? IndividualCharts { get; set; }

    public string? QuietPeriod { get; set; }

    public string? TrueEpisodeHorizon { get; set; }
}

internal sealed class BurnRateDocument
{
    public JsonElement? Rules { get; set; }

    public int? MinimumEvents { get; set; }

    public int? MinimumBadEvents { get; set; }

    public bool? TrafficAware { get; set; }

    public double? Confidence { get; set; }
}

internal sealed class RuleDocument
{
    public string? Long { get; set; }

    public string? Short { get; set; }

    public double? Factor { get; set; }

    public string? Severity { get; set; }
}

internal sealed class BernoulliDocument
{
    public double? DesignShareFactor { get; set; }

    public double? InControlShare { get; set; }

    public double? TargetInControlWindows { get; set; }

    public string? Severity { get; set; }
}

internal sealed class ValueDriftDocument
{
    public string? Subgroup { get; set; }

    public int? SubgroupSize { get; set; }

    public bool? LogTransform { get; set; }

    public double? WinsorLimit { get; set; }

    public double? ReferenceValue { get; set; }

    public double? TargetInControlSubgroups { get; set; }

    public double? ToleratedShiftShare { get; set; }

    public string? Severity { get; set; }
}

internal sealed class ChartsDocument
{
    public double? EwmaLambda { get; set; }

    public double? EwmaLimitWidth { get; set; }

    public bool? EwmaAsymptoticLimits { get; set; }

    public double? CusumReferenceValue { get; set; }

    public double? CusumDecisionInterval { get; set; }

    public string? RunRules { get; set; }

    public string? Memory { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PolicyDocument))]
[JsonSerializable(typeof(List<RuleDocument>))]
[JsonSerializable(typeof(string))]
internal sealed partial class EarlyWarningJsonContext : JsonSerializerContext
{
}
