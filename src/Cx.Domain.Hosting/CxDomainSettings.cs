using Cx.Domain.DependencyInjection;
using Cx.Domain.Reliability;
using NodaTime;

namespace Cx.Domain.Hosting;

/// <summary>The settings of <see cref="CxDomainOptions"/> that configuration can hold, with the shapes configuration
/// files use (durations as <see cref="TimeSpan"/> text such as <c>06:00:00</c> or <c>3.00:00:00</c>), bound by the
/// source-generated binder and copied onto the options.</summary>
/// <remarks>The burn-rate policy (window pairs and factors) is code, not configuration: set it in the callback of
/// <c>AddCxDomain(configuration, options =&gt; ...)</c>.</remarks>
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
        r.MinimumEventsInLongWindow = s.MinimumEventsInLongWindow ?? r.MinimumEventsInLongWindow;
        r.DetectDrift = s.DetectDrift ?? r.DetectDrift;
        r.RunRules = s.RunRules ?? r.RunRules;
        r.RollingHistoryCount = s.RollingHistoryCount ?? r.RollingHistoryCount;
        r.DriftMemory = s.DriftMemory is { } memory ? Duration.FromTimeSpan(memory) : r.DriftMemory;
        r.BacktestStep = s.BacktestStep is { } step ? Duration.FromTimeSpan(step) : r.BacktestStep;
        r.Ewma.Lambda = s.Ewma.Lambda ?? r.Ewma.Lambda;
        r.Ewma.LimitWidth = s.Ewma.LimitWidth ?? r.Ewma.LimitWidth;
        r.Ewma.UseAsymptoticLimits = s.Ewma.UseAsymptoticLimits ?? r.Ewma.UseAsymptoticLimits;
        r.Cusum.ReferenceValue = s.Cusum.ReferenceValue ?? r.Cusum.ReferenceValue;
        r.Cusum.DecisionInterval = s.Cusum.DecisionInterval ?? r.Cusum.DecisionInterval;
    }

    internal sealed class AssetMovementSettings
    {
        public int? ActivityWindow { get; set; }
    }

    internal sealed class ReliabilitySettings
    {
        public int? MinimumEventsInLongWindow { get; set; }

        public bool? DetectDrift { get; set; }

        public RunRuleSet? RunRules { get; set; }

        public int? RollingHistoryCount { get; set; }

        public TimeSpan? DriftMemory { get; set; }

        public TimeSpan? BacktestStep { get; set; }

        public EwmaSettings Ewma { get; set; } = new();

        public CusumSettings Cusum { get; set; } = new();
    }

    internal sealed class EwmaSettings
    {
        public double? Lambda { get; set; }

        public double? LimitWidth { get; set; }

        public bool? UseAsymptoticLimits { get; set; }
    }

    internal sealed class CusumSettings
    {
        public double? ReferenceValue { get; set; }

        public double? DecisionInterval { get; set; }
    }
}
