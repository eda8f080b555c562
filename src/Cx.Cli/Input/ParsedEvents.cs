using Cx.Domain.IO;
using Cx.Domain.Journey;

namespace Cx.Cli.Input;

/// <summary>The experience events read from a CSV file, the line of each, and what could not be read.</summary>
internal sealed class ParsedEvents
{
    private readonly List<InputProblem> _problems = [];

    public ParsedEvents(string name, string customerColumn, string touchpointColumn, string instantColumn, string outcomeColumn, string? channelColumn)
    {
        Name = name;
        CustomerColumn = customerColumn;
        TouchpointColumn = touchpointColumn;
        InstantColumn = instantColumn;
        OutcomeColumn = outcomeColumn;
        ChannelColumn = channelColumn;
    }

    /// <summary>Wraps a file read by <see cref="ExperienceEventFileReader"/>.</summary>
    public static ParsedEvents FromFile(ExperienceEventFile file)
    {
        var events = new ParsedEvents(file.Name, file.CustomerColumn, file.TouchpointColumn, file.InstantColumn, file.OutcomeColumn, file.ChannelColumn) { Lines = [] };
        for (int i = 0; i < file.Events.Count; i++)
        {
            events.Add(file.Events[i], file.LineOf(i));
        }

        foreach (FileProblem problem in file.Problems)
        {
            events.AddProblem(ParsedInput.ToInputProblem(problem));
        }

        events.ProblemCount = file.ProblemCount;
        return events;
    }

    /// <summary>Gets the name of the input as messages show it (a file name, or the sample).</summary>
    public string Name { get; }

    public string CustomerColumn { get; }

    public string TouchpointColumn { get; }

    public string InstantColumn { get; }

    public string OutcomeColumn { get; }

    /// <summary>Gets the channel column's name as the header spells it, or null when there is none.</summary>
    public string? ChannelColumn { get; }

    /// <summary>Gets the events read, in input order.</summary>
    public List<ExperienceEvent> Events { get; } = [];

    /// <summary>Gets the CSV line of each event, or null when the events are not from a file (the sample).</summary>
    public List<long>? Lines { get; init; }

    /// <summary>Gets the problems found, in input order, up to <see cref="ParsedInput.ProblemLimit"/>.</summary>
    public IReadOnlyList<InputProblem> Problems => _problems;

    /// <summary>Gets how many problems were found in all.</summary>
    public long ProblemCount { get; private set; }

    public void Add(ExperienceEvent experienceEvent, long? line)
    {
        Events.Add(experienceEvent);
        if (line is { } l)
        {
            Lines?.Add(l);
        }
    }

    public void AddProblem(InputProblem problem)
    {
        ProblemCount++;
        if (_problems.Count < ParsedInput.ProblemLimit)
        {
            _problems.Add(problem);
        }
    }

    /// <summary>Returns the line of the event at a position, or null when lines are not known.</summary>
    public long? LineOf(long position) => Lines is { } lines && position >= 0 && position < lines.Count ? lines[(int)position] : null;

    /// <summary>Returns the column of an <see cref="ExperienceEvent"/> property as the header spells it, or null.</summary>
    public string? ColumnOf(string field) => field switch
    {
        nameof(ExperienceEvent.Customer) => CustomerColumn,
        nameof(ExperienceEvent.TouchpointId) => TouchpointColumn,
        nameof(ExperienceEvent.At) => InstantColumn,
        nameof(ExperienceEvent.Outcome) => OutcomeColumn,
        nameof(ExperienceEvent.Channel) => ChannelColumn,
        _ => null,
    };
}
