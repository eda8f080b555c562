namespace Cx.Domain.Listening;

/// <summary>What a piece of feedback is: unaided comment, complaint, or survey response.</summary>
/// <remarks>Stored as a byte. <see cref="Unknown"/> (the default) is rejected (CX0702).</remarks>
public enum FeedbackKind : byte
{
    /// <summary>Not set; rejected.</summary>
    Unknown = 0,

    /// <summary>Feedback the customer gave without being asked — a comment, a compliment, a question — that is not a complaint.</summary>
    Unaided = 1,

    /// <summary>A complaint: the customer tells the company that something went wrong.</summary>
    Complaint = 2,

    /// <summary>A response to a survey; it carries a <see cref="SurveyAnswer"/>.</summary>
    Survey = 3,
}
