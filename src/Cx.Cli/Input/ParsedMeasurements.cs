using Cx.Domain.IO;
using Cx.Domain.Reliability;
using NodaTime;

namespace Cx.Cli.Input;

/// <summary>The reliability measurements read from an input, the CSV line of each, and what could not be read.</summary>
internal sealed class ParsedMeasurements
{
    private readonly List<InputProblem> _problems = [];

    public ParsedMeasurements(string name, string standardColumn, string instantColumn, string valueColumn, string? customerColumn)
    {
        Name = name;
        StandardColumn = standardColumn;
        InstantColumn = instantColumn;
        ValueColumn = valueColumn;
        CustomerColumn = customerColumn;
    }

    /// <summary>Wraps a file read by <see cref="MeasurementFileReader"/>.</summary>
    public static ParsedMeasurements FromFile(MeasurementFile file)
    {
        var parsed = new ParsedMeasurements(file.Name, file.StandardColumn, file.InstantColumn, file.ValueColumn, file.CustomerColumn) { Lines = [] };
        for (int i = 0; i < file.Measurements.Count; i++)
        {
            parsed.Add(file.Measurements[i], file.LineOf(i));
        }

        foreach (FileProblem problem in file.Problems)
        {
            parsed.AddProblem(ParsedInput.ToInputProblem(problem));
        }

        parsed.ProblemCount = file.ProblemCount;
        return parsed;
    }

    /// <summary>Gets the name of the input as messages show it (a file name, <c>stdin</c>, or the sample).</summary>
    public string Name { get; }

    /// <summary>Gets the standard column's name as the header spells it.</summary>
    public string StandardColumn { get; }

    /// <summary>Gets the instant column's name as the header spells it.</summary>
    public string InstantColumn { get; }

    /// <summary>Gets the value column's name as the header spells it.</summary>
    public string ValueColumn { get; }

    /// <summary>Gets the customer column's name as the header spells it, or null when there is none.</summary>
    public string? CustomerColumn { get; }

    /// <summary>Gets the measurements read, in input order.</summary>
    public List<ReliabilityMeasurement> Measurements { get; } = [];

    /// <summary>Gets the CSV line of each measurement, or null when the input is not a file (the sample).</summary>
    public List<long>? Lines { get; init; }

    /// <summary>Gets the problems found, in input order, up to <see cref="ParsedInput.ProblemLimit"/>.</summary>
    public IReadOnlyList<InputProblem> Problems => _problems;

    /// <summary>Gets how many problems were found in all.</summary>
    public long ProblemCount { get; private set; }

    /// <summary>Gets the latest instant of a measurement, or null without measurements.</summary>
    public Instant? Latest { get; private set; }

    public void Add(ReliabilityMeasurement measurement, long? line)
    {
        Measurements.Add(measurement);
        if (line is { } l)
        {
            Lines?.Add(l);
        }

        if (Latest is not { } latest || measurement.At > latest)
        {
            Latest = measurement.At;
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

    /// <summary>Returns the line of the measurement at a position, or null when lines are not known.</summary>
    public long? LineOf(long position) => Lines is { } lines && position >= 0 && position < lines.Count ? lines[(int)position] : null;
}
