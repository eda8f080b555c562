using BenchmarkDotNet.Attributes;
using Cx.Domain.Assets;
using Cx.Domain.Attribution;
using Cx.Domain.Journey;
using Cx.Domain.Primitives;
using NodaTime;

namespace Cx.Domain.Benchmarks;

/// <summary>Journey-stage attribution of about 10 events per customer over a 50-touchpoint, 10-stage journey, each model,
/// against a naive LINQ linear attribution.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class AttributionBenchmarks
{
    private JourneyFramework _framework = null!;
    private CustomerMovement[] _movements = [];
    private ExperienceEvent[] _events = [];
    private AttributionColumns _columns = null!;
    private readonly JourneyAttributionCalculator _calculator = new();

    /// <summary>Gets or sets the number of customers.</summary>
    /// <summary>Gets the sizes to run: 100,000 and 1,000,000 customers, or only 100,000 when <c>CX_BENCH_SMALL=1</c> (CI's dry job).</summary>
    public static IEnumerable<int> CustomerCounts =>
        Environment.GetEnvironmentVariable("CX_BENCH_SMALL") == "1" ? [100_000] : [100_000, 1_000_000];

    [ParamsSource(nameof(CustomerCounts))]
    public int Customers { get; set; }

    /// <summary>Builds the journey, one movement for 60% of customers in March 2024, and 6 to 14 events per customer.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _framework = JourneyFramework.Create(
            "Benchmark",
            Enumerable.Range(0, 10).Select(s => new JourneyStage($"s{s}", $"Stage {s}", s + 1)),
            Enumerable.Range(0, 50).Select(t => new Touchpoint($"t{t}", $"Touchpoint {t}", $"s{t / 5}", (TouchpointCategory)((t % 4) + 1), "Owner")));
        PeriodGrid grid = PeriodGrid.Monthly(new LocalDate(2024, 1, 1), new LocalDate(2024, 3, 31));
        GridPeriod march = grid[2];
        var random = new Random(42);
        var movements = new List<CustomerMovement>(Customers);
        var events = new List<ExperienceEvent>(Customers * 10);
        Instant start = Instant.FromUtc(2024, 1, 1, 0, 0);
        for (int c = 0; c < Customers; c++)
        {
            var id = CustomerId.From("C-" + c.ToString("D7", System.Globalization.CultureInfo.InvariantCulture));
            int roll = random.Next(10);
            if (roll < 3)
            {
                movements.Add(new CustomerMovement(id, march, MovementClass.Expansion, 10_000, 10_000 + random.Next(1, 50_000), null));
            }
            else if (roll < 6)
            {
                movements.Add(new CustomerMovement(id, march, MovementClass.Churned, random.Next(1, 50_000), 0, null));
            }

            int count = random.Next(6, 15);
            int touchpoint = random.Next(50);
            for (int e = 0; e < count; e++)
            {
                touchpoint = Math.Clamp(touchpoint + random.Next(-3, 6), 0, 49);
                events.Add(new ExperienceEvent(id, _framework.Touchpoints[touchpoint].Id, start + Duration.FromMinutes(random.Next(0, 91 * 24 * 60)), (ExperienceOutcome)random.Next(0, 3)));
            }
        }

        _movements = movements.ToArray();
        _events = events.ToArray();

        // The same data as columns: customer C-n is index n, touchpoint tk is index k.
        CustomerId[] customers = Enumerable.Range(0, Customers).Select(c => CustomerId.From("C-" + c.ToString("D7", System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        int IndexOf(CustomerId id) => int.Parse(id.Value.AsSpan(2), System.Globalization.CultureInfo.InvariantCulture);
        _columns = new AttributionColumns(
            customers,
            _movements,
            _movements.Select(m => IndexOf(m.Customer)).ToArray(),
            _events.Select(e => IndexOf(e.Customer)).ToArray(),
            _events.Select(e => _framework.IndexOfTouchpoint(e.TouchpointId)).ToArray(),
            _events.Select(e => e.At.ToUnixTimeTicks()).ToArray(),
            _events.Select(e => e.Outcome).ToArray());
    }

    /// <summary>Naive LINQ linear attribution: group events by customer, share each movement equally over its window's touches.</summary>
    /// <returns>The number of touchpoints credited.</returns>
    [Benchmark(Baseline = true)]
    public int NaiveLinqLinear()
    {
        ILookup<CustomerId, ExperienceEvent> byCustomer = _events.ToLookup(e => e.Customer);
        Dictionary<string, double> credits = _movements
            .Where(m => m.IsGain || m.IsLoss)
            .SelectMany(m =>
            {
                Instant end = DateTimeZone.Utc.AtStartOfDay(m.Period.End.PlusDays(1)).ToInstant();
                Instant begin = end - Duration.FromDays(90);
                List<ExperienceEvent> touches = byCustomer[m.Customer].Where(e => e.At >= begin && e.At < end).ToList();
                return touches.Select(t => (t.TouchpointId, Share: Math.Abs(m.ValueDelta) / (double)touches.Count));
            })
            .GroupBy(x => x.TouchpointId)
            .ToDictionary(g => g.Key, g => g.Sum(x => x.Share));
        return credits.Count;
    }

    /// <summary>First touch.</summary>
    /// <returns>The value earned.</returns>
    [Benchmark]
    public long FirstTouch() => Run(AttributionModel.FirstTouch);

    /// <summary>Last touch.</summary>
    /// <returns>The value earned.</returns>
    [Benchmark]
    public long LastTouch() => Run(AttributionModel.LastTouch);

    /// <summary>Linear.</summary>
    /// <returns>The value earned.</returns>
    [Benchmark]
    public long Linear() => Run(AttributionModel.Linear);

    /// <summary>Time decay (7-day half-life).</summary>
    /// <returns>The value earned.</returns>
    [Benchmark]
    public long TimeDecay() => Run(AttributionModel.TimeDecay);

    /// <summary>Position based (40/20/40).</summary>
    /// <returns>The value earned.</returns>
    [Benchmark]
    public long PositionBased() => Run(AttributionModel.PositionBased);

    /// <summary>Markov chain removal effect over the 50 touchpoints.</summary>
    /// <returns>The value earned.</returns>
    [Benchmark]
    public long MarkovChain() => Run(AttributionModel.MarkovChain);

    /// <summary>Shapley over the 10 stages.</summary>
    /// <returns>The value earned.</returns>
    [Benchmark]
    public long ShapleyOverStages() => Run(AttributionModel.Shapley);

    /// <summary>First touch, columnar input.</summary>
    /// <returns>The value earned.</returns>
    [Benchmark]
    public long FirstTouchColumnar() => RunColumnar(AttributionModel.FirstTouch);

    /// <summary>Last touch, columnar input.</summary>
    /// <returns>The value earned.</returns>
    [Benchmark]
    public long LastTouchColumnar() => RunColumnar(AttributionModel.LastTouch);

    /// <summary>Linear, columnar input.</summary>
    /// <returns>The value earned.</returns>
    [Benchmark]
    public long LinearColumnar() => RunColumnar(AttributionModel.Linear);

    /// <summary>Time decay (7-day half-life), columnar input.</summary>
    /// <returns>The value earned.</returns>
    [Benchmark]
    public long TimeDecayColumnar() => RunColumnar(AttributionModel.TimeDecay);

    /// <summary>Position based (40/20/40), columnar input.</summary>
    /// <returns>The value earned.</returns>
    [Benchmark]
    public long PositionBasedColumnar() => RunColumnar(AttributionModel.PositionBased);

    /// <summary>Markov chain removal effect over the 50 touchpoints, columnar input.</summary>
    /// <returns>The value earned.</returns>
    [Benchmark]
    public long MarkovChainColumnar() => RunColumnar(AttributionModel.MarkovChain);

    /// <summary>Shapley over the 10 stages, columnar input.</summary>
    /// <returns>The value earned.</returns>
    [Benchmark]
    public long ShapleyOverStagesColumnar() => RunColumnar(AttributionModel.Shapley);

    /// <summary>Linear, columnar input, on one thread (the same run's reference for the customer blocks).</summary>
    /// <returns>The value earned.</returns>
    [Benchmark]
    public long LinearColumnarOneThread() => OneThread(() => RunColumnar(AttributionModel.Linear));

    /// <summary>Markov chain removal effect, columnar input, on one thread.</summary>
    /// <returns>The value earned.</returns>
    [Benchmark]
    public long MarkovChainColumnarOneThread() => OneThread(() => RunColumnar(AttributionModel.MarkovChain));

    /// <summary>Markov chain, pooled allocation (as ChannelAttribution), columnar input.</summary>
    /// <returns>The value earned.</returns>
    [Benchmark]
    public long MarkovChainPooledColumnar() =>
        _calculator.Calculate(_framework, _columns, new AttributionOptions { Model = AttributionModel.MarkovChain, MarkovAllocation = MarkovAllocation.Pooled }).EarnedValue;

    /// <summary>Runs a calculation with the customer blocks switched off (the engine's threshold out of reach).</summary>
    private static long OneThread(Func<long> run)
    {
        int threshold = Cx.Domain.Internal.AttributionEngine.ParallelThreshold;
        Cx.Domain.Internal.AttributionEngine.ParallelThreshold = int.MaxValue;
        try
        {
            return run();
        }
        finally
        {
            Cx.Domain.Internal.AttributionEngine.ParallelThreshold = threshold;
        }
    }

    private long RunColumnar(AttributionModel model) =>
        _calculator.Calculate(_framework, _columns, new AttributionOptions { Model = model }).EarnedValue;

    private long Run(AttributionModel model) =>
        _calculator.Calculate(_framework, _movements, _events, new AttributionOptions { Model = model }).EarnedValue;
}
