using FluentValidation.Results;

namespace Cx.Domain.Tests.Validation;

/// <summary>Assertions on FluentValidation results shared by the validator tests.</summary>
internal static class ValidationAssert
{
    /// <summary>Asserts that the result holds exactly one failure, with the code, on the property, with a message
    /// in the library's style ("Expected ...") that contains every fragment.</summary>
    public static ValidationFailure SingleFailure(ValidationResult result, string code, string property, params string[] fragments)
    {
        Assert.False(result.IsValid);
        ValidationFailure failure = Assert.Single(result.Errors);
        Assert.Equal(code, failure.ErrorCode);
        Assert.Equal(property, failure.PropertyName);
        Assert.StartsWith("Expected", failure.ErrorMessage, StringComparison.Ordinal);
        foreach (string fragment in fragments)
        {
            Assert.Contains(fragment, failure.ErrorMessage, StringComparison.Ordinal);
        }

        return failure;
    }

    /// <summary>Asserts that the result is valid, showing the failures when it is not.</summary>
    public static void Valid(ValidationResult result) =>
        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage} [{e.ErrorCode}]")));

    /// <summary>Returns the codes of the failures, sorted.</summary>
    public static string[] Codes(ValidationResult result) => result.Errors.Select(e => e.ErrorCode).Order(StringComparer.Ordinal).ToArray();
}
