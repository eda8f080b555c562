namespace Cx.Domain.Primitives;

/// <summary>How a <see cref="PeriodGrid"/> cuts the calendar into periods.</summary>
public enum PeriodGridKind
{
    /// <summary>Not set; no grid has this kind.</summary>
    Unknown = 0,

    /// <summary>One period per calendar day, labelled <c>2024-03-15</c>.</summary>
    Daily = 1,

    /// <summary>Seven-day weeks starting on a chosen day, labelled with the ISO week of their Thursday, <c>2024-W05</c>.</summary>
    Weekly = 2,

    /// <summary>Calendar months, labelled <c>2024-03</c>.</summary>
    Monthly = 3,

    /// <summary>Calendar quarters (January, April, July, October), labelled <c>2024-Q1</c>.</summary>
    Quarterly = 4,

    /// <summary>Contiguous date intervals given by the caller, labelled <c>2024-03-01..2024-03-15</c>.</summary>
    Custom = 5,
}
