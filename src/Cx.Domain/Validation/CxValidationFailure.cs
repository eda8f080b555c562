using System.Globalization;

namespace Cx.Domain.Validation;

/// <summary>One thing wrong with the input: which record, which field, a stable error code and what to do.</summary>
public sealed record CxValidationFailure
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="position">The zero-based position of the record in the input sequence (row number of a columnar input),
/// or null when the failure is not about one record (an option, a customer-period total).</param>
    /// <param name="subject">What the failure is about when it is not one record, such as <c>customer 'C-17', period 2024-03</c>; otherwise null.</param>
    /// <param name="field">The field or property at fault, such as <c>Amount</c>.</param>
    /// <param name="errorCode">The stable code, such as <c>CX0102</c>; listed in <c>docs/errors.md</c> and in <see cref="CxErrorCodes"/>.</param>
    /// <param name="message">What was expected, what came, and how to fix it.</param>
    public CxValidationFailure(long? position, string? subject, string field, string errorCode, string message)
    {
        Position = position;
        Subject = subject;
        Field = field;
        ErrorCode = errorCode;
        Message = message;
    }

    /// <summary>The zero-based position of the record in the input sequence (row number of a columnar input), or null when the failure is not about one record (an option, a customer-period total).</summary>
    public long? Position { get; }

    /// <summary>What the failure is about when it is not one record, such as <c>customer 'C-17', period 2024-03</c>; otherwise null.</summary>
    public string? Subject { get; }

    /// <summary>The field or property at fault, such as <c>Amount</c>.</summary>
    public string Field { get; }

    /// <summary>The stable code, such as <c>CX0102</c>; listed in <c>docs/errors.md</c> and in <see cref="CxErrorCodes"/>.</summary>
    public string ErrorCode { get; }

    /// <summary>What was expected, what came, and how to fix it.</summary>
    public string Message { get; }

    /// <summary>Returns one line naming the record (or subject), the field, the message and the code.</summary>
    /// <returns>For example <c>record #12: Amount: currency EUR differs from the ledger's USD. [CX0102]</c>.</returns>
    public override string ToString()
    {
        string where = Position is { } p ? string.Create(CultureInfo.InvariantCulture, $"record #{p}") : Subject ?? "input";
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{where}: {Field}: {Message} [{ErrorCode}]");
    }
}
