using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Cx.Domain.Validation;

/// <summary>Thrown when input records or options are invalid; carries every failure found, each naming its record and field.</summary>
/// <remarks>
/// Derives from <see cref="ArgumentException"/>. The message lists the first <see cref="MessageFailureLimit"/>
/// failures, one a line; <see cref="Failures"/> holds up to <see cref="StoredFailureLimit"/> of them, and
/// <see cref="TotalFailureCount"/> counts all, so a million bad rows neither hide nor exhaust memory.
/// </remarks>
public sealed class CxValidationException : ArgumentException
{
    /// <summary>How many failures the message lists.</summary>
    public const int MessageFailureLimit = 20;

    /// <summary>How many failures <see cref="Failures"/> keeps at most.</summary>
    public const int StoredFailureLimit = 10_000;

    /// <summary>Initializes a new instance from the failures found.</summary>
    /// <param name="what">What was being validated, such as <c>asset records</c>.</param>
    /// <param name="failures">The failures, at least one.</param>
    /// <param name="totalFailureCount">How many failures there were in all (at least <paramref name="failures"/>' count).</param>
    /// <exception cref="ArgumentNullException"><paramref name="failures"/> is null.</exception>
    public CxValidationException(string what, IEnumerable<CxValidationFailure> failures, long totalFailureCount)
        : this(what, (failures ?? throw new ArgumentNullException(nameof(failures))).Take(StoredFailureLimit).ToImmutableArray(), totalFailureCount)
    {
    }

    /// <summary>Initializes a new instance with a default message.</summary>
    public CxValidationException()
        : this("input", [new CxValidationFailure(null, null, "input", CxErrorCodes.Unspecified, "The input is invalid.")], 1)
    {
    }

    /// <summary>Initializes a new instance with a message and no failure list.</summary>
    /// <param name="message">The message.</param>
    public CxValidationException(string message)
        : this(message, innerException: null)
    {
    }

    /// <summary>Initializes a new instance with a message, an inner exception and no failure list.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public CxValidationException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Failures = [new CxValidationFailure(null, null, "input", CxErrorCodes.Unspecified, message)];
        TotalFailureCount = 1;
    }

    private CxValidationException(string what, ImmutableArray<CxValidationFailure> failures, long totalFailureCount)
        : base(BuildMessage(what, failures, Math.Max(totalFailureCount, failures.Length)))
    {
        Failures = failures;
        TotalFailureCount = Math.Max(totalFailureCount, failures.Length);
    }

    /// <summary>Gets the failures, in input order, up to <see cref="StoredFailureLimit"/>.</summary>
    public IReadOnlyList<CxValidationFailure> Failures { get; }

    /// <summary>Gets how many failures were found in all.</summary>
    public long TotalFailureCount { get; }

    private static string BuildMessage(string what, ImmutableArray<CxValidationFailure> failures, long total)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Invalid {what}: {total} failure{(total == 1 ? string.Empty : "s")}.");
        foreach (CxValidationFailure failure in failures.Take(MessageFailureLimit))
        {
            text.Append('\n').Append("  ").Append(failure);
        }

        if (total > MessageFailureLimit)
        {
            text.Append('\n').Append(CultureInfo.InvariantCulture, $"  ... and {total - MessageFailureLimit} more (see Failures).");
        }

        return text.ToString();
    }
}
