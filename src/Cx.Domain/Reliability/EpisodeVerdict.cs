namespace Cx.Domain.Reliability;

/// <summary>Whether a warning episode foretold a breach, as a backtest judges it.</summary>
public enum EpisodeVerdict
{
    /// <summary>Not judged: the episode of an as-of evaluation, whose future is unknown.</summary>
    None = 0,

    /// <summary>A breach of the standard began while the episode was open or within the true-episode horizon after it opened.</summary>
    True = 1,

    /// <summary>No breach began while the episode was open or within the horizon after it opened (up to the end of the backtest).</summary>
    False = 2,
}
