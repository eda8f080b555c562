using System.Buffers;
using Cx.Domain.Value;

namespace Cx.Domain.Internal;

/// <summary>x, t_x and T of a span of summaries copied into pooled columns, for the columnar scorers; returned to the pool
/// on dispose.</summary>
internal readonly ref struct SummaryColumns
{
    private readonly int[] _frequency;
    private readonly double[] _recency;
    private readonly double[] _age;
    private readonly int _count;

    public SummaryColumns(ReadOnlySpan<CustomerSummary> summaries)
    {
        _count = summaries.Length;
        _frequency = ArrayPool<int>.Shared.Rent(_count);
        _recency = ArrayPool<double>.Shared.Rent(_count);
        _age = ArrayPool<double>.Shared.Rent(_count);
        for (int i = 0; i < _count; i++)
        {
            ref readonly CustomerSummary s = ref summaries[i];
            _frequency[i] = s.Frequency;
            _recency[i] = s.Recency;
            _age[i] = s.Age;
        }
    }

    public ReadOnlySpan<int> Frequency => _frequency.AsSpan(0, _count);

    public ReadOnlySpan<double> Recency => _recency.AsSpan(0, _count);

    public ReadOnlySpan<double> Age => _age.AsSpan(0, _count);

    public void Dispose()
    {
        ArrayPool<int>.Shared.Return(_frequency);
        ArrayPool<double>.Shared.Return(_recency);
        ArrayPool<double>.Shared.Return(_age);
    }
}

/// <summary>Pinned columns shared with the scoring threads (addresses, valid while the caller's <c>fixed</c> holds).</summary>
internal readonly unsafe struct ColumnBlock
{
    private readonly nint _frequency;
    private readonly nint _recency;
    private readonly nint _age;
    private readonly nint _destination;

    public ColumnBlock(nint frequency, nint recency, nint age, nint destination)
    {
        _frequency = frequency;
        _recency = recency;
        _age = age;
        _destination = destination;
    }

    public int* Frequency => (int*)_frequency;

    public double* Recency => (double*)_recency;

    public double* Age => (double*)_age;

    public double* Destination => (double*)_destination;
}

/// <summary>A (x, T) key with a cheap hash, for caches of the terms that depend on frequency and age only.</summary>
internal readonly record struct FrequencyAge(int Frequency, double Age)
{
    public override int GetHashCode() => unchecked((int)((((ulong)(uint)Frequency * 0x9E3779B97F4A7C15UL) ^ (ulong)BitConverter.DoubleToInt64Bits(Age)) >> 17));
}
