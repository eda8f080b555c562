using System.Collections.Immutable;
using Cx.Domain.Internal;

namespace Cx.Domain.Assets;

/// <summary>Builds the cohort matrix: customers grouped by their first active period, with count and value retained by age.</summary>
/// <remarks>Stateless and thread-safe. A customer's cohort is the first period with value, history included; customers
/// first active before the grid are counted in <see cref="CohortMatrix.CustomersFirstActiveBeforeGrid"/>.</remarks>
public sealed class CohortCalculator
{
    /// <summary>The largest grid a cohort matrix is built for (its cells grow with the square of the period count).</summary>
    public const int MaxPeriodCount = 2_000;

    /// <summary>Computes the cohort matrix of a ledger.</summary>
    /// <param name="ledger">The ledger.</param>
    /// <returns>One row per grid period.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ledger"/> is null.</exception>
    /// <exception cref="ArgumentException">The grid has more than <see cref="MaxPeriodCount"/> periods (the matrix grows with their square).</exception>
    /// <exception cref="Validation.CxValidationException">A total overflows 64 bits (CX0111).</exception>
    public CohortMatrix Calculate(AssetLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        LedgerCells cells = ledger.Cells;
        int n = ledger.Grid.Count;
        if (n > MaxPeriodCount)
        {
            throw new ArgumentException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected a grid of at most {MaxPeriodCount} periods for a cohort matrix, got {n}. Use a coarser grid (weekly or monthly)."), nameof(ledger));
        }

        int first = cells.FirstReported;
        long[] size = new long[n];
        long[][] active = new long[n][];
        long[][] value = new long[n][];
        for (int k = 0; k < n; k++)
        {
            active[k] = new long[n - k];
            value[k] = new long[n - k];
        }

        long beforeGrid = 0;
        OverflowGuard.Run(() =>
        {
            for (int c = 0; c < cells.CustomerCount; c++)
            {
                ReadOnlySpan<int> periods = cells.PeriodsOf(c);
                if (periods.IsEmpty && !cells.IsActiveBeforeAxis(c))
                {
                    continue;
                }

                if (cells.IsActiveBeforeAxis(c) || periods[0] < first)
                {
                    beforeGrid++;
                    continue;
                }

                ReadOnlySpan<long> values = cells.ValuesOf(c);
                int cohort = periods[0] - first;
                size[cohort]++;
                for (int i = 0; i < periods.Length; i++)
                {
                    int age = periods[i] - first - cohort;
                    active[cohort][age]++;
                    value[cohort][age] += values[i];
                }
            }
        });

        var rows = ImmutableArray.CreateBuilder<CohortRow>(n);
        for (int k = 0; k < n; k++)
        {
            var cellsOfRow = ImmutableArray.CreateBuilder<CohortCell>(n - k);
            for (int age = 0; age < n - k; age++)
            {
                cellsOfRow.Add(new CohortCell(age, ledger.Grid[k + age], active[k][age], value[k][age], ledger.Unit));
            }

            rows.Add(new CohortRow(ledger.Grid[k], size[k], cellsOfRow.MoveToImmutable(), ledger.Unit));
        }

        return new CohortMatrix(ledger.Grid, ledger.Unit, rows.MoveToImmutable(), beforeGrid);
    }
}
