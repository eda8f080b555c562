using System.CommandLine;

namespace Cx.Cli.Output;

/// <summary>Chooses the output format when <c>--format</c> is not given.</summary>
internal static class OutputFormats
{
    public static readonly string[] Names = ["table", "csv", "json", "markdown"];

    /// <summary>Creates the <c>--format</c> option every reporting command shares.</summary>
    public static Option<string?> CreateFormatOption()
    {
        var format = new Option<string?>("--format", "-f")
        {
            Description = "The output format. Default: with --output, by the file's extension (.json, .csv, .md, else table); otherwise table on a terminal and json when standard output is redirected.",
        };
        format.AcceptOnlyFromAmong(Names);
        return format;
    }

    /// <summary>Creates the <c>--output</c> option every reporting command shares.</summary>
    public static Option<string?> CreateOutputOption() => new("--output", "-o")
    {
        Description = "Write to this file instead of standard output. It is replaced only when the whole run succeeds.",
        HelpName = "file",
    };

    /// <summary>Returns the format: the one asked for; else, with <c>--output</c>, by the file's extension (<c>.json</c>,
    /// <c>.csv</c>, <c>.md</c>, anything else a table); else a table on a terminal and JSON when standard output is redirected.</summary>
    public static OutputFormat Choose(string? requested, string? outputPath, bool stdoutRedirected)
    {
        if (requested is not null)
        {
            return Parse(requested);
        }

        if (outputPath is not null)
        {
            string extension = Path.GetExtension(outputPath);
            return extension.Equals(".json", StringComparison.OrdinalIgnoreCase) ? OutputFormat.Json
                : extension.Equals(".csv", StringComparison.OrdinalIgnoreCase) ? OutputFormat.Csv
                : extension.Equals(".md", StringComparison.OrdinalIgnoreCase) ? OutputFormat.Markdown
                : OutputFormat.Table;
        }

        return stdoutRedirected ? OutputFormat.Json : OutputFormat.Table;
    }

    private static OutputFormat Parse(string name) => name.ToUpperInvariant() switch
    {
        "TABLE" => OutputFormat.Table,
        "CSV" => OutputFormat.Csv,
        "JSON" => OutputFormat.Json,
        "MARKDOWN" => OutputFormat.Markdown,
        _ => throw new BadInputException($"--format: expected table, csv, json or markdown, got '{name}'."),
    };
}
