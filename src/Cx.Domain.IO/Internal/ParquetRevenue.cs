using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Cx.Domain.Primitives;
using NodaTime;

namespace Cx.Domain.IO.Internal;

/// <summary>Reads a Parquet file of revenue (ParquetSharp's physical column readers) into the same block sinks as text
/// files: one block per row group, row groups on every core, columns found by name or position among the file's fields,
/// every value checked with the text reader's rules. Rows are numbered from 1 instead of lines.</summary>
/// <remarks>Customer ids and segments are text (their UTF-8 bytes hashed by the interner, no string per row) or
/// integers; dates INT32 DATE, INT64 TIMESTAMP, INT96 or text in the date format, straight to dates; amounts DECIMAL
/// (its unscaled integer straight to minor units when the scale is the currency's, else exactly through
/// <see cref="decimal"/>), integers (major units), text in the text format, or floating point (through
/// <see cref="decimal"/>, as a spreadsheet shows them).</remarks>
internal static class ParquetRevenue
{
    /// <summary>How many customer lookups are hashed and prefetched before they are made.</summary>
    private const int LookupBatch = 32;

    public static (ReaderContext Context, List<RevenueSink> Sinks, RevenueShared Shared) Read(Stream stream, string name, RevenueFileOptions options, Func<ReaderContext, List<FileProblem>, RevenueShared?> prepare, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        using ParquetInput input = ParquetInput.Open(stream, name);
        ReaderContext context = Columnar.Context(input.Columns.Select(c => c.Name).ToArray(), options.Text.Delimiter, "Parquet", options.SettingNames);
        var missing = new List<FileProblem>();
        RevenueShared? prepared = prepare(context, missing);
        Columnar.ThrowMissing(name, missing, prepared is null);
        RevenueShared shared = prepared!;
        RequireKinds(name, context, shared, input.Columns);

        // Every group's rows are reserved up front, in file order, so groups can write in place from any thread and the
        // assembly closes them up in order: the same result as one thread.
        long totalRows = input.GroupRows.Sum();
        if (totalRows > Array.MaxLength)
        {
            throw new InputFileException(name, [new FileProblem(null, "file", null, null, null, "the file has more rows than one read can hold; split it.")]);
        }

        _ = shared.Store.TryReserve(0, (int)totalRows, quiet: true, out int start);
        var sinks = new RevenueSink[input.RowGroupCount];
        for (int g = 0; g < sinks.Length; g++)
        {
            sinks[g] = new RevenueSink(context, shared, start, (int)input.GroupRows[g]);
            start += (int)input.GroupRows[g];
        }

        input.ForEachGroup(options.Text.MaxDegreeOfParallelism, progress, (g, group) => ReadGroup(group, sinks[g], shared, (int)input.GroupRows[g]), cancellationToken);
        return (context, [.. sinks], shared);
    }

    /// <summary>Checks the columns found hold types the reader takes.</summary>
    internal static void RequireKinds(string name, ReaderContext context, RevenueShared shared, (string Name, ColumnKind Kind)[] columns) =>
        Columnar.RequireKinds(
            name,
            context,
            new ColumnRule(shared.CustomerIndex, columns[shared.CustomerIndex].Kind, "Customer", "text or integers", ColumnKind.Text, ColumnKind.Integer),
            new ColumnRule(shared.DateIndex, columns[shared.DateIndex].Kind, "Date", "dates, timestamps or text", ColumnKind.Date, ColumnKind.Timestamp, ColumnKind.Int96Timestamp, ColumnKind.Text),
            new ColumnRule(shared.AmountIndex, columns[shared.AmountIndex].Kind, "Amount", "decimals, integers, floating point or text", ColumnKind.Decimal, ColumnKind.Integer, ColumnKind.Floating, ColumnKind.Text),
            new ColumnRule(shared.SegmentIndex, shared.SegmentIndex < 0 ? ColumnKind.Text : columns[shared.SegmentIndex].Kind, "Segment", "text or integers", ColumnKind.Text, ColumnKind.Integer));

    private static void ReadGroup(ParquetSharp.RowGroupReader group, RevenueSink sink, RevenueShared shared, int rows)
    {
        using var customers = new ParquetColumn(group, shared.CustomerIndex);
        using var dates = new ParquetColumn(group, shared.DateIndex);
        using var amounts = new ParquetColumn(group, shared.AmountIndex);
        using ParquetColumn? segments = shared.SegmentIndex < 0 ? null : new ParquetColumn(group, shared.SegmentIndex);
        ReadRows(customers, dates, amounts, segments, rows, sink, shared);
    }

    /// <summary>Reads <paramref name="rows"/> rows of a Parquet row group or an Arrow record batch into a sink whose rows
    /// were reserved in the store.</summary>
    internal static void ReadRows(ColumnBatch customers, ColumnBatch dates, ColumnBatch amounts, ColumnBatch? segments, int rows, RevenueSink sink, RevenueShared shared)
    {
        var days = new DayCache();
        int[] customerOf = new int[ParquetInput.BatchRows];
        int[] kept = new int[ParquetInput.BatchRows];
        ulong[] hashes = new ulong[LookupBatch];
        byte[] number = new byte[24];
        int row = 0;
        while (row < rows)
        {
            int n = customers.Read(Math.Min(ParquetInput.BatchRows, rows - row));
            if (n == 0 || dates.Read(n) != n || amounts.Read(n) != n || (segments is not null && segments.Read(n) != n))
            {
                throw new InvalidDataException("A column of a row group holds fewer rows than its metadata says.");
            }

            int keptCount = 0;
            for (int i = 0; i < n; i++)
            {
                long at = row + i;
                bool ok = TryDate(dates, i, shared, days, out LocalDate date, out string? dateError);
                if (!ok)
                {
                    sink.AddProblem(at, shared.Columns.Date, "Date", null, dateError!);
                }

                if (!TryAmount(amounts, i, shared, out long amount, out string? amountError))
                {
                    sink.AddProblem(at, shared.Columns.Amount, "Amount", null, amountError!);
                    ok = false;
                }

                if (!ok)
                {
                    customerOf[i] = -2;
                    continue;
                }

                int segment = -1;
                if (segments is not null)
                {
                    ReadOnlySpan<byte> text = Columnar.TextOf(segments, i, number);
                    segment = shared.Segments.GetOrAdd(text);
                    if (segment >= 0 && Fields.TrimAscii(text).Length > 200 && Encoding.UTF8.GetString(text).Trim().Length > 200)
                    {
                        Reject(sink, shared, at, Encoding.UTF8.GetString(Columnar.TextOf(customers, i, number)), date, amount, Encoding.UTF8.GetString(text).Trim());
                        customerOf[i] = -2;
                        continue;
                    }
                }

                ReadOnlySpan<byte> id = Columnar.TextOf(customers, i, number);
                ReadOnlySpan<byte> trimmed = Fields.TrimAscii(id);
                if (trimmed.IsEmpty || trimmed[0] >= 0x80 || trimmed[^1] >= 0x80)
                {
                    // Blank (CX0101) or Unicode at either end: the interner's careful path, now.
                    int c = shared.Customers.GetOrAdd(id);
                    if (c < 0)
                    {
                        Reject(sink, shared, at, null, date, amount, segment < 0 ? null : Encoding.UTF8.GetString(Columnar.TextOf(segments!, i, number)).Trim());
                        customerOf[i] = -2;
                        continue;
                    }

                    customerOf[i] = c;
                }
                else
                {
                    customerOf[i] = -1;
                }

                sink.Add(0, date, amount, segment);
                sink.Kept(at);
                kept[keptCount++] = i;
            }

            // The ids: hashed and prefetched a batch at a time, then looked up, so a large table's cache misses overlap.
            int[] store = shared.Store.Customer;
            int first = sink.Start + sink.RowCount - keptCount;
            for (int b = 0; b < keptCount; b += LookupBatch)
            {
                int end = Math.Min(keptCount, b + LookupBatch);
                for (int k = b; k < end; k++)
                {
                    if (customerOf[kept[k]] == -1)
                    {
                        ulong h = Interner.Hash(Fields.TrimAscii(Columnar.TextOf(customers, kept[k], number)));
                        hashes[k - b] = h;
                        shared.Customers.Prefetch(h);
                    }
                }

                for (int k = b; k < end; k++)
                {
                    int i = kept[k];
                    store[first + k] = customerOf[i] == -1
                        ? shared.Customers.GetOrAdd(Fields.TrimAscii(Columnar.TextOf(customers, i, number)), hashes[k - b])
                        : customerOf[i];
                }
            }

            row += n;
        }

        sink.Lines = rows;
    }

    /// <summary>Reports a row that fails the library's own checks (CX0101, CX0106) with its messages.</summary>
    private static void Reject(RevenueSink sink, RevenueShared shared, long at, string? customer, LocalDate date, long amount, string? segment)
    {
        var record = new Assets.AssetRecord(customer is null ? default : CustomerId.From(customer), date, Money.FromMinorUnits(amount, shared.Currency), segment);
        foreach (FluentValidation.Results.ValidationFailure failure in shared.Validator.Validate(record).Errors)
        {
            sink.AddProblem(at, shared.ColumnOf(failure.PropertyName), failure.PropertyName, failure.ErrorCode, failure.ErrorMessage);
        }
    }

    private static bool TryDate(ColumnBatch column, int row, RevenueShared shared, DayCache days, out LocalDate date, out string? error)
    {
        int v = column.ValueOf(row);
        if (v < 0)
        {
            date = default;
            error = shared.Dates.EmptyMessage;
            return false;
        }

        if (column.Kind == ColumnKind.Text)
        {
            return shared.Dates.TryParse(column.BytesOf(v), out date, out error);
        }

        long day = Columnar.DayOf(column, v);
        return days.TryGet(day, out date, out error);
    }

    private static bool TryAmount(ColumnBatch column, int row, RevenueShared shared, out long amount, out string? error)
    {
        int v = column.ValueOf(row);
        if (v < 0)
        {
            amount = 0;
            error = shared.Amounts.EmptyMessage;
            return false;
        }

        return column.Kind == ColumnKind.Text
            ? shared.Amounts.TryParse(column.BytesOf(v), out amount, out error)
            : Columnar.TryMinorUnits(column, v, shared.Currency, out amount, out error);
    }
}
