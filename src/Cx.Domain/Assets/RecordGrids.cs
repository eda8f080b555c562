using Cx.Domain.Primitives;

namespace Cx.Domain.Assets;

/// <summary>Grids sized to records: <c>PeriodGrid.MonthlyCovering(records)</c> and its siblings for
/// <see cref="AssetRecord"/> and <see cref="QuantityRecord"/> (extension members of <see cref="PeriodGrid"/>).</summary>
/// <remarks>With <c>using Cx.Domain.Assets;</c> they read as static members of <see cref="PeriodGrid"/>. The grid runs from
/// the period of the earliest record to the period of the latest; records before a grid you choose yourself are history.</remarks>
public static class RecordGrids
{
    extension(PeriodGrid)
    {
        /// <summary>Creates the grid of calendar months that covers every record's date.</summary>
        /// <param name="records">The records, in any order; at least one.</param>
        /// <returns>The grid.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="records"/> is null.</exception>
        /// <exception cref="ArgumentException">There are no records, or they span more than <see cref="PeriodGrid.MaxPeriodCount"/> months.</exception>
        public static PeriodGrid MonthlyCovering(IEnumerable<AssetRecord> records) => PeriodGrid.MonthlyCovering(records, r => r.Date);

        /// <summary>Creates the grid of calendar quarters that covers every record's date.</summary>
        /// <param name="records">The records, in any order; at least one.</param>
        /// <returns>The grid.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="records"/> is null.</exception>
        /// <exception cref="ArgumentException">There are no records, or they span more than <see cref="PeriodGrid.MaxPeriodCount"/> quarters.</exception>
        public static PeriodGrid QuarterlyCovering(IEnumerable<AssetRecord> records) => PeriodGrid.QuarterlyCovering(records, r => r.Date);

        /// <summary>Creates the grid of calendar months that covers every quantity record's date.</summary>
        /// <param name="records">The records, in any order; at least one.</param>
        /// <returns>The grid.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="records"/> is null.</exception>
        /// <exception cref="ArgumentException">There are no records, or they span more than <see cref="PeriodGrid.MaxPeriodCount"/> months.</exception>
        public static PeriodGrid MonthlyCovering(IEnumerable<QuantityRecord> records) => PeriodGrid.MonthlyCovering(records, r => r.Date);
    }
}
