using Cx.Domain.IO.Internal;
using Cx.Domain.Journey;

namespace Cx.Domain.IO;

/// <summary>A file of experience events read: the events that could be read, the line of each, and a problem for every
/// row that could not.</summary>
/// <remarks>Immutable. Failures the library reports by event position map back to lines with <see cref="LineOf"/>.</remarks>
public sealed class ExperienceEventFile
{
    private readonly LineMap? _lines;

    internal ExperienceEventFile(string name, string encoding, string[] columns, IReadOnlyList<ExperienceEvent> events, IReadOnlyList<FileProblem> problems, long problemCount, LineMap? lines)
    {
        Name = name;
        Encoding = encoding;
        CustomerColumn = columns[0];
        TouchpointColumn = columns[1];
        InstantColumn = columns[2];
        OutcomeColumn = columns[3];
        ChannelColumn = columns[4];
        Events = events;
        Problems = problems;
        ProblemCount = problemCount;
        _lines = lines;
    }

    /// <summary>Gets the file's name as messages show it.</summary>
    public string Name { get; }

    /// <summary>Gets the encoding the file was read with.</summary>
    public string Encoding { get; }

    /// <summary>Gets the customer column as the header spells it.</summary>
    public string CustomerColumn { get; }

    /// <summary>Gets the touchpoint column as the header spells it.</summary>
    public string TouchpointColumn { get; }

    /// <summary>Gets the instant column as the header spells it.</summary>
    public string InstantColumn { get; }

    /// <summary>Gets the outcome column as the header spells it.</summary>
    public string OutcomeColumn { get; }

    /// <summary>Gets the channel column as the header spells it, or null when there is none.</summary>
    public string? ChannelColumn { get; }

    /// <summary>Gets the events read, in file order. A blank customer id is kept as the empty id, and a touchpoint as
    /// written, for the library to judge against the ledger and the journey.</summary>
    public IReadOnlyList<ExperienceEvent> Events { get; }

    /// <summary>Gets the problems found, in file order (up to <see cref="RevenueFile.ProblemLimit"/>).</summary>
    public IReadOnlyList<FileProblem> Problems { get; }

    /// <summary>Gets how many problems were found in all.</summary>
    public long ProblemCount { get; }

    /// <summary>Returns the file line where an event's row starts.</summary>
    /// <param name="position">The event's 0-based position in <see cref="Events"/>.</param>
    /// <returns>The 1-based line, or null when out of range or the file is Parquet or Arrow (rows, not lines: problems name the row).</returns>
    public long? LineOf(long position) => position >= 0 && position < Events.Count && _lines is not null ? _lines.LineOf(position) : null;

    /// <summary>Returns a short description.</summary>
    /// <returns>For example <c>events.csv: 120 events, 0 problems, UTF-8</c>.</returns>
    public override string ToString() => $"{Name}: {Events.Count} events, {ProblemCount} problems, {Encoding}";
}
