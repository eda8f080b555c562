using BenchmarkDotNet.Attributes;
using Cx.Domain.Value;

namespace Cx.Domain.Benchmarks;

/// <summary>One call of the value models' integral paths, at parameters a fit can reach where the hypergeometric series do
/// not serve (issue #13's two hangs: a value calculation at a = 1e6, and a holdout comparison at r = 4.4e7), beside the
/// series path at the published CDNOW fit (baseline). The sBG's DERL at shapes near the largest double takes the same
/// centred integral. The long-tail case is fuzz seed 17's value calculation with a = 1e12 brought down to 1e6 (below the
/// point-mass limit), where the calculation over CDNOW took 52 s.</summary>
[MemoryDiagnoser]
public class ValueIntegralBenchmarks
{
    private static readonly BgNbdParameters Published = new(0.243, 4.414, 0.793, 2.426);
    private static readonly BgNbdParameters LargeDropOutShape = new(16.88, 2.71, 1e6, 13.42);
    private static readonly BgNbdParameters FuzzSeed17 = new(1e-12, 8.47, 1e6, 3.06);
    private static readonly BgNbdParameters LargePurchaseShape = new(4.4326e7, 2.155e8, 1.08, 0.81);
    private static readonly ShiftedBetaGeometricParameters HugeShapes = new(1e300, double.MaxValue);

    [Benchmark(Baseline = true, Description = "BG/NBD expectation if alive, published fit (series)")]
    public double Series() => Published.ExpectedPurchasesIfAlive(2, 30, 38, 20);

    [Benchmark(Description = "BG/NBD expectation if alive, a = 1e6 (centred ratio of integrals)")]
    public double CentredRatio() => LargeDropOutShape.ExpectedPurchasesIfAlive(2, 30, 38, 20);

    [Benchmark(Description = "BG/NBD expectation if alive, r = 1e-12, a = 1e6, b = 3.06 (centred ratio, long right tail)")]
    public double CentredRatioLongTail() => FuzzSeed17.ExpectedPurchasesIfAlive(0, 0, 38.86, 156.5);

    [Benchmark(Description = "BG/NBD expectation if alive, r = 4.4e7 (direct integral)")]
    public double DirectIntegral() => LargePurchaseShape.ExpectedPurchasesIfAlive(2, 30, 38, 20);

    [Benchmark(Description = "sBG DERL, alpha = 1e300, beta = double.MaxValue, d = 1e-16 (centred ratio)")]
    public double SbgDerl() => HugeShapes.DiscountedExpectedResidualLifetime(1e-16, 5);
}
