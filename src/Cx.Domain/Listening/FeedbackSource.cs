namespace Cx.Domain.Listening;

/// <summary>The channel a piece of feedback came through.</summary>
/// <remarks>Stored as a byte so that columns of sources stay small. <see cref="Unknown"/> (the default) is not a source and
/// is rejected (CX0701).</remarks>
public enum FeedbackSource : byte
{
    /// <summary>Not set; rejected.</summary>
    Unknown = 0,

    /// <summary>A call to a call center or hotline.</summary>
    CallCenter = 1,

    /// <summary>A web form, the website or the app.</summary>
    Web = 2,

    /// <summary>A store, a dealer or a branch, in person.</summary>
    Store = 3,

    /// <summary>An email.</summary>
    Email = 4,

    /// <summary>A chat conversation.</summary>
    Chat = 5,

    /// <summary>A social-media post or review.</summary>
    Social = 6,

    /// <summary>A survey invitation.</summary>
    Survey = 7,

    /// <summary>Any other channel.</summary>
    Other = 8,
}
