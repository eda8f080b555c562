namespace Cx.Cli.Output;

/// <summary>Chooses the output format when <c>--format</c> is not given.</summary>
internal static class OutputFormats
{
    public static readonly string[] Names = ["table", "csv", "json", "markdown"];

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
