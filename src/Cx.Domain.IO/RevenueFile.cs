using Cx.Domain.Assets;
using Cx.Domain.IO.Internal;
using NodaTime;

namespace Cx.Domain.IO;

/// <summary>A revenue file read into columns: the rows that could be read, where each came from, and a problem for every
/// row that could not.</summary>
/// <remarks>Immutable. Build a ledger with <see cref="AssetLedger.FromColumns"/>; failures it reports by row map back
/// to file lines with <see cref="LineOf"/>.</remarks>
public sealed class RevenueFile
{
    private readonly LineMap? _lines;

    internal RevenueFile(string name, string encoding, ColumnNames columns, AssetColumns data, IReadOnlyList<FileProblem> problems, long problemCount, LocalDate? firstDate, LocalDate? lastDate, LineMap? lines)
    {
        Name = name;
        Encoding = encoding;
        CustomerColumn = columns.Customer;
        DateColumn = columns.Date;
        AmountColumn = columns.Amount;
        SegmentColumn = columns.Segment;
        Columns = data;
        Problems = problems;
        ProblemCount = problemCount;
        FirstDate = firstDate;
        LastDate = lastDate;
        _lines = lines;
    }

    /// <summary>Gets the file's name as messages show it.</summary>
    public string Name { get; }

    /// <summary>Gets the encoding the file was read with: <c>UTF-8</c>, <c>Windows-1252</c>, <c>UTF-16LE (byte order mark)</c>...,
    /// or <c>Parquet</c>.</summary>
    public string Encoding { get; }

    /// <summary>Gets the customer column's name as the header spells it (<c>#1</c> for a position without a header).</summary>
    public string CustomerColumn { get; }

    /// <summary>Gets the date column's name as the header spells it.</summary>
    public string DateColumn { get; }

    /// <summary>Gets the amount column's name as the header spells it.</summary>
    public string AmountColumn { get; }

    /// <summary>Gets the segment column's name as the header spells it, or null when there is none.</summary>
    public string? SegmentColumn { get; }

    /// <summary>Gets the rows read, as columns (customers numbered in order of first appearance).</summary>
    public AssetColumns Columns { get; }

    /// <summary>Gets the number of rows read.</summary>
    public int RowCount => Columns.RowCount;

    /// <summary>Gets the problems found, in file order (up to <see cref="ProblemLimit"/>).</summary>
    public IReadOnlyList<FileProblem> Problems { get; }

    /// <summary>Gets how many problems were found in all.</summary>
    public long ProblemCount { get; }

    /// <summary>Gets the earliest date read, or null without rows.</summary>
    public LocalDate? FirstDate { get; }

    /// <summary>Gets the latest date read, or null without rows.</summary>
    public LocalDate? LastDate { get; }

    /// <summary>The most problems kept; more are counted only.</summary>
    public const int ProblemLimit = 10_000;

    /// <summary>Returns the file line where a row starts.</summary>
    /// <param name="row">The 0-based row, as in <see cref="Columns"/> (and in ledger failures).</param>
    /// <returns>The 1-based line, or null when <paramref name="row"/> is out of range or the file has no lines (Parquet:
    /// problems there name the row, from 1).</returns>
    public long? LineOf(long row) => _lines is not null && row >= 0 && row < RowCount ? _lines.LineOf(row) : null;

    /// <summary>Returns a short description.</summary>
    /// <returns>For example <c>sales.csv: 14000 rows, 2 problems, UTF-8</c>.</returns>
    public override string ToString() => $"{Name}: {RowCount} rows, {ProblemCount} problems, {Encoding}";
}
