using System.Globalization;
using Cx.Domain.Primitives;
using NodaTime;

namespace Cx.Domain.Tests.TestData;

/// <summary>A regular grid to build: its kind, a date in its first period, its number of periods and (weekly) its week start.</summary>
/// <param name="Kind">Daily, weekly, monthly or quarterly.</param>
/// <param name="From">A date in the first period.</param>
/// <param name="Count">The number of periods, 1 or more.</param>
/// <param name="WeekStart">The week start of a weekly grid; <see cref="IsoDayOfWeek.None"/> otherwise.</param>
public sealed record GridSpec(PeriodGridKind Kind, LocalDate From, int Count, IsoDayOfWeek WeekStart)
{
    /// <summary>Builds the grid: <see cref="Count"/> periods starting with the one that holds <see cref="From"/>.</summary>
    /// <returns>The grid.</returns>
    public PeriodGrid Build() => Build(Count);

    /// <summary>Builds a grid of the same kind and start with another number of periods.</summary>
    /// <param name="count">The number of periods.</param>
    /// <returns>The grid.</returns>
    public PeriodGrid Build(int count) => Kind switch
    {
        PeriodGridKind.Daily => PeriodGrid.Daily(From, From.PlusDays(count - 1)),
        PeriodGridKind.Weekly => PeriodGrid.Weekly(From, From.PlusDays(7 * (count - 1)), WeekStart),
        PeriodGridKind.Monthly => PeriodGrid.Monthly(From, From.PlusMonths(count - 1)),
        PeriodGridKind.Quarterly => PeriodGrid.Quarterly(From, From.PlusMonths(3 * (count - 1))),
        _ => throw new InvalidOperationException($"Not a regular kind: {Kind}."),
    };

    /// <summary>Builds a grid of the same kind covering two dates (in any order).</summary>
    /// <param name="a">One date.</param>
    /// <param name="b">The other date.</param>
    /// <returns>The grid of the periods holding the earlier through the later date.</returns>
    public PeriodGrid Covering(LocalDate a, LocalDate b)
    {
        LocalDate from = a < b ? a : b;
        LocalDate to = a < b ? b : a;
        return Kind switch
        {
            PeriodGridKind.Daily => PeriodGrid.Daily(from, to),
            PeriodGridKind.Weekly => PeriodGrid.Weekly(from, to, WeekStart),
            PeriodGridKind.Monthly => PeriodGrid.Monthly(from, to),
            PeriodGridKind.Quarterly => PeriodGrid.Quarterly(from, to),
            _ => throw new InvalidOperationException($"Not a regular kind: {Kind}."),
        };
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Kind} from {From.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)}, {Count} periods" + (Kind == PeriodGridKind.Weekly ? $", weeks start {WeekStart}" : string.Empty);
}
