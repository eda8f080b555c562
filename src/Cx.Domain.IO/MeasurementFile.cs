using Cx.Domain.IO.Internal;
using Cx.Domain.Reliability;
using NodaTime;

namespace Cx.Domain.IO;

/// <summary>A file of reliability measurements read: the measurements that could be read, the line of each, and a
/// problem for every row that could not.</summary>
/// <remarks>Immutable. Failures the library reports by measurement position map back to lines with <see cref="LineOf"/>.</remarks>
public sealed class MeasurementFile
{
    private readonly LineMap? _lines;

    internal MeasurementFile(string name, string encoding, string[] columns, IReadOnlyList<ReliabilityMeasurement> measurements, IReadOnlyList<FileProblem> problems, long problemCount, LineMap? lines)
    {
        Name = name;
        Encoding = encoding;
        StandardColumn = columns[0];
        InstantColumn = columns[1];
        ValueColumn = columns[2];
        CustomerColumn = columns[3];
        Measurements = measurements;
        Problems = problems;
        ProblemCount = problemCount;
        _lines = lines;
        Latest = measurements.Count == 0 ? null : measurements.Max(m => m.At);
    }

    /// <summary>Gets the file's name as messages show it.</summary>
    public string Name { get; }

    /// <summary>Gets the encoding the file was read with.</summary>
    public string Encoding { get; }

    /// <summary>Gets the standard column as the header spells it.</summary>
    public string StandardColumn { get; }

    /// <summary>Gets the instant column as the header spells it.</summary>
    public string InstantColumn { get; }

    /// <summary>Gets the value column as the header spells it.</summary>
    public string ValueColumn { get; }

    /// <summary>Gets the customer column as the header spells it, or null when there is none.</summary>
    public string? CustomerColumn { get; }

    /// <summary>Gets the measurements read, in file order.</summary>
    public IReadOnlyList<ReliabilityMeasurement> Measurements { get; }

    /// <summary>Gets the latest instant of a measurement, or null without measurements.</summary>
    public Instant? Latest { get; }

    /// <summary>Gets the problems found, in file order (up to <see cref="RevenueFile.ProblemLimit"/>).</summary>
    public IReadOnlyList<FileProblem> Problems { get; }

    /// <summary>Gets how many problems were found in all.</summary>
    public long ProblemCount { get; }

    /// <summary>Returns the file line where a measurement's row starts.</summary>
    /// <param name="position">The measurement's 0-based position in <see cref="Measurements"/>.</param>
    /// <returns>The 1-based line, or null when out of range or the file is Parquet or Arrow (rows, not lines: problems name the row).</returns>
    public long? LineOf(long position) => position >= 0 && position < Measurements.Count && _lines is not null ? _lines.LineOf(position) : null;

    /// <summary>Returns a short description.</summary>
    /// <returns>For example <c>measurements.csv: 1200 measurements, 0 problems, UTF-8</c>.</returns>
    public override string ToString() => $"{Name}: {Measurements.Count} measurements, {ProblemCount} problems, {Encoding}";
}
