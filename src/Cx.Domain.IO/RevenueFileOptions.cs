using Cx.Domain.Primitives;

namespace Cx.Domain.IO;

/// <summary>How to read a file of dated amounts (one row per purchase, invoice line or refund): which columns, which
/// currency, date format and decimal separator, and the text layout.</summary>
/// <remarks>An options type: settable; checked when a file is read. Defaults: columns <c>customer_id</c>, <c>date</c>,
/// <c>amount</c> and (when present) <c>segment</c>; USD; <c>yyyy-MM-dd</c>; <c>.</c> as the decimal separator; comma
/// separated, with a header, UTF-8.</remarks>
public sealed class RevenueFileOptions
{
    /// <summary>Gets or sets the customer id column.</summary>
    public ColumnRef Customer { get; set; } = ColumnRef.Named("customer_id");

    /// <summary>Gets or sets the date column.</summary>
    public ColumnRef Date { get; set; } = ColumnRef.Named("date");

    /// <summary>Gets or sets the amount column (major units, negative for refunds).</summary>
    public ColumnRef Amount { get; set; } = ColumnRef.Named("amount");

    /// <summary>Gets or sets the segment column (plan, region, channel); <see cref="ColumnRef.IsNone"/> for none.</summary>
    public ColumnRef Segment { get; set; } = ColumnRef.Named("segment");

    /// <summary>Gets or sets a value indicating whether a missing segment column is an error (it was asked for) rather
    /// than meaning no segments; <see langword="false"/> by default.</summary>
    public bool SegmentRequired { get; set; }

    /// <summary>Gets or sets the currency of every amount; USD by default.</summary>
    public Currency Currency { get; set; } = Currency.Usd;

    /// <summary>Gets or sets the NodaTime date pattern of the date column (invariant culture); <c>yyyy-MM-dd</c> by default.</summary>
    public string DateFormat { get; set; } = "yyyy-MM-dd";

    /// <summary>Gets or sets the decimal separator of amounts, <c>.</c> (the default) or <c>,</c>.</summary>
    public char DecimalSeparator { get; set; } = '.';

    /// <summary>Gets or sets the text layout: delimiter, header, encoding.</summary>
    public TextFileOptions Text { get; set; } = new();

    /// <summary>Gets or sets how messages name the settings (for a tool: <c>Customer</c> to <c>--customer-column</c>,
    /// <c>DateFormat</c> to <c>--date-format</c>...); null names them after these properties.</summary>
    public IReadOnlyDictionary<string, string>? SettingNames { get; set; }
}
