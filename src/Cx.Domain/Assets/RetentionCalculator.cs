using System.Collections.Immutable;
using Cx.Domain.Internal;
using Cx.Domain.Primitives;

namespace Cx.Domain.Assets;

/// <summary>Revenue retention, each metric with its own name and formula: period NRR and GRR, gross and net revenue churn,
/// quick ratio (from a bridge), and cohort NRR and GRR over a horizon (from a ledger).</summary>
/// <remarks>Stateless and thread-safe. Formulas: <c>docs/concepts/customer-asset.md</c>.</remarks>
public sealed class RetentionCalculator
{
    /// <summary>The largest horizon accepted, in periods.</summary>
    public const int MaxHorizon = 1_000;

    /// <summary>Computes the period retention metrics of every period of a bridge.</summary>
    /// <param name="report">The bridge.</param>
    /// <returns>One entry per period.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public IReadOnlyList<PeriodRetention> PeriodMetrics(AssetMovementReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Periods.Select(Metrics).ToImmutableArray();
    }

    /// <summary>Computes cohort NRR and GRR over a horizon for every grid period p: the customers active at p - h, their
    /// value then and now.</summary>
    /// <param name="ledger">The ledger (history before the grid serves as p - h for the first periods).</param>
    /// <param name="horizon">The horizon h in periods, 1 to <see cref="MaxHorizon"/> (12 on a monthly grid for annual NRR).</param>
    /// <returns>One entry per grid period; entries whose p - h precedes all data have a zero base.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ledger"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="horizon"/> is outside 1 to <see cref="MaxHorizon"/>.</exception>
    /// <exception cref="Validation.CxValidationException">A cohort's base or retained value overflows 64 bits (CX0111).</exception>
    public IReadOnlyList<CohortRetention> CohortMetrics(AssetLedger ledger, int horizon)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        Guard.InRange(horizon, 1, MaxHorizon);
        LedgerCells cells = ledger.Cells;
        int n = ledger.Grid.Count;
        int first = cells.FirstReported;
        long[] baseCount = new long[n];
        long[] baseValue = new long[n];
        long[] retainedCount = new long[n];
        long[] retained = new long[n];
        long[] gross = new long[n];
        OverflowGuard.Run(() =>
        {
            for (int c = 0; c < cells.CustomerCount; c++)
            {
                ReadOnlySpan<int> periods = cells.PeriodsOf(c);
                ReadOnlySpan<long> values = cells.ValuesOf(c);
                int j = 0;
                for (int i = 0; i < periods.Length; i++)
                {
                    long target = (long)periods[i] + horizon;
                    long t = target - first;
                    if (t < 0 || t >= n)
                    {
                        continue;
                    }

                    while (j < periods.Length && periods[j] < target)
                    {
                        j++;
                    }

                    long now = j < periods.Length && periods[j] == target ? values[j] : 0;
                    baseCount[t]++;
                    baseValue[t] += values[i];
                    retainedCount[t] += now > 0 ? 1 : 0;
                    retained[t] += now;
                    gross[t] += Math.Min(now, values[i]);
                }
            }
        });

        return Enumerable.Range(0, n)
            .Select(t => new CohortRetention(ledger.Grid[t], horizon, ledger.Grid.LabelAt(t - horizon), baseCount[t], baseValue[t], retainedCount[t], retained[t], gross[t], ledger.Unit))
            .ToImmutableArray();
    }

    private static PeriodRetention Metrics(PeriodMovement p)
    {
        // In 128 bits: every figure of the report fits 64 bits, but sums of them on the way to a ratio may not.
        static double? Ratio(Int128 numerator, Int128 denominator) => denominator == 0 ? null : (double)numerator / (double)denominator;
        Int128 losses = (Int128)p.Contraction.Value + p.Churned.Value;
        return new PeriodRetention(
            p.Period,
            p.Opening,
            netRevenueRetentionFraction: Ratio(p.Opening + p.Expansion.Value + losses, p.Opening),
            grossRevenueRetentionFraction: Ratio(p.Opening + losses, p.Opening),
            grossRevenueChurnFraction: Ratio(-losses, p.Opening),
            netRevenueChurnFraction: Ratio(-(losses + p.Expansion.Value + p.Reactivated.Value), p.Opening),
            quickRatio: Ratio((Int128)p.New.Value + p.Reactivated.Value + p.Expansion.Value, Int128.Abs(losses)),
            unit: p.Unit);
    }
}
