namespace Cx.Domain.Reliability;

/// <summary>Why a standard has its status: the rule or verdict, with the figures behind it in words.</summary>
public sealed class StatusReason
{
    internal StatusReason(StatusReasonKind kind, string message)
    {
        Kind = kind;
        Message = message;
    }

    /// <summary>Gets what the reason is about.</summary>
    public StatusReasonKind Kind { get; }

    /// <summary>Gets the explanation with its figures, such as <c>burn rate 7.2 over 6h and 9.0 over 30m exceed 6 (page)</c>.</summary>
    public string Message { get; }

    /// <summary>Returns the message.</summary>
    /// <returns>The message.</returns>
    public override string ToString() => Message;
}
