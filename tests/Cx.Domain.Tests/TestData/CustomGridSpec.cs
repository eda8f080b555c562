using System.Globalization;
using Cx.Domain.Primitives;
using NodaTime;

namespace Cx.Domain.Tests.TestData;

/// <summary>A custom grid to build: a first day and the lengths in days of its contiguous intervals.</summary>
/// <param name="Start">The first day.</param>
/// <param name="Lengths">The lengths, each 1 or more.</param>
public sealed record CustomGridSpec(LocalDate Start, int[] Lengths)
{
    /// <summary>Gets the intervals.</summary>
    public IReadOnlyList<DateInterval> Intervals
    {
        get
        {
            var list = new List<DateInterval>(Lengths.Length);
            LocalDate start = Start;
            foreach (int length in Lengths)
            {
                list.Add(new DateInterval(start, start.PlusDays(length - 1)));
                start = start.PlusDays(length);
            }

            return list;
        }
    }

    /// <summary>Builds the grid.</summary>
    /// <returns>The grid.</returns>
    public PeriodGrid Build() => PeriodGrid.Custom(Intervals);

    /// <inheritdoc/>
    public override string ToString() => $"custom from {Start.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)}, lengths [{string.Join(", ", Lengths)}]";
}
