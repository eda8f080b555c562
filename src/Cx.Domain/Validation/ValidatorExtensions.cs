using Cx.Domain.Internal;
using FluentValidation;

namespace Cx.Domain.Validation;

/// <summary>Runs a validator and throws <see cref="CxValidationException"/> with all failures.</summary>
internal static class ValidatorExtensions
{
    public static T ValidateOrThrow<T>(this IValidator<T> validator, T instance, string what)
    {
        FluentValidation.Results.ValidationResult result = validator.Validate(instance);
        if (!result.IsValid)
        {
            var failures = new FailureCollector();
            foreach (FluentValidation.Results.ValidationFailure failure in result.Errors)
            {
                failures.Add(null, what, failure.PropertyName, failure.ErrorCode ?? CxErrorCodes.Unspecified, failure.ErrorMessage);
            }

            failures.ThrowIfAny(what);
        }

        return instance;
    }
}
