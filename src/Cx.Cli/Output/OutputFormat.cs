namespace Cx.Cli.Output;

/// <summary>The formats the tool writes.</summary>
internal enum OutputFormat
{
    /// <summary>Not chosen.</summary>
    None = 0,

    /// <summary>An aligned text table for people.</summary>
    Table = 1,

    /// <summary>One CSV row per period, for spreadsheets.</summary>
    Csv = 2,

    /// <summary>A JSON document with every figure, for programs.</summary>
    Json = 3,

    /// <summary>A Markdown table, for reports and pull requests.</summary>
    Markdown = 4,
}
