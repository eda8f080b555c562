using System.Globalization;

namespace Cx.Domain.IO;

/// <summary>One thing wrong with an input file, as a person fixes it: where (line and column) and what.</summary>
/// <remarks>Immutable. <see cref="Format"/> gives the one-line form
/// <c>sales.csv line 4, column 'amount': expected a number ...</c>.</remarks>
public sealed class FileProblem : IEquatable<FileProblem>
{
    /// <summary>Initializes a problem.</summary>
    /// <param name="line">The 1-based line of the file where the row starts (a header is line 1), or null when the
    /// problem is not about one row.</param>
    /// <param name="where">What the problem is about when there is no line (a customer and period, the file), or null.</param>
    /// <param name="column">The column as the header spells it (or <c>column 3</c> without a header), or null.</param>
    /// <param name="setting">The reader setting the problem concerns (for example <c>Customer</c> or <c>DateFormat</c>), or null.</param>
    /// <param name="code">The library's error code (<c>CX0101</c>) when the failure has one, or null.</param>
    /// <param name="message">What is wrong and how to fix it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    public FileProblem(long? line, string? where, string? column, string? setting, string? code, string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Line = line;
        Where = where;
        Column = column;
        Setting = setting;
        Code = code;
        Message = message;
    }

    /// <summary>Gets the 1-based line where the row starts, or null.</summary>
    public long? Line { get; }

    /// <summary>Gets what the problem is about when there is no line, or null.</summary>
    public string? Where { get; }

    /// <summary>Gets the column as the header spells it, or null.</summary>
    public string? Column { get; }

    /// <summary>Gets the reader setting the problem concerns, or null.</summary>
    public string? Setting { get; }

    /// <summary>Gets the library's error code, or null.</summary>
    public string? Code { get; }

    /// <summary>Gets what is wrong and how to fix it.</summary>
    public string Message { get; }

    /// <summary>Returns the problem as one line, naming the file.</summary>
    /// <param name="source">The file's name as messages show it.</param>
    /// <returns>For example <c>data.csv line 4, column 'amount': expected ...</c>; the code in brackets at the end when there is one.</returns>
    public string Format(string source)
    {
        string place = Line is { } line ? string.Create(CultureInfo.InvariantCulture, $"{source} line {line}") : Where is { } where ? $"{source}: {where}" : source;
        string message = Code is null ? Message : $"{Message} [{Code}]";
        return Column is null ? $"{place}: {message}" : $"{place}, column '{Column}': {message}";
    }

    /// <inheritdoc/>
    public bool Equals(FileProblem? other) =>
        other is not null && Line == other.Line && Where == other.Where && Column == other.Column && Setting == other.Setting && Code == other.Code && Message == other.Message;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as FileProblem);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Line, Where, Column, Setting, Code, Message);

    /// <summary>Returns the problem as one line without a file name.</summary>
    /// <returns>For example <c>line 4, column 'amount': expected ...</c>.</returns>
    public override string ToString() => Format("input").Substring("input ".Length).TrimStart(':', ' ');
}
