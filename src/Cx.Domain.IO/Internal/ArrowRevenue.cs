namespace Cx.Domain.IO.Internal;

/// <summary>Reads an Arrow IPC file or stream of revenue into the same sinks as text and Parquet files: one block per
/// record batch, columns found by name or position, values converted and checked as from Parquet
/// (<see cref="ParquetRevenue.ReadRows"/>), batches on every core. Rows are numbered from 1 instead of lines.</summary>
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
        // Batches are read in order on this thread, which reserves each one's rows in the store (growing it only when no
        // batch is in flight), and converted on every core; the sinks keep file order, so the result is one thread's.
        var sinks = new List<RevenueSink>();
        input.ForEachBatchParallel(
            options.Text.MaxDegreeOfParallelism,
            progress,
            (batch, quiet) =>
            {
                RevenueSink? sink = RevenueSink.Create(context, shared, 0, batch.Length, quiet);
                if (sink is not null)
                {
                    sinks.Add(sink);
                }

                return sink;
            },
            (batch, sink) =>
            {
                using var customers = new ArrowColumn(batch.Column(shared.CustomerIndex));
                using var dates = new ArrowColumn(batch.Column(shared.DateIndex));
                using var amounts = new ArrowColumn(batch.Column(shared.AmountIndex));
                using ArrowColumn? segments = shared.SegmentIndex < 0 ? null : new ArrowColumn(batch.Column(shared.SegmentIndex));
                ParquetRevenue.ReadRows(customers, dates, amounts, segments, batch.Length, sink, shared);
            },
            cancellationToken);
        return (context, sinks, shared);
    }
}
