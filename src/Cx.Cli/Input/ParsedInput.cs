using Cx.Domain.Assets;
using Cx.Domain.IO;
using Cx.Domain.Primitives;
using NodaTime;

namespace Cx.Cli.Input;

/// <summary>The revenue read from an input (as columns), where each row came from, and what could not be read.</summary>
internal sealed class ParsedInput
{
    /// <summary>The most problems kept; more are counted only.</summary>
    public const int ProblemLimit = RevenueFile.ProblemLimit;

    private readonly RevenueFile? _file;
    private AssetRecord[]? _records;

    private ParsedInput(string name, string customerColumn, string dateColumn, string amountColumn, string? segmentColumn, AssetColumns columns, RevenueFile? file, LocalDate? first, LocalDate? last)
    {
        Name = name;
        CustomerColumn = customerColumn;
        DateColumn = dateColumn;
        AmountColumn = amountColumn;
        SegmentColumn = segmentColumn;
        Columns = columns;
        _file = file;
        FirstDate = first;
        LastDate = last;
        Problems = file is null ? [] : [.. file.Problems.Select(ToInputProblem)];
        ProblemCount = file?.ProblemCount ?? 0;
    }

    /// <summary>Gets the name of the input as messages show it (a file name, <c>stdin</c>, or the sample).</summary>
    public string Name { get; }

    /// <summary>Gets the customer column's name as the header spells it.</summary>
    public string CustomerColumn { get; }

    /// <summary>Gets the date column's name as the header spells it.</summary>
    public string DateColumn { get; }

    /// <summary>Gets the amount column's name as the header spells it.</summary>
    public string AmountColumn { get; }

    /// <summary>Gets the segment column's name as the header spells it, or null when there is none.</summary>
    public string? SegmentColumn { get; }

    /// <summary>Gets the rows read, as columns.</summary>
    public AssetColumns Columns { get; }

    /// <summary>Gets the problems found, in input order, up to <see cref="ProblemLimit"/>.</summary>
    public IReadOnlyList<InputProblem> Problems { get; }

    /// <summary>Gets how many problems were found in all.</summary>
    public long ProblemCount { get; }

    /// <summary>Gets the earliest date of a row, or null without rows.</summary>
    public LocalDate? FirstDate { get; }

    /// <summary>Gets the latest date of a row, or null without rows.</summary>
    public LocalDate? LastDate { get; }

    /// <summary>Gets the encoding the file was read with, or null for the sample.</summary>
    public string? Encoding => _file?.Encoding;

    /// <summary>Gets how many rows were read.</summary>
    public int RowCount => Columns.RowCount;

    /// <summary>Gets the rows read as records, in input order (for the commands whose library entry point takes
    /// records); made once, on first use.</summary>
    public IReadOnlyList<AssetRecord> Records => _records ??= ToRecords(Columns);

    /// <summary>Wraps a file read by <see cref="RevenueFileReader"/>.</summary>
    public static ParsedInput FromFile(RevenueFile file) =>
        new(file.Name, file.CustomerColumn, file.DateColumn, file.AmountColumn, file.SegmentColumn, file.Columns, file, file.FirstDate, file.LastDate);

    /// <summary>Wraps records that come from no file (the sample company): interned into columns like a file's rows.</summary>
    public static ParsedInput FromRecords(string name, IReadOnlyList<AssetRecord> records, Currency currency)
    {
        LocalDate? first = records.Count == 0 ? null : records.Min(r => r.Date);
        LocalDate? last = records.Count == 0 ? null : records.Max(r => r.Date);
        var columns = AssetColumns.FromRecords(records, currency);
        return new ParsedInput(name, "customer_id", "date", "amount", "segment", columns, null, first, last);
    }

    /// <summary>Returns the line of the row at a position, or null when lines are not known.</summary>
    public long? LineOf(long position) => _file?.LineOf(position);

    /// <summary>Turns a reader's problem into the tool's.</summary>
    public static InputProblem ToInputProblem(FileProblem problem) =>
        new(problem.Line, problem.Where, problem.Column, problem.Code is null ? problem.Message : $"{problem.Message} [{problem.Code}]");

    private static AssetRecord[] ToRecords(AssetColumns columns)
    {
        var records = new AssetRecord[columns.RowCount];
        ReadOnlySpan<int> customers = columns.CustomerIndex.Span;
        ReadOnlySpan<LocalDate> dates = columns.Date.Span;
        ReadOnlySpan<long> amounts = columns.AmountInMinorUnits.Span;
        ReadOnlySpan<int> segments = columns.SegmentIndex.Span;
        for (int i = 0; i < records.Length; i++)
        {
            string? segment = segments.IsEmpty || segments[i] < 0 ? null : columns.Segments[segments[i]];
            records[i] = new AssetRecord(columns.Customers[customers[i]], dates[i], Money.FromMinorUnits(amounts[i], columns.Currency), segment);
        }

        return records;
    }
}
