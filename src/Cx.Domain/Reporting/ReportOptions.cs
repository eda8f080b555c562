namespace Cx.Domain.Reporting;

/// <summary>What a rendered report says about where its figures came from; every renderer of
/// <see cref="Cx.Domain.Reporting"/> takes these.</summary>
/// <remarks>All settings are optional: without them a report is titled by what it shows (<c>Customer asset
/// movements</c>) and leaves out the record count. The <c>cx</c> tool sets them to name its input files.</remarks>
public sealed class ReportOptions
{
    /// <summary>Gets the shared default options: no source, no record count, the library's vocabulary.</summary>
    public static ReportOptions Default { get; } = new();

    /// <summary>Gets or initializes where the data came from, as the title shows it (<c>sales.csv</c>, or
    /// <c>revenue.csv and events.csv</c>); null for none.</summary>
    /// <remarks>Shown in the Markdown, text and HTML titles (<c>Customer asset movements from sales.csv</c>), escaped for
    /// each format; left out of CSV and JSON, so the same data gives the same document whatever its file was called.</remarks>
    public string? Source { get; init; }

    /// <summary>Gets or initializes how many input records produced the result (revenue records, or measurements for
    /// reliability); null when unknown.</summary>
    /// <remarks>Shown in the summary line; the reliability JSON writes it as <c>measurements</c> and leaves the property out
    /// when it is null.</remarks>
    public long? RecordCount { get; init; }

    /// <summary>Gets or initializes a value indicating whether notes name the <c>cx</c> command-line options that
    /// explain a figure (<c>--end</c>, <c>--direction</c>) rather than the library's settings; false by default.</summary>
    public bool NameCommandLineOptions { get; init; }
}
