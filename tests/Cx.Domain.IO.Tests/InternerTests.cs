using System.Globalization;
using System.Text;
using Cx.Domain.IO.Internal;
using Xunit;

namespace Cx.Domain.IO.Tests;

/// <summary>The interner that numbers customer ids from their UTF-8 bytes, whose tables live in native memory (large ones
/// advised for huge pages). Laws: one number per distinct trimmed text, numbers dense from 0, <see cref="Interner.Names"/>
/// gives each number's text back, and threads adding the same texts at once agree.</summary>
public sealed class InternerTests
{
    [Fact]
    public void GetOrAdd_ManyThreadsOverlappingIds_OneDenseNumberPerTextAndNamesRoundTrip()
    {
        // 300,000 ids grow every stripe's table past 2 MiB (the huge-page path) while four threads look them up in
        // different orders; short (inline) and long (over 16 bytes) keys both.
        const int Distinct = 300_000;
        byte[][] ids = Enumerable.Range(0, Distinct)
            .Select(i => Encoding.UTF8.GetBytes(i % 7 == 0 ? "customer-with-a-long-id-" + i.ToString(CultureInfo.InvariantCulture) : "C" + i.ToString(CultureInfo.InvariantCulture)))
            .ToArray();
        var interner = new Interner();
        int[][] seen = new int[4][];
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, t =>
        {
            int[] numbers = new int[Distinct];
            var order = Enumerable.Range(0, Distinct).ToArray();
            new Random(t).Shuffle(order);
            foreach (int i in order)
            {
                numbers[i] = t % 2 == 0 ? interner.GetOrAdd(ids[i]) : interner.GetOrAdd(ids[i], Interner.Hash(ids[i]));
            }

            seen[t] = numbers;
        });

        Assert.Equal(Distinct, interner.Count);
        for (int t = 1; t < 4; t++)
        {
            Assert.Equal(seen[0], seen[t]);
        }

        Assert.Equal(Enumerable.Range(0, Distinct), seen[0].Order());
        string[] names = interner.Names();
        for (int i = 0; i < Distinct; i++)
        {
            Assert.Equal(Encoding.UTF8.GetString(ids[i]), names[seen[0][i]]);
        }
    }

    [Fact]
    public void GetOrAdd_TrimsAndRefusesBlank()
    {
        var interner = new Interner();
        int a = interner.GetOrAdd("  C1\t"u8);
        Assert.Equal(a, interner.GetOrAdd("C1"u8));
        Assert.Equal(a, interner.GetOrAdd(Encoding.UTF8.GetBytes("\u00A0C1\u3000")));
        Assert.Equal(-1, interner.GetOrAdd(" \t "u8));
        Assert.Equal(-1, interner.GetOrAdd([]));
        Assert.Equal(["C1"], interner.Names());
    }
}
