using System.Globalization;

namespace Cx.Domain.EarlyWarning;

/// <summary>The backtest of the priorities: for each period p whose following h periods are in the grid, did the top N
/// touchpoints picked at p carry a larger share of the losses attributed in p + 1 to p + h than N touchpoints drawn at random?</summary>
/// <remarks>The priorities at p use only what was known by p's end: measurements and events up to then, the impact from
/// history whose horizon had closed, the reliability status as of p's end, and p's attributed losses. The future losses are
/// the journey-stage attribution's loss credits per touchpoint (the model of <see cref="EarlyWarningOptions.Attribution"/>).</remarks>
public sealed class PriorityBacktest
{
    internal PriorityBacktest(int priorityCount, int horizon, int touchpointCount, IReadOnlyList<PriorityBacktestPeriod> periods)
    {
        PriorityCount = priorityCount;
        Horizon = horizon;
        TouchpointCount = touchpointCount;
        Periods = periods;
        double[] ratios = periods.Where(p => p.Ratio is not null).Select(p => p.Ratio!.Value).Order().ToArray();
        RatioCount = ratios.Length;
        if (ratios.Length > 0)
        {
            MeanRatio = ratios.Average();
            MedianRatio = ratios.Length % 2 == 1 ? ratios[ratios.Length / 2] : (ratios[(ratios.Length / 2) - 1] + ratios[ratios.Length / 2]) / 2;
            MinimumRatio = ratios[0];
            MaximumRatio = ratios[^1];
            PeriodsAboveOne = ratios.Count(r => r > 1);
        }

        double[] beaten = periods.Where(p => p.RandomPicksBeaten is not null).Select(p => p.RandomPicksBeaten!.Value).ToArray();
        MeanRandomPicksBeaten = beaten.Length > 0 ? beaten.Average() : null;
    }

    /// <summary>Gets N, the number of priorities picked at each period.</summary>
    public int PriorityCount { get; }

    /// <summary>Gets h, the number of following periods whose losses are compared.</summary>
    public int Horizon { get; }

    /// <summary>Gets the number of touchpoints random picks are drawn from.</summary>
    public int TouchpointCount { get; }

    /// <summary>Gets every backtested period, in order.</summary>
    public IReadOnlyList<PriorityBacktestPeriod> Periods { get; }

    /// <summary>Gets the number of periods with a ratio.</summary>
    public int RatioCount { get; }

    /// <summary>Gets the mean ratio over the periods with one, or null.</summary>
    public double? MeanRatio { get; }

    /// <summary>Gets the median ratio, or null.</summary>
    public double? MedianRatio { get; }

    /// <summary>Gets the smallest ratio, or null.</summary>
    public double? MinimumRatio { get; }

    /// <summary>Gets the largest ratio, or null.</summary>
    public double? MaximumRatio { get; }

    /// <summary>Gets the number of periods whose picks beat random (ratio above 1).</summary>
    public int PeriodsAboveOne { get; }

    /// <summary>Gets the mean, over the periods, of the fraction of possible picks the priorities beat, or null.</summary>
    public double? MeanRandomPicksBeaten { get; }

    /// <summary>Returns a summary such as <c>top 5 vs random over 30 periods: median 1.42x (0.95x to 2.10x), above 1 in 27</c>.</summary>
    /// <returns>The summary.</returns>
    public override string ToString() => RatioCount == 0
        ? $"top {PriorityCount} vs random: no period with future losses to compare"
        : string.Create(CultureInfo.InvariantCulture, $"top {PriorityCount} vs random over {RatioCount} periods: median {MedianRatio:0.00}x ({MinimumRatio:0.00}x to {MaximumRatio:0.00}x), above 1 in {PeriodsAboveOne}");
}
