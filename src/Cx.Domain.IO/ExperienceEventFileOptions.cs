namespace Cx.Domain.IO;

/// <summary>How to read a file of experience events (one row per customer meeting a touchpoint): which columns, and the
/// text layout.</summary>
/// <remarks>An options type: settable. Defaults: columns <c>customer_id</c>, <c>touchpoint</c>, <c>instant</c>,
/// <c>outcome</c> and (when present) <c>channel</c>; comma separated, with a header, UTF-8.</remarks>
public sealed class ExperienceEventFileOptions
{
    /// <summary>Gets or sets the customer id column.</summary>
    public ColumnRef Customer { get; set; } = ColumnRef.Named("customer_id");

    /// <summary>Gets or sets the touchpoint id column.</summary>
    public ColumnRef Touchpoint { get; set; } = ColumnRef.Named("touchpoint");

    /// <summary>Gets or sets the instant column (ISO 8601 with <c>Z</c> or an offset).</summary>
    public ColumnRef Instant { get; set; } = ColumnRef.Named("instant");

    /// <summary>Gets or sets the outcome column (<c>reliable</c>, <c>unreliable</c>, <c>unknown</c>, any case).</summary>
    public ColumnRef Outcome { get; set; } = ColumnRef.Named("outcome");

    /// <summary>Gets or sets the channel column; optional unless <see cref="ChannelRequired"/>.</summary>
    public ColumnRef Channel { get; set; } = ColumnRef.Named("channel");

    /// <summary>Gets or sets a value indicating whether a missing channel column is an error.</summary>
    public bool ChannelRequired { get; set; }

    /// <summary>Gets or sets the text layout.</summary>
    public TextFileOptions Text { get; set; } = new();

    /// <summary>Gets or sets how messages name the settings; null names them after these properties.</summary>
    public IReadOnlyDictionary<string, string>? SettingNames { get; set; }
}
