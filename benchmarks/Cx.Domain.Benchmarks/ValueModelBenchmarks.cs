using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Cx.Domain.Primitives;
using Cx.Domain.Value;

namespace Cx.Domain.Benchmarks;

/// <summary>BG/NBD on 1M customer summaries simulated from the CDNOW estimates over 78 weeks at day resolution: the fit
/// (bar: under 5 s), and scoring P(alive) and 39-week expected purchases (bar: 10M customers a second) through the span
/// API and the columnar API, beside the per-customer scalar calls the span API made before (the "before" of the same
/// run), and the CLV of every customer (36 monthly steps, Gamma-Gamma spend). Baseline: the log-likelihood evaluated
/// once per customer with log-gamma calls (what every fit iteration would cost without grouping and tabulated gamma
/// differences).</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class ValueModelBenchmarks
{
    private static readonly BgNbdParameters Truth = new(0.243, 4.414, 0.793, 2.426);
    private CustomerSummarySet _summaries = null!;
    private CustomerSummary[] _array = null!;
    private double[] _scores = null!;
    private int[] _frequency = null!;
    private double[] _recency = null!;
    private double[] _age = null!;
    private CustomerSummarySet _withSpend = null!;

    /// <summary>Gets the sizes: 1M customers, or 100,000 when <c>CX_BENCH_SMALL=1</c> (CI's dry job).</summary>
    public static IEnumerable<int> CustomerCounts => Environment.GetEnvironmentVariable("CX_BENCH_SMALL") == "1" ? [100_000] : [1_000_000];

    [ParamsSource(nameof(CustomerCounts))]
    public int CustomerCount { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // Simulate the BG/NBD story: λ ~ Gamma(r, α), p ~ Beta(a, b), first purchase in the first 12 weeks, Poisson
        // purchases on days, a coin with p after each; calibration ends at week 39.
        var random = new Random(20261122);
        var list = new CustomerSummary[CustomerCount];
        for (int i = 0; i < CustomerCount; i++)
        {
            double lambda = Gamma(random, Truth.R) / Truth.Alpha;
            double p = Beta(random, Truth.A, Truth.B);
            int birthDay = random.Next(84);
            double age = (273 - birthDay) / 7.0;
            double t = 0;
            int x = 0;
            double last = 0;
            while (true)
            {
                t += -Math.Log(1 - random.NextDouble()) / lambda;
                double day = Math.Floor(t * 7) / 7;
                if (t > age)
                {
                    break;
                }

                x++;
                last = day;
                if (random.NextDouble() < p)
                {
                    break;
                }
            }

            list[i] = new CustomerSummary(CustomerId.From("c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)), x, x == 0 ? 0 : Math.Min(last, age), age);
        }

        _summaries = CustomerSummarySet.FromSummaries(list, ValueTimeUnit.Weeks);
        _array = [.. _summaries.Summaries];
        _scores = new double[CustomerCount];
        _frequency = [.. _array.Select(c => c.Frequency)];
        _recency = [.. _array.Select(c => c.Recency)];
        _age = [.. _array.Select(c => c.Age)];
        _withSpend = CustomerSummarySet.FromSummaries(_array.Select((c, i) => c with { MeanRepeatSpend = c.Frequency == 0 ? 0 : 10 + (i % 50) }), ValueTimeUnit.Weeks);
    }

    [Benchmark(Baseline = true, Description = "one log-likelihood pass with log-gamma per customer")]
    public double NaiveLogLikelihood()
    {
        double sum = 0;
        foreach (CustomerSummary s in _array)
        {
            sum += Truth.LogLikelihood(s.Frequency, s.Recency, s.Age);
        }

        return sum;
    }

    [Benchmark(Description = "BG/NBD fit")]
    public double Fit() => BgNbdModel.Fit(_summaries).LogLikelihood;

    [Benchmark(Description = "P(alive) per customer (scalar calls: the span API before)")]
    public double ScoreProbabilityAliveScalar()
    {
        for (int i = 0; i < _array.Length; i++)
        {
            ref readonly CustomerSummary s = ref _array[i];
            _scores[i] = Truth.ProbabilityAlive(s.Frequency, s.Recency, s.Age);
        }

        return _scores[^1];
    }

    [Benchmark(Description = "P(alive) columnar scoring")]
    public double ScoreProbabilityAliveColumnar()
    {
        Truth.ProbabilityAlive(_frequency, _recency, _age, _scores);
        return _scores[^1];
    }

    [Benchmark(Description = "39-week expected purchases per customer (scalar calls: the span API before)")]
    public double ScoreExpectedPurchasesScalar()
    {
        for (int i = 0; i < _array.Length; i++)
        {
            ref readonly CustomerSummary s = ref _array[i];
            _scores[i] = Truth.ExpectedPurchases(s.Frequency, s.Recency, s.Age, 39);
        }

        return _scores[^1];
    }

    [Benchmark(Description = "39-week expected purchases columnar scoring")]
    public double ScoreExpectedPurchasesColumnar()
    {
        Truth.ExpectedPurchases(_frequency, _recency, _age, 39, _scores);
        return _scores[^1];
    }

    [Benchmark(Description = "CLV of every customer (36 monthly steps, Gamma-Gamma)")]
    public double CustomerValues() =>
        new CustomerValueCalculator().Calculate(Truth, new GammaGammaParameters(6.25, 3.74, 15.44), _withSpend).TotalResidualValue;

    [Benchmark(Description = "P(alive) scoring")]
    public double ScoreProbabilityAlive()
    {
        Truth.ProbabilityAlive(_array, _scores);
        return _scores[^1];
    }

    [Benchmark(Description = "39-week expected purchases scoring")]
    public double ScoreExpectedPurchases()
    {
        Truth.ExpectedPurchases(_array, 39, _scores);
        return _scores[^1];
    }

    private static double Gamma(Random random, double shape)
    {
        if (shape < 1)
        {
            return Gamma(random, shape + 1) * Math.Pow(random.NextDouble(), 1 / shape);
        }

        // Marsaglia and Tsang (2000).
        double d = shape - (1.0 / 3), c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double z, v;
            do
            {
                z = Normal(random);
                v = 1 + (c * z);
            }
            while (v <= 0);

            v = v * v * v;
            double u = random.NextDouble();
            if (Math.Log(u) < (0.5 * z * z) + d - (d * v) + (d * Math.Log(v)))
            {
                return d * v;
            }
        }
    }

    private static double Beta(Random random, double a, double b)
    {
        double x = Gamma(random, a);
        return x / (x + Gamma(random, b));
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
