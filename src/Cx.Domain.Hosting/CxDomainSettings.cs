using Cx.Domain.DependencyInjection;
using Cx.Domain.Reliability;
using NodaTime;

namespace Cx.Domain.Hosting;

/// <summary>The settings of <see cref="CxDomainOptions"/> that configuration can hold, with the shapes configuration
/// files use (durations as <see cref="TimeSpan"/> text such as <c>06:00:00</c> or <c>3.00:00:00</c>), bound by the
/// source-generated binder and copied onto the options.</summary>
/// <remarks>The early-warning policy is named (<c>default</c> or <c>legacy</c>); a policy of one's own (detectors and their
/// settings) is code, not configuration: set it in the callback of <c>AddCxDomain(configuration, options =&gt; ...)</c>.</remarks>
internal sealed class CxDomainSettings
{
    public AssetMovementSettings AssetMovements { get; set; } = new();

    public ReliabilitySettings Reliability { get; set; } = new();

    /// <summary>Copies every setting that was given onto the options.</summary>
    public void ApplyTo(CxDomainOptions options)
    {
        if (AssetMovements.ActivityWindow is { } window)
        {
            options.AssetMovements.ActivityWindow = window;
        }

        ReliabilityEvaluationOptions r = options.Reliability;
        ReliabilitySettings s = Reliability;
        r.EarlyWarning = s.EarlyWarning is { } policy ? BuiltInPolicy(policy) : r.EarlyWarning;
        r.RollingHistoryCount = s.RollingHistoryCount ?? r.RollingHistoryCount;
        r.BacktestStep = s.BacktestStep is { } step ? Duration.FromTimeSpan(step) : r.BacktestStep;
    }

    /// <summary>The built-in early-warning policy a configuration names; a policy of one's own is a value built in code (or
    /// read with <see cref="EarlyWarningPolicyJson"/>) and set in the callback.</summary>
    private static EarlyWarningPolicy BuiltInPolicy(string name) => name.Trim().ToUpperInvariant() switch
    {
        "DEFAULT" => EarlyWarningPolicy.Default,
        "LEGACY" => EarlyWarningPolicy.Legacy,
        _ => throw new InvalidOperationException(
            $"Reliability:EarlyWarning: expected 'default' or 'legacy', got '{name}'. A policy of your own is set in code: AddCxDomain(configuration, o => o.Reliability.EarlyWarning = EarlyWarningPolicyJson.Parse(json))."),
    };

    internal sealed class AssetMovementSettings
    {
        public int? ActivityWindow { get; set; }
    }

    internal sealed class ReliabilitySettings
    {
        public string? EarlyWarning { get; set; }

        public int? RollingHistoryCount { get; set; }

        public TimeSpan? BacktestStep { get; set; }
    }
}
