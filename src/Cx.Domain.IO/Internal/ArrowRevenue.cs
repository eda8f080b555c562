namespace Cx.Domain.IO.Internal;

/// <summary>Reads an Arrow IPC file or stream of revenue into the same sinks as text and Parquet files: one block per
/// record batch, columns found by name or position, values converted and checked as from Parquet
/// (<see cref="ParquetRevenue.ReadRows"/>). Rows are numbered from 1 instead of lines.</summary>
internal static class ArrowRevenue
{
    public static (ReaderContext Context, List<RevenueSink> Sinks, RevenueShared Shared) Read(Stream stream, string name, RevenueFileOptions options, Func<ReaderContext, List<FileProblem>, RevenueShared?> prepare, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        using ArrowInput input = ArrowInput.Open(stream, name);
        ReaderContext context = Columnar.Context([.. input.Columns.Select(c => c.Name)], options.Text.Delimiter, "Arrow", options.SettingNames);
        var missing = new List<FileProblem>();
        RevenueShared? prepared = prepare(context, missing);
        Columnar.ThrowMissing(name, missing, prepared is null);
        RevenueShared shared = prepared!;
        ParquetRevenue.RequireKinds(name, context, shared, input.Columns);
        var sinks = new List<RevenueSink>();
        input.ForEachBatch(
            progress,
            batch =>
            {
                RevenueSink sink = RevenueSink.Create(context, shared, 0, batch.Length, quiet: true)!;
                using var customers = new ArrowColumn(batch.Column(shared.CustomerIndex));
                using var dates = new ArrowColumn(batch.Column(shared.DateIndex));
                using var amounts = new ArrowColumn(batch.Column(shared.AmountIndex));
                using ArrowColumn? segments = shared.SegmentIndex < 0 ? null : new ArrowColumn(batch.Column(shared.SegmentIndex));
                ParquetRevenue.ReadRows(customers, dates, amounts, segments, batch.Length, sink, shared);
                shared.Store.Release(sink.Start, batch.Length, sink.RowCount);
                sinks.Add(sink);
            },
            cancellationToken);
        return (context, sinks, shared);
    }
}
