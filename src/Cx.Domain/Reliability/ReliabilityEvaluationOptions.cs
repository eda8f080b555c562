using NodaTime;

namespace Cx.Domain.Reliability;

/// <summary>Settings of the reliability evaluation: burn-rate rules, drift detectors, history and backtest.</summary>
/// <remarks>Validated where it is consumed (<see cref="ReliabilityEvaluator"/>): CX0514 for drift settings, CX0515 for
/// burn-rate rules longer than a standard's window, CX0302 for an undefined rule set or a non-positive count.</remarks>
public sealed class ReliabilityEvaluationOptions
{
    /// <summary>The default evidence gate for burn-rate alerts.</summary>
    public const int DefaultMinimumEventsInLongWindow = 10;

    /// <summary>Gets or sets the burn-rate rules for every standard; null (the default) derives the SRE workbook's rules from
    /// each standard's window with <see cref="BurnRatePolicy.Derive"/>.</summary>
    public BurnRatePolicy? BurnRatePolicy { get; set; }

    /// <summary>Gets or sets the fewest events a rule's long window needs before the rule may fire; at least 1, default 10.
    /// Customer processes see far fewer events than web requests, and one late test drive in an hour is not a trend.</summary>
    public int MinimumEventsInLongWindow { get; set; } = DefaultMinimumEventsInLongWindow;

    /// <summary>Gets or sets a value indicating whether to run the drift detectors (for standards with a baseline); default true.</summary>
    public bool DetectDrift { get; set; } = true;

    /// <summary>Gets or sets the EWMA chart's settings.</summary>
    public EwmaOptions Ewma { get; set; } = new();

    /// <summary>Gets or sets the CUSUM chart's settings.</summary>
    public CusumOptions Cusum { get; set; } = new();

    /// <summary>Gets or sets the run rules applied beside the charts; default none.</summary>
    /// <remarks>Run rules raise false alarms far more often than the charts (the four Western Electric rules together
    /// have an in-control average run length of about 92 values, against about 500 for the EWMA and CUSUM defaults), and
    /// the detectors run on individual events, which busy processes produce by the dozen a day. Select them for
    /// low-volume processes or per-period series.</remarks>
    public RunRuleSet RunRules { get; set; } = RunRuleSet.None;

    /// <summary>Gets or sets how long after an adverse drift signal the standard stays on watch; null (the default) uses the
    /// longest long window of the burn-rate rules (3 days for a 30-day window).</summary>
    public Duration? DriftMemory { get; set; }

    /// <summary>Gets or sets how many rolling windows, ending at the evaluation instant, the history lists; default 12.</summary>
    public int RollingHistoryCount { get; set; } = 12;

    /// <summary>Gets or sets the step between the instants a backtest judges; null (the default) uses the shortest short window
    /// of the rules, widened so that no standard needs more than 200,000 steps.</summary>
    public Duration? BacktestStep { get; set; }
}
