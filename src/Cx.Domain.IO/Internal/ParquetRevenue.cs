using System.Buffers;
using System.Globalization;
using System.Text;
using Cx.Domain.Primitives;
using NodaTime;
using Parquet;
using Parquet.Schema;

namespace Cx.Domain.IO.Internal;

/// <summary>Reads a Parquet file of revenue (Parquet.Net) into the same block sinks as text files: one block per row
/// group, columns found by name or position among the file's fields, every value checked with the text reader's rules.
/// Rows are numbered from 1 instead of lines.</summary>
/// <remarks>Customer ids may be strings or integers; dates DATE, TIMESTAMP or strings in the date format; amounts
/// DECIMAL (exact), integers (major units), strings in the text format, or floating point (converted through
/// <see cref="decimal"/>, as a spreadsheet shows them).</remarks>
internal static class ParquetRevenue
{
    /// <summary>The first four bytes of a Parquet file.</summary>
    public static ReadOnlySpan<byte> Magic => "PAR1"u8;

    public static bool IsParquet(Stream stream)
    {
        if (!stream.CanSeek || stream.Length < 8)
        {
            return false;
        }

        long at = stream.Position;
        Span<byte> head = stackalloc byte[4];
        stream.ReadExactly(head);
        stream.Position = at;
        return head.SequenceEqual(Magic);
    }

    public static (ReaderContext Context, List<RevenueSink> Sinks, RevenueShared Shared) Read(Stream stream, string name, RevenueFileOptions options, Func<ReaderContext, List<FileProblem>, RevenueShared?> prepare, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        ParquetReader reader = ParquetReader.CreateAsync(stream, leaveStreamOpen: true, cancellationToken: cancellationToken).GetAwaiter().GetResult();
        try
        {
            return ReadGroups(reader, stream, name, options, prepare, progress, cancellationToken);
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static (ReaderContext Context, List<RevenueSink> Sinks, RevenueShared Shared) ReadGroups(ParquetReader reader, Stream stream, string name, RevenueFileOptions options, Func<ReaderContext, List<FileProblem>, RevenueShared?> prepare, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        DataField[] fields = reader.Schema.GetDataFields();
        string[] names = [.. fields.Select(f => f.Name)];
        var header = new Header(names, names, 1, options.Text.Delimiter, s => options.SettingNames is { } n && n.TryGetValue(s, out string? v) ? v : s);
        var context = new ReaderContext(header, options.Text.Delimiter, "Parquet", options.SettingNames);
        var missing = new List<FileProblem>();
        RevenueShared? shared = prepare(context, missing);
        if (missing.Count > 0 || shared is null)
        {
            throw new InputFileException(name, [.. missing.Select(p => new FileProblem(null, "schema", p.Column, p.Setting, p.Code, p.Message.Replace("the header has", "the file has", StringComparison.Ordinal)))]);
        }

        var sinks = new List<RevenueSink>();
        long rowBase = 0;
        byte[] scratch = ArrayPool<byte>.Shared.Rent(1024);
        try
        {
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using ParquetRowGroupReader group = reader.OpenRowGroupReader(g);
                int n = checked((int)group.RowCount);
                RevenueSink sink = RevenueSink.Create(context, shared, 0, n, quiet: true)!;
                Values customers = Values.Read(group, fields[shared.CustomerIndex], n, cancellationToken);
                Values dates = Values.Read(group, fields[shared.DateIndex], n, cancellationToken);
                Values amounts = Values.Read(group, fields[shared.AmountIndex], n, cancellationToken);
                Values? segments = shared.SegmentIndex < 0 ? null : Values.Read(group, fields[shared.SegmentIndex], n, cancellationToken);
                for (int i = 0; i < n; i++)
                {
                    long row = i;
                    bool ok = TryDate(dates, i, shared, out LocalDate date, out string? dateError);
                    if (!ok)
                    {
                        sink.AddProblem(row, shared.Columns.Date, "Date", null, dateError!);
                    }

                    if (!TryAmount(amounts, i, shared, out long amount, out string? amountError))
                    {
                        sink.AddProblem(row, shared.Columns.Amount, "Amount", null, amountError!);
                        ok = false;
                    }

                    if (!ok)
                    {
                        continue;
                    }

                    int customer = customers.Intern(i, shared.Customers, ref scratch);
                    int segment = segments is null ? -1 : segments.Intern(i, shared.Segments, ref scratch);
                    string? segmentText = segment < 0 ? null : segments!.Text(i)?.Trim();
                    if (customer < 0 || (segmentText is not null && segmentText.Length > 200))
                    {
                        var record = new Assets.AssetRecord(customer < 0 ? default : CustomerId.From(customers.Text(i)!), date, Money.FromMinorUnits(amount, shared.Currency), segmentText);
                        foreach (FluentValidation.Results.ValidationFailure failure in shared.Validator.Validate(record).Errors)
                        {
                            sink.AddProblem(row, shared.ColumnOf(failure.PropertyName), failure.PropertyName, failure.ErrorCode, failure.ErrorMessage);
                        }

                        continue;
                    }

                    sink.Add(customer, date, amount, segment);
                    sink.Kept(i);
                }

                sink.Lines = n;
                sinks.Add(sink);
                rowBase += n;
                progress?.Report(stream.Position);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }

        return (context, sinks, shared);
    }

    private static bool TryDate(Values values, int i, RevenueShared shared, out LocalDate date, out string? error)
    {
        date = default;
        error = null;
        switch (values.Kind)
        {
            case ValueKind.DateTime when values.DateTimes[i] is { } dt:
                date = LocalDate.FromDateTime(dt);
                return true;
            case ValueKind.DateOnly when values.DateOnlys[i] is { } d:
                date = LocalDate.FromDateOnly(d);
                return true;
            case ValueKind.Text:
                return shared.Dates.TrySlow(values.Text(i), out date, out error);
            case ValueKind.DateTime or ValueKind.DateOnly:
                error = shared.Dates.EmptyMessage;
                return false;
            default:
                error = $"expected a date column (DATE, TIMESTAMP or text), got {values.Kind}.";
                return false;
        }
    }

    private static bool TryAmount(Values values, int i, RevenueShared shared, out long amount, out string? error)
    {
        amount = 0;
        decimal? value = values.Kind switch
        {
            ValueKind.Decimal => values.Decimals[i],
            ValueKind.Double => values.Doubles[i] is { } d && double.IsFinite(d) ? (decimal)d : null,
            ValueKind.Long => values.Longs[i],
            _ => null,
        };
        if (values.Kind == ValueKind.Text)
        {
            return shared.Amounts.TrySlow(values.Text(i), out amount, out error);
        }

        if (value is null)
        {
            error = values.Kind is ValueKind.Decimal or ValueKind.Double or ValueKind.Long
                ? (values.Kind == ValueKind.Double && values.Doubles[i] is { } bad ? $"expected a finite amount, got {bad.ToString(CultureInfo.InvariantCulture)}." : shared.Amounts.EmptyMessage)
                : $"expected an amount column (DECIMAL, integer, floating point or text), got {values.Kind}.";
            return false;
        }

        if (!Money.TryFromDecimal(value.Value, shared.Currency, MinorUnitRounding.HalfToEven, out Money money, out error))
        {
            return false;
        }

        amount = money.MinorUnits;
        return true;
    }

    private enum ValueKind
    {
        Unsupported,
        Text,
        DateTime,
        DateOnly,
        Decimal,
        Double,
        Long,
    }

    /// <summary>One column of one row group, read into the array its type calls for.</summary>
    private sealed class Values
    {
        public ValueKind Kind { get; private init; }

        public ReadOnlyMemory<char>?[] Chars { get; private init; } = [];

        public DateTime?[] DateTimes { get; private init; } = [];

        public DateOnly?[] DateOnlys { get; private init; } = [];

        public decimal?[] Decimals { get; private init; } = [];

        public double?[] Doubles { get; private init; } = [];

        public long?[] Longs { get; private init; } = [];

        public static Values Read(ParquetRowGroupReader group, DataField field, int n, CancellationToken cancellationToken)
        {
            Type type = field.ClrType;
            if (type == typeof(ReadOnlyMemory<char>) || type == typeof(string))
            {
                var chars = new ReadOnlyMemory<char>?[n];
                group.ReadAsync<ReadOnlyMemory<char>>(field, chars, null, cancellationToken).AsTask().GetAwaiter().GetResult();
                return new Values { Kind = ValueKind.Text, Chars = chars };
            }

            if (type == typeof(DateTime))
            {
                var values = new DateTime?[n];
                group.ReadAsync<DateTime>(field, values, null, cancellationToken).AsTask().GetAwaiter().GetResult();
                return new Values { Kind = ValueKind.DateTime, DateTimes = values };
            }

            if (type == typeof(DateOnly))
            {
                var values = new DateOnly?[n];
                group.ReadAsync<DateOnly>(field, values, null, cancellationToken).AsTask().GetAwaiter().GetResult();
                return new Values { Kind = ValueKind.DateOnly, DateOnlys = values };
            }

            if (type == typeof(decimal))
            {
                var values = new decimal?[n];
                group.ReadAsync<decimal>(field, values, null, cancellationToken).AsTask().GetAwaiter().GetResult();
                return new Values { Kind = ValueKind.Decimal, Decimals = values };
            }

            if (type == typeof(double) || type == typeof(float))
            {
                var values = new double?[n];
                if (type == typeof(float))
                {
                    var floats = new float?[n];
                    group.ReadAsync<float>(field, floats, null, cancellationToken).AsTask().GetAwaiter().GetResult();
                    for (int i = 0; i < n; i++)
                    {
                        values[i] = floats[i];
                    }
                }
                else
                {
                    group.ReadAsync<double>(field, values, null, cancellationToken).AsTask().GetAwaiter().GetResult();
                }

                return new Values { Kind = ValueKind.Double, Doubles = values };
            }

            if (type == typeof(long) || type == typeof(int) || type == typeof(short))
            {
                var values = new long?[n];
                if (type == typeof(long))
                {
                    group.ReadAsync<long>(field, values, null, cancellationToken).AsTask().GetAwaiter().GetResult();
                }
                else
                {
                    var ints = new int?[n];
                    group.ReadAsync<int>(field, ints, null, cancellationToken).AsTask().GetAwaiter().GetResult();
                    for (int i = 0; i < n; i++)
                    {
                        values[i] = ints[i];
                    }
                }

                return new Values { Kind = ValueKind.Long, Longs = values };
            }

            return new Values { Kind = ValueKind.Unsupported };
        }

        public string? Text(int i) => Kind switch
        {
            ValueKind.Text => Chars[i] is { } c ? new string(c.Span) : null,
            ValueKind.Long => Longs[i]?.ToString(CultureInfo.InvariantCulture),
            _ => null,
        };

        /// <summary>Numbers the value of row <paramref name="i"/> (ids as text); -1 when null or blank.</summary>
        public int Intern(int i, Interner interner, ref byte[] scratch)
        {
            ReadOnlySpan<char> chars;
            if (Kind == ValueKind.Text && Chars[i] is { } c)
            {
                chars = c.Span;
            }
            else if (Kind == ValueKind.Long && Longs[i] is { } l)
            {
                chars = l.ToString(CultureInfo.InvariantCulture);
            }
            else
            {
                return -1;
            }

            int max = Encoding.UTF8.GetMaxByteCount(chars.Length);
            if (scratch.Length < max)
            {
                ArrayPool<byte>.Shared.Return(scratch);
                scratch = ArrayPool<byte>.Shared.Rent(max);
            }

            int bytes = Encoding.UTF8.GetBytes(chars, scratch);
            return interner.GetOrAdd(scratch.AsSpan(0, bytes));
        }
    }
}
