using System.Collections.Immutable;
using Cx.Domain.EarlyWarning;
using Cx.Domain.Primitives;

namespace Cx.Domain.Internal;

/// <summary>Builds an <see cref="ImpactEstimate"/> from the tables: sums the cells of the exposure periods whose horizon
/// closed by the as-of period, stratum by stratum, and forms the crude, stratified and loss share comparisons.</summary>
internal static class ImpactBuilder
{
    public static ImpactEstimate Build(ErosionTables t, int subject, int asOf)
    {
        EarlyWarningOptions o = t.Options;
        int strata = t.StratumCount;
        int last = asOf - o.Horizon + 1;
        var exposed = new OutcomeCell[strata];
        var unexposed = new OutcomeCell[strata];
        for (int q = 0; q <= last; q++)
        {
            ReadOnlySpan<OutcomeCell> e = t.ExposedCells(subject, q);
            ReadOnlySpan<OutcomeCell> all = t.AllCells(q);
            for (int k = 0; k < strata; k++)
            {
                exposed[k].Add(e[k]);
                unexposed[k].Add(all[k].Minus(e[k]));
            }
        }

        var exposedTotal = default(OutcomeCell);
        var unexposedTotal = default(OutcomeCell);
        for (int k = 0; k < strata; k++)
        {
            exposedTotal.Add(exposed[k]);
            unexposedTotal.Add(unexposed[k]);
        }

        double z = NormalDistribution.TwoSidedCritical(o.ConfidenceLevel);
        GridPeriod? first = last >= 0 ? t.Grid[0] : null;
        GridPeriod? lastPeriod = last >= 0 ? t.Grid[last] : null;
        return new ImpactEstimate(
            t.Grid[asOf], first, lastPeriod, o.Horizon,
            Risk(LossOutcome.Churn, exposed, unexposed, exposedTotal, unexposedTotal, z, o),
            Risk(LossOutcome.Contraction, exposed, unexposed, exposedTotal, unexposedTotal, z, o),
            Risk(LossOutcome.ChurnOrContraction, exposed, unexposed, exposedTotal, unexposedTotal, z, o),
            Share(exposed, unexposed, exposedTotal, unexposedTotal, z, o),
            Strata(t, exposed, unexposed),
            o.MinimumExposedCount);
    }

    public static GroupOutcome Group(in OutcomeCell c) => new(c.Count, c.Churned, c.Contracted, c.Either, c.BaseValue, c.LostValue);

    private static RiskComparison Risk(LossOutcome outcome, OutcomeCell[] exposed, OutcomeCell[] unexposed, in OutcomeCell e, in OutcomeCell u, double z, EarlyWarningOptions o)
    {
        int which = (int)outcome;
        long a = e.Cases(which);
        long c = u.Cases(which);
        IntervalEstimate? difference = null;
        IntervalEstimate? ratio = null;
        if (e.Count > 0 && u.Count > 0)
        {
            (double d, double lo, double hi) = RiskStatistics.NewcombeDifference(a, e.Count, c, u.Count, z);
            difference = new IntervalEstimate(d, lo, hi, o.ConfidenceLevel);
            if (RiskStatistics.LogRatio(a, e.Count, c, u.Count, z) is var (r, rlo, rhi))
            {
                ratio = new IntervalEstimate(r, rlo, rhi, o.ConfidenceLevel);
            }
        }

        int strata = exposed.Length;
        long[] sa = new long[strata];
        long[] sn1 = new long[strata];
        long[] sc = new long[strata];
        long[] sn0 = new long[strata];
        int comparable = 0;
        long outside = 0;
        for (int k = 0; k < strata; k++)
        {
            sa[k] = exposed[k].Cases(which);
            sn1[k] = exposed[k].Count;
            sc[k] = unexposed[k].Cases(which);
            sn0[k] = unexposed[k].Count;
            if (sn1[k] > 0 && sn0[k] > 0)
            {
                comparable++;
            }
            else if (sn0[k] == 0)
            {
                outside += sn1[k];
            }
        }

        IntervalEstimate? stratifiedDifference = RiskStatistics.MantelHaenszelDifference(sa, sn1, sc, sn0, z) is var (md, mlo, mhi)
            ? new IntervalEstimate(md, mlo, mhi, o.ConfidenceLevel)
            : null;
        IntervalEstimate? stratifiedRatio = RiskStatistics.MantelHaenszelRatio(sa, sn1, sc, sn0, z) is var (mr, rrlo, rrhi)
            ? new IntervalEstimate(mr, rrlo, rrhi, o.ConfidenceLevel)
            : null;
        EvidenceVerdict verdict = e.Count + u.Count == 0 ? EvidenceVerdict.NoComparison
            : e.Count < o.MinimumExposedCount ? EvidenceVerdict.TooFewExposed
            : stratifiedDifference is not { } sd ? EvidenceVerdict.NoComparison
            : sd.Excludes(0) ? EvidenceVerdict.Sufficient
            : EvidenceVerdict.IncludesNoEffect;
        return new RiskComparison(outcome, e.Count, a, u.Count, c, difference, ratio, stratifiedDifference, stratifiedRatio, comparable, outside, verdict);
    }

    private static LossShareComparison Share(OutcomeCell[] exposed, OutcomeCell[] unexposed, in OutcomeCell e, in OutcomeCell u, double z, EarlyWarningOptions o)
    {
        double? standardized = null;
        IntervalEstimate? excess = null;
        if (e.BaseValue > 0 && u.BaseValue > 0)
        {
            double exposedShare = (double)e.LostValue / e.BaseValue;
            double exposedVariance = RatioVariance(e, exposedShare);
            double crudeShare = (double)u.LostValue / u.BaseValue;
            double crudeVariance = RatioVariance(u, crudeShare);
            double share = 0;
            double variance = 0;
            double crudeWeight = 0;
            for (int k = 0; k < exposed.Length; k++)
            {
                if (exposed[k].BaseValue == 0)
                {
                    continue;
                }

                double w = (double)exposed[k].BaseValue / e.BaseValue;
                if (unexposed[k].BaseValue > 0)
                {
                    double r = (double)unexposed[k].LostValue / unexposed[k].BaseValue;
                    share += w * r;
                    variance += w * w * RatioVariance(unexposed[k], r);
                }
                else
                {
                    crudeWeight += w;
                }
            }

            share += crudeWeight * crudeShare;
            variance += crudeWeight * crudeWeight * crudeVariance;
            standardized = share;
            double d = exposedShare - share;
            double half = z * Math.Sqrt(exposedVariance + variance);
            excess = new IntervalEstimate(d, d - half, d + half, o.ConfidenceLevel);
        }

        EvidenceVerdict verdict = e.Count + u.Count == 0 ? EvidenceVerdict.NoComparison
            : e.Count < o.MinimumExposedCount ? EvidenceVerdict.TooFewExposed
            : excess is not { } x ? EvidenceVerdict.NoComparison
            : x.Excludes(0) ? EvidenceVerdict.Sufficient
            : EvidenceVerdict.IncludesNoEffect;
        return new LossShareComparison(Group(e), Group(u), standardized, excess, verdict);
    }

    /// <summary>The linearized variance of the ratio estimator Σl / Σb: n / (n - 1) · Σ (l - R b)² / (Σ b)².</summary>
    private static double RatioVariance(in OutcomeCell c, double ratio)
    {
        double b = c.BaseValue;
        double factor = c.Count > 1 ? (double)c.Count / (c.Count - 1) : 1;
        return factor * c.RatioResidualSquares(ratio) / (b * b);
    }

    private static ImmutableArray<ImpactStratum> Strata(ErosionTables t, OutcomeCell[] exposed, OutcomeCell[] unexposed)
    {
        int bands = t.BandLabels.Length;
        IEnumerable<int> segmentOrder = Enumerable.Range(0, t.SegmentNames.Length - 1)
            .OrderBy(s => t.SegmentNames[s], StringComparer.Ordinal)
            .Append(t.SegmentNames.Length - 1);
        var list = ImmutableArray.CreateBuilder<ImpactStratum>();
        foreach (int s in segmentOrder)
        {
            for (int b = 0; b < bands; b++)
            {
                int k = (s * bands) + b;
                if (exposed[k].Count + unexposed[k].Count > 0)
                {
                    list.Add(new ImpactStratum(t.SegmentNames[s], t.BandLabels[b], Group(exposed[k]), Group(unexposed[k])));
                }
            }
        }

        return list.ToImmutable();
    }
}
