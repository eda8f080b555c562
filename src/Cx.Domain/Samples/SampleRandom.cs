namespace Cx.Domain.Samples;

/// <summary>A small, fully specified pseudo-random generator for the sample data: xoshiro256** seeded with SplitMix64.</summary>
/// <remarks>
/// <para>Implemented here rather than taken from <see cref="System.Random"/>, whose algorithm is not part of its
/// contract and has changed between .NET versions: the same seed must give the same sample, byte for byte, on every
/// machine and runtime. Only integer arithmetic is used, so no floating-point or math-library difference can leak in.</para>
/// <para>Each data set of a sample company draws from its own stream per customer (<see cref="ForStream"/>), so a
/// data set added later never shifts the numbers of the existing ones.</para>
/// <para>References: Blackman and Vigna, "Scrambled linear pseudorandom number generators" (2018) for xoshiro256** and
/// SplitMix64; Lemire, "Fast random integer generation in an interval" (2019) for <see cref="NextInt(int)"/>.</para>
/// </remarks>
internal sealed class SampleRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>Initializes a generator whose state is four SplitMix64 outputs from <paramref name="seed"/>.</summary>
    public SampleRandom(ulong seed)
    {
        ulong x = seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    /// <summary>Returns the generator of one data set (<paramref name="stream"/>) of one item (<paramref name="index"/>,
    /// such as a customer's position) under a seed: the three are mixed with SplitMix64 into an independent seed.</summary>
    public static SampleRandom ForStream(ulong seed, ulong stream, ulong index)
    {
        unchecked
        {
            ulong x = seed;
            ulong mixed = SplitMix64(ref x);
            x = mixed ^ (stream * 0xD1B54A32D192ED03UL);
            mixed = SplitMix64(ref x);
            x = mixed ^ (index * 0xAEF17502108EF2D9UL);
            return new SampleRandom(SplitMix64(ref x));
        }
    }

    /// <summary>Returns the next 64 random bits (xoshiro256**).</summary>
    public ulong NextUInt64()
    {
        unchecked
        {
            ulong result = RotateLeft(_s1 * 5, 7) * 9;
            ulong t = _s1 << 17;
            _s2 ^= _s0;
            _s3 ^= _s1;
            _s1 ^= _s2;
            _s0 ^= _s3;
            _s2 ^= t;
            _s3 = RotateLeft(_s3, 45);
            return result;
        }
    }

    /// <summary>Returns a uniform integer from 0 to <paramref name="exclusiveMax"/> - 1, without bias (Lemire's method).</summary>
    public int NextInt(int exclusiveMax)
    {
        if (exclusiveMax <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(exclusiveMax), exclusiveMax, "Expected a positive bound.");
        }

        ulong range = (ulong)exclusiveMax;
        ulong high = Math.BigMul(NextUInt64(), range, out ulong low);
        if (low < range)
        {
            ulong threshold = unchecked(0UL - range) % range;
            while (low < threshold)
            {
                high = Math.BigMul(NextUInt64(), range, out low);
            }
        }

        return (int)high;
    }

    /// <summary>Returns a uniform integer from <paramref name="min"/> to <paramref name="max"/>, both included.</summary>
    public int NextInt(int min, int max) => min + NextInt(max - min + 1);

    /// <summary>Returns <see langword="true"/> with a probability of <paramref name="perMille"/> in a thousand.</summary>
    public bool Chance(int perMille) => NextInt(1000) < perMille;

    private static ulong SplitMix64(ref ulong state)
    {
        unchecked
        {
            state += 0x9E3779B97F4A7C15UL;
            ulong z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
