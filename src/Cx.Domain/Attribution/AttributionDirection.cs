namespace Cx.Domain.Attribution;

/// <summary>Whether a movement adds to the customer asset (a gain) or takes from it (a loss).</summary>
public enum AttributionDirection
{
    /// <summary>Neither (a flat movement, or not set).</summary>
    None = 0,

    /// <summary>New, reactivated and expansion movements: value earned.</summary>
    Gains = 1,

    /// <summary>Contraction and churn movements: value lost.</summary>
    Losses = 2,
}
