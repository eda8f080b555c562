namespace Cx.Domain.Reporting;

/// <summary>What a marker on a reliability run chart stands for; it sets the marker's colour.</summary>
public enum RunChartMarkerKind
{
    /// <summary>Not set; drawn like <see cref="Note"/>.</summary>
    None = 0,

    /// <summary>An early warning (a burn-rate alert, a drift signal, the start of an episode): amber.</summary>
    Warning = 1,

    /// <summary>A breach of the standard: red.</summary>
    Breach = 2,

    /// <summary>Anything else worth a line (a release, an incident): grey.</summary>
    Note = 3,
}
