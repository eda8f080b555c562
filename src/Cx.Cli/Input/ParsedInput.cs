using Cx.Domain.Assets;
using NodaTime;

namespace Cx.Cli.Input;

/// <summary>The records read from an input, where each came from, and what could not be read.</summary>
internal sealed class ParsedInput
{
    /// <summary>The most problems kept; more are counted only.</summary>
    public const int ProblemLimit = 10_000;

    private readonly List<InputProblem> _problems = [];

    public ParsedInput(string name, string customerColumn, string dateColumn, string amountColumn, string? segmentColumn)
    {
        SegmentColumn = segmentColumn;
        Name = name;
        CustomerColumn = customerColumn;
        DateColumn = dateColumn;
        AmountColumn = amountColumn;
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

    /// <summary>Gets the records read, in input order.</summary>
    public List<AssetRecord> Records { get; } = [];

    /// <summary>Gets the CSV line of each record, or null when the input is not a file (the sample).</summary>
    public List<long>? Lines { get; init; }

    /// <summary>Gets the problems found, in input order, up to <see cref="ProblemLimit"/>.</summary>
    public IReadOnlyList<InputProblem> Problems => _problems;

    /// <summary>Gets how many problems were found in all.</summary>
    public long ProblemCount { get; private set; }

    /// <summary>Gets the earliest date of a record, or null without records.</summary>
    public LocalDate? FirstDate { get; private set; }

    /// <summary>Gets the latest date of a record, or null without records.</summary>
    public LocalDate? LastDate { get; private set; }

    public void Add(AssetRecord record, long? line)
    {
        Records.Add(record);
        if (line is { } l)
        {
            Lines?.Add(l);
        }

        if (FirstDate is not { } first || record.Date < first)
        {
            FirstDate = record.Date;
        }

        if (LastDate is not { } last || record.Date > last)
        {
            LastDate = record.Date;
        }
    }

    public void AddProblem(InputProblem problem)
    {
        ProblemCount++;
        if (_problems.Count < ProblemLimit)
        {
            _problems.Add(problem);
        }
    }

    /// <summary>Returns the line of the record at a position, or null when lines are not known.</summary>
    public long? LineOf(long position) => Lines is { } lines && position >= 0 && position < lines.Count ? lines[(int)position] : null;
}
