using Cx.Domain.Validation;

namespace Cx.Domain.Internal;

/// <summary>Collects validation failures (keeping up to <see cref="CxValidationException.StoredFailureLimit"/>, counting all) and throws them together.</summary>
internal sealed class FailureCollector
{
    private readonly List<CxValidationFailure> _failures = [];

    public long Count { get; private set; }

    public bool Any => Count > 0;

    public void Add(CxValidationFailure failure)
    {
        Count++;
        if (_failures.Count < CxValidationException.StoredFailureLimit)
        {
            _failures.Add(failure);
        }
    }

    public void Add(long? position, string? subject, string field, string code, string message) =>
        Add(new CxValidationFailure(position, subject, field, code, message));

    /// <summary>Adds every failure of another collector (its stored ones, and its count of the others).</summary>
    public void AddFrom(FailureCollector other)
    {
        foreach (CxValidationFailure failure in other._failures)
        {
            Add(failure);
        }

        Count += other.Count - other._failures.Count;
    }

    public void AddRange(long position, FluentValidation.Results.ValidationResult result)
    {
        foreach (FluentValidation.Results.ValidationFailure failure in result.Errors)
        {
            Add(position, null, failure.PropertyName, failure.ErrorCode ?? CxErrorCodes.Unspecified, failure.ErrorMessage);
        }
    }

    public void ThrowIfAny(string what)
    {
        if (Count > 0)
        {
            throw ToException(what);
        }
    }

    public CxValidationException ToException(string what) => new(what, _failures, Count);
}
