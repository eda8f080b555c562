namespace Cx.Domain.IO.Internal;

/// <summary>The revenue columns as the file spells them.</summary>
internal sealed record ColumnNames(string Customer, string Date, string Amount, string? Segment);
