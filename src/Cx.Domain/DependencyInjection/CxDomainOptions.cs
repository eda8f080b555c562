using Cx.Domain.Assets;
using Cx.Domain.EarlyWarning;
using Cx.Domain.Listening;
using Cx.Domain.Reliability;

namespace Cx.Domain.DependencyInjection;

/// <summary>Defaults of the Cx.Domain services registered by <c>AddCxDomain</c>.</summary>
/// <remarks>An options type: settable, validated once when the services are registered.</remarks>
public sealed class CxDomainOptions
{
    /// <summary>Gets the default options of <see cref="AssetMovementCalculator"/> (activity window 1).</summary>
    public AssetMovementOptions AssetMovements { get; } = new();

    /// <summary>Gets the default options of <see cref="ReliabilityEvaluator"/> (the default early-warning policy, 12 rolling
    /// windows of history, the default backtest step).</summary>
    public ReliabilityEvaluationOptions Reliability { get; } = new();

    /// <summary>Gets the settings of <see cref="ListeningCalculator"/> (time zone, confidence level, minimum responses,
    /// spike detection); validated when <c>AddCxDomain</c> runs.</summary>
    public ListeningOptions Listening { get; } = new();
    /// <summary>Gets the default options of <see cref="RevenueErosionCalculator"/> (horizon 3, 95% intervals, evidence gate 30,
    /// top 5 priorities).</summary>
    public EarlyWarningOptions EarlyWarning { get; } = new();
}
