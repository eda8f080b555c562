namespace Cx.Domain.Benchmarks;

/// <summary>The deterministic, seeded benchmark workload of <c>/work/shared/perf-workload.md</c>: N customers over
/// 36 monthly periods, one row (customer index, period index, value in cents) per customer per active month.</summary>
/// <remarks>
/// <para>Generation, customer by customer from one <see cref="Random"/> seeded with <see cref="Seed"/>:</para>
/// <list type="bullet">
/// <item>the start period is uniform in 0 to 35; the start value is log-normal with median
/// <see cref="MedianValueInCents"/> (5,000 cents) and log-standard-deviation <see cref="LogSigma"/>;</item>
/// <item>each following month, while active: churn with probability 3% (inactive, no row); otherwise, with a fresh
/// draw, expand with probability 10% (value x U(1.05, 1.5)), contract with probability 8% (value x U(0.5, 0.95)), else
/// keep the value;</item>
/// <item>while inactive: reactivate with probability 2% per month, with a freshly drawn log-normal value.</item>
/// </list>
/// <para>Values are rounded to whole cents and never below 1. The expected number of rows is about 14.07 per customer
/// (a two-state Markov chain: active 3% -> inactive, inactive 2% -> active, from a uniform start), so about 14.1M at one
/// million customers; <see cref="Generate"/> checks that the count lands near it.</para>
/// <para><see cref="Random(int)"/> with a seed uses the same legacy algorithm on every .NET version, so the data is the
/// same on every machine and run.</para>
/// </remarks>
public sealed class PerfWorkload
{
    /// <summary>The number of monthly periods, P.</summary>
    public const int PeriodCount = 36;

    /// <summary>The seed of every benchmark run.</summary>
    public const int Seed = 20_261_122;

    /// <summary>The median of the log-normal start (and reactivation) value, in cents.</summary>
    public const double MedianValueInCents = 5_000;

    /// <summary>The standard deviation of the log of the start value (the workload description leaves it open).</summary>
    public const double LogSigma = 0.5;

    public const double ChurnProbability = 0.03;
    public const double ExpandProbability = 0.10;
    public const double ContractProbability = 0.08;
    public const double ReactivateProbability = 0.02;

    private PerfWorkload(int customerCount, PerfColumns sorted)
    {
        CustomerCount = customerCount;
        Sorted = sorted;
    }

    /// <summary>Gets N, the number of customers (customer indices 0 to N - 1).</summary>
    public int CustomerCount { get; }

    /// <summary>Gets the number of rows.</summary>
    public int RowCount => Sorted.Length;

    /// <summary>Gets the rows sorted by (customer, period).</summary>
    public PerfColumns Sorted { get; }

    /// <summary>Generates the workload of <paramref name="customerCount"/> customers.</summary>
    /// <param name="customerCount">N, 1 or more.</param>
    /// <param name="seed">The seed; <see cref="Seed"/> for the published figures.</param>
    /// <returns>The workload, rows sorted by (customer, period).</returns>
    public static PerfWorkload Generate(int customerCount, int seed = Seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(customerCount, 1);
        var random = new Random(seed);
        int capacity = checked(customerCount * 15);
        var customers = new List<int>(capacity);
        var periods = new List<int>(capacity);
        var values = new List<long>(capacity);
        for (int c = 0; c < customerCount; c++)
        {
            int start = random.Next(PeriodCount);
            bool active = true;
            long value = DrawValue(random);
            for (int p = start; p < PeriodCount; p++)
            {
                if (p > start)
                {
                    if (active)
                    {
                        if (random.NextDouble() < ChurnProbability)
                        {
                            active = false;
                        }
                        else
                        {
                            double move = random.NextDouble();
                            if (move < ExpandProbability)
                            {
                                value = Scale(value, Uniform(random, 1.05, 1.5));
                            }
                            else if (move < ExpandProbability + ContractProbability)
                            {
                                value = Scale(value, Uniform(random, 0.5, 0.95));
                            }
                        }
                    }
                    else if (random.NextDouble() < ReactivateProbability)
                    {
                        active = true;
                        value = DrawValue(random);
                    }
                }

                if (active)
                {
                    customers.Add(c);
                    periods.Add(p);
                    values.Add(value);
                }
            }
        }

        var workload = new PerfWorkload(customerCount, new PerfColumns([.. customers], [.. periods], [.. values]));
        double rowsPerCustomer = (double)workload.RowCount / customerCount;
        if (customerCount >= 10_000 && (rowsPerCustomer < 13.6 || rowsPerCustomer > 14.6))
        {
            throw new InvalidOperationException($"Expected about 14.07 rows per customer, got {rowsPerCustomer:F3} ({workload.RowCount} rows for {customerCount} customers). The generator does not follow perf-workload.md.");
        }

        return workload;
    }

    /// <summary>Returns the same rows in a random order: a Fisher-Yates shuffle driven by <c>new Random(seed)</c>.</summary>
    /// <param name="seed">The seed; <see cref="Seed"/> for the published figures.</param>
    /// <returns>New columns; <see cref="Sorted"/> is unchanged.</returns>
    public PerfColumns Shuffled(int seed = Seed)
    {
        int[] customers = (int[])Sorted.CustomerIndex.Clone();
        int[] periods = (int[])Sorted.PeriodIndex.Clone();
        long[] values = (long[])Sorted.ValueInCents.Clone();
        var random = new Random(seed);
        for (int i = customers.Length - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (customers[i], customers[j]) = (customers[j], customers[i]);
            (periods[i], periods[j]) = (periods[j], periods[i]);
            (values[i], values[j]) = (values[j], values[i]);
        }

        return new PerfColumns(customers, periods, values);
    }

    /// <summary>Returns a short description such as <c>1000000 customers, 36 periods, 14071234 rows</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{CustomerCount} customers, {PeriodCount} periods, {RowCount} rows";

    private static long DrawValue(Random random)
    {
        // Box-Muller: one standard normal from two uniforms; 1 - NextDouble() is in (0, 1], so the log is finite.
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        double z = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        return Math.Max(1L, (long)Math.Round(MedianValueInCents * Math.Exp(LogSigma * z)));
    }

    private static double Uniform(Random random, double low, double high) => low + ((high - low) * random.NextDouble());

    private static long Scale(long value, double factor) => Math.Max(1L, (long)Math.Round(value * factor));
}

/// <summary>Three parallel columns of workload rows: customer index, period index (0 to 35), value in cents (&gt; 0).</summary>
/// <param name="CustomerIndex">The customer of each row.</param>
/// <param name="PeriodIndex">The period of each row.</param>
/// <param name="ValueInCents">The customer's value in that period.</param>
public sealed record PerfColumns(int[] CustomerIndex, int[] PeriodIndex, long[] ValueInCents)
{
    /// <summary>Gets the number of rows.</summary>
    public int Length => CustomerIndex.Length;
}
