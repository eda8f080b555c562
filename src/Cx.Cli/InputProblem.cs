using System.Globalization;

namespace Cx.Cli;

/// <summary>One thing wrong with the input, as the user sees it: where (line and column), and what.</summary>
/// <param name="Line">The 1-based line of the CSV file where the row starts (the header is line 1), or null when the
/// problem is not about one row.</param>
/// <param name="Where">What the problem is about when there is no line (a customer and period, an option), or null.</param>
/// <param name="Column">The column's name as the header spells it, or null.</param>
/// <param name="Message">What is wrong, and how to fix it.</param>
internal sealed record InputProblem(long? Line, string? Where, string? Column, string Message)
{
    /// <summary>Returns the problem as one line: <c>data.csv line 4, column 'Amount': expected ...</c>.</summary>
    public string Format(string source)
    {
        string place = Line is { } line ? string.Create(CultureInfo.InvariantCulture, $"{source} line {line}") : Where is { } where ? $"{source}: {where}" : source;
        return Column is null ? $"{place}: {Message}" : $"{place}, column '{Column}': {Message}";
    }
}
