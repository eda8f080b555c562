using Cx.Domain.Internal;

namespace Cx.Domain.Value;

/// <summary>Something a reader of a <see cref="CustomerValueAnalysis"/> must know before trusting its numbers: an
/// assumption of the models the data do not meet, a fit that failed, a check that could not be made.</summary>
public sealed class ValueFinding
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="kind">What the finding is about.</param>
    /// <param name="message">The finding in words: what was seen, what it means for the numbers, what to do.</param>
    public ValueFinding(ValueFindingKind kind, string message)
    {
        Kind = kind;
        Message = message;
    }

    /// <summary>Gets what the finding is about.</summary>
    public ValueFindingKind Kind { get; }

    /// <summary>Gets the finding in words.</summary>
    public string Message { get; }

    /// <summary>Returns the kind and message.</summary>
    /// <returns>For example <c>NoHoldout: there is no holdout period ...</c>.</returns>
    public override string ToString() => $"{EnumText.Of(Kind)}: {Message}";
}
