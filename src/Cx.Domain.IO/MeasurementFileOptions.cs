namespace Cx.Domain.IO;

/// <summary>How to read a file of reliability measurements (one row per event: standard or touchpoint, instant, value,
/// optional customer): which columns, and the text layout.</summary>
/// <remarks>An options type: settable. Defaults: columns <c>standard</c>, <c>instant</c>, <c>value</c> and (when
/// present) <c>customer</c>; <c>.</c> as the decimal separator; comma separated, with a header, UTF-8.</remarks>
public sealed class MeasurementFileOptions
{
    /// <summary>Gets or sets the column of the standard's (or touchpoint's) id.</summary>
    public ColumnRef Standard { get; set; } = ColumnRef.Named("standard");

    /// <summary>Gets or sets the instant column (ISO 8601 with a UTC offset).</summary>
    public ColumnRef Instant { get; set; } = ColumnRef.Named("instant");

    /// <summary>Gets or sets the value column.</summary>
    public ColumnRef Value { get; set; } = ColumnRef.Named("value");

    /// <summary>Gets or sets the customer id column; optional unless <see cref="CustomerRequired"/>.</summary>
    public ColumnRef Customer { get; set; } = ColumnRef.Named("customer");

    /// <summary>Gets or sets a value indicating whether a missing customer column is an error.</summary>
    public bool CustomerRequired { get; set; }

    /// <summary>Gets or sets the decimal separator of values, <c>.</c> (the default) or <c>,</c>.</summary>
    public char DecimalSeparator { get; set; } = '.';

    /// <summary>Gets or sets the text layout.</summary>
    public TextFileOptions Text { get; set; } = new();

    /// <summary>Gets or sets how messages name the settings; null names them after these properties.</summary>
    public IReadOnlyDictionary<string, string>? SettingNames { get; set; }
}
