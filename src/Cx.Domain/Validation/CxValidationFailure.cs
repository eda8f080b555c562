using System.Globalization;

namespace Cx.Domain.Validation;

/// <summary>One thing wrong with the input: which record, which field, a stable error code and what to do.</summary>
/// <param name="Position">The zero-based position of the record in the input sequence (row number of a columnar input),
/// or null when the failure is not about one record (an option, a customer-period total).</param>
/// <param name="Subject">What the failure is about when it is not one record, such as <c>customer 'C-17', period 2024-03</c>; otherwise null.</param>
/// <param name="Field">The field or property at fault, such as <c>Amount</c>.</param>
/// <param name="ErrorCode">The stable code, such as <c>CX0102</c>; listed in <c>docs/errors.md</c> and in <see cref="CxErrorCodes"/>.</param>
/// <param name="Message">What was expected, what came, and how to fix it.</param>
public sealed record CxValidationFailure(long? Position, string? Subject, string Field, string ErrorCode, string Message)
{
    /// <summary>Returns one line naming the record (or subject), the field, the message and the code.</summary>
    /// <returns>For example <c>record #12: Amount: currency EUR differs from the ledger's USD. [CX0102]</c>.</returns>
    public override string ToString()
    {
        string where = Position is { } p ? string.Create(CultureInfo.InvariantCulture, $"record #{p}") : Subject ?? "input";
        return $"{where}: {Field}: {Message} [{ErrorCode}]";
    }
}
