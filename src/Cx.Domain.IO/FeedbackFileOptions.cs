namespace Cx.Domain.IO;

/// <summary>How <see cref="FeedbackFileReader"/> reads a file of customer feedback: its columns, decimal separator and
/// text settings.</summary>
/// <remarks>An options type: settable. <see cref="Instant"/>, <see cref="Source"/> and <see cref="Kind"/> are required;
/// the other columns are optional — a column the file lacks, or an empty field, means none.</remarks>
public sealed class FeedbackFileOptions
{
    /// <summary>Gets or sets the instant column (ISO 8601 with a UTC offset); <c>instant</c> by default.</summary>
    public ColumnRef Instant { get; set; } = ColumnRef.Named("instant");

    /// <summary>Gets or sets the source column (<c>call-center</c>, <c>web</c>, <c>store</c>, <c>email</c>, <c>chat</c>,
    /// <c>social</c>, <c>survey</c>, <c>other</c>); <c>source</c> by default.</summary>
    public ColumnRef Source { get; set; } = ColumnRef.Named("source");

    /// <summary>Gets or sets the kind column (<c>unaided</c>, <c>complaint</c>, <c>survey</c>); <c>kind</c> by default.</summary>
    public ColumnRef Kind { get; set; } = ColumnRef.Named("kind");

    /// <summary>Gets or sets the customer id column; <c>customer_id</c> by default.</summary>
    public ColumnRef Customer { get; set; } = ColumnRef.Named("customer_id");

    /// <summary>Gets or sets the stage id column; <c>stage</c> by default.</summary>
    public ColumnRef Stage { get; set; } = ColumnRef.Named("stage");

    /// <summary>Gets or sets the touchpoint id column; <c>touchpoint</c> by default.</summary>
    public ColumnRef Touchpoint { get; set; } = ColumnRef.Named("touchpoint");

    /// <summary>Gets or sets the topics column (ids separated by <c>;</c> or <c>|</c>); <c>topics</c> by default.</summary>
    public ColumnRef Topics { get; set; } = ColumnRef.Named("topics");

    /// <summary>Gets or sets the sentiment column (-1 to 1); <c>sentiment</c> by default.</summary>
    public ColumnRef Sentiment { get; set; } = ColumnRef.Named("sentiment");

    /// <summary>Gets or sets the survey instrument column (<c>nps</c>, <c>csat</c>, <c>ces</c>); <c>instrument</c> by default.</summary>
    public ColumnRef Instrument { get; set; } = ColumnRef.Named("instrument");

    /// <summary>Gets or sets the survey score column (a whole number); <c>score</c> by default.</summary>
    public ColumnRef Score { get; set; } = ColumnRef.Named("score");

    /// <summary>Gets or sets the column of the CSAT scale's lowest point (1 when empty); <c>scale_min</c> by default.</summary>
    public ColumnRef ScaleMin { get; set; } = ColumnRef.Named("scale_min");

    /// <summary>Gets or sets the column of the CSAT scale's highest point (5 when empty); <c>scale_max</c> by default.</summary>
    public ColumnRef ScaleMax { get; set; } = ColumnRef.Named("scale_max");

    /// <summary>Gets or sets the verbatim column; <c>text</c> by default.</summary>
    public ColumnRef Verbatim { get; set; } = ColumnRef.Named("text");

    /// <summary>Gets or sets the decimal separator of sentiments, '.' (the default) or ','.</summary>
    public char DecimalSeparator { get; set; } = '.';

    /// <summary>Gets or sets the delimiter, header, encoding and quoting settings.</summary>
    public TextFileOptions Text { get; set; } = new();

    /// <summary>Gets or sets how messages name the settings (such as <c>"Instant" → "--instant-column"</c>); the property
    /// names when null.</summary>
    public IReadOnlyDictionary<string, string>? SettingNames { get; set; }
}
