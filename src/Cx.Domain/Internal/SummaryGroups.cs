using Cx.Domain.Value;

namespace Cx.Domain.Internal;

/// <summary>The distinct (x, t_x, T) of a set of summaries with how many customers share each, sorted: a likelihood is a
/// weighted sum over these, so customers with the same history are evaluated once and the input order never matters.</summary>
internal sealed class SummaryGroups
{
    /// <summary>Groups are summed in blocks of this many, each block in order, blocks in parallel, the block sums in order:
    /// the same result on any number of threads.</summary>
    public const int BlockSize = 8192;

    private SummaryGroups(int[] frequency, double[] recency, double[] age, double[] weight, long customerCount)
    {
        Frequency = frequency;
        Recency = recency;
        Age = age;
        Weight = weight;
        CustomerCount = customerCount;
        MaxFrequency = frequency.Length == 0 ? 0 : frequency.Max();
    }

    public int[] Frequency { get; }

    public double[] Recency { get; }

    public double[] Age { get; }

    public double[] Weight { get; }

    public int Count => Frequency.Length;

    public long CustomerCount { get; }

    public int MaxFrequency { get; }

    public int BlockCount => (Count + BlockSize - 1) / BlockSize;

    public static SummaryGroups From(ReadOnlySpan<CustomerSummary> summaries)
    {
        var counts = new Dictionary<(int, double, double), int>(Math.Min(summaries.Length, 1 << 20));
        foreach (ref readonly CustomerSummary s in summaries)
        {
            var key = (s.Frequency, s.Recency, s.Age);
            counts[key] = counts.TryGetValue(key, out int n) ? n + 1 : 1;
        }

        var keys = counts.Keys.ToArray();
        Array.Sort(keys);
        int[] x = new int[keys.Length];
        double[] tx = new double[keys.Length];
        double[] t = new double[keys.Length];
        double[] w = new double[keys.Length];
        for (int i = 0; i < keys.Length; i++)
        {
            (x[i], tx[i], t[i]) = keys[i];
            w[i] = counts[keys[i]];
        }

        return new SummaryGroups(x, tx, t, w, summaries.Length);
    }

    /// <summary>Sums <paramref name="block"/>(from, to, partialGradient) over the blocks, in parallel, reduced in block order.</summary>
    public double Sum(Func<int, int, double[]?, double> block, double[]? gradient)
    {
        int blocks = BlockCount;
        double[] sums = new double[blocks];
        double[][]? gradients = gradient is null ? null : new double[blocks][];
        Parallel.For(0, blocks, k =>
        {
            double[]? g = gradient is null ? null : new double[gradient.Length];
            sums[k] = block(k * BlockSize, Math.Min(Count, (k + 1) * BlockSize), g);
            if (gradients is not null)
            {
                gradients[k] = g!;
            }
        });

        double total = 0;
        if (gradient is not null)
        {
            Array.Clear(gradient);
        }

        for (int k = 0; k < blocks; k++)
        {
            total += sums[k];
            if (gradient is not null)
            {
                for (int j = 0; j < gradient.Length; j++)
                {
                    gradient[j] += gradients![k][j];
                }
            }
        }

        return total;
    }
}
