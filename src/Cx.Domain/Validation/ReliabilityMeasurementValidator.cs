using Cx.Domain.Reliability;
using FluentValidation;

namespace Cx.Domain.Validation;

/// <summary>Validates one <see cref="ReliabilityMeasurement"/> against a set of standards.</summary>
/// <remarks>Codes: CX0512 value NaN or infinite, CX0513 subject neither a standard nor a touchpoint with standards,
/// CX0517 subject is a standard judged on periodic aggregates, CX0101 empty customer id, CX0114 instant outside the
/// supported range of time.</remarks>
public sealed class ReliabilityMeasurementValidator : AbstractValidator<ReliabilityMeasurement>
{
    /// <summary>Initializes a validator.</summary>
    /// <param name="standards">The standards measurements are for.</param>
    /// <exception cref="ArgumentNullException"><paramref name="standards"/> is null.</exception>
    public ReliabilityMeasurementValidator(ReliabilityStandardSet standards)
    {
        ArgumentNullException.ThrowIfNull(standards);
        RuleFor(m => m.Value).Must(double.IsFinite).WithErrorCode(CxErrorCodes.MeasurementValueInvalid)
            .WithMessage(m => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected a finite value, got {m.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}. Fix or remove the measurement; NaN and infinities are never counted."));
        RuleFor(m => m.SubjectId).Must(standards.IsKnownSubject).WithErrorCode(CxErrorCodes.MeasurementUnknownSubject)
            .WithMessage(m => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected the id of a standard or of a touchpoint with standards, got '{m.SubjectId}'. Known standards: {string.Join(", ", standards.Standards.Select(s => s.Id))}."));
        RuleFor(m => m.SubjectId).Must(id => standards.Resolve(id).All(i => standards.Standards[i].Evidence == EvidenceKind.Events))
            .WithErrorCode(CxErrorCodes.AggregateInvalid)
            .WithMessage(m => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected event measurements for standards judged on events, got one for '{m.SubjectId}', which is judged on periodic aggregates. Give it PeriodAggregate values instead."));
        RuleFor(m => m.Customer).Must(c => c is null || !c.Value.IsEmpty).WithErrorCode(CxErrorCodes.CustomerIdEmpty)
            .WithMessage(RecordRules.CustomerMessage);
        RuleFor(m => m.At).Must(Primitives.SupportedRange.Contains).WithErrorCode(CxErrorCodes.TimeOutOfRange)
            .WithMessage(m => Internal.TimeRangeText.InstantMessage(m.At, "a measurement's instant"));
    }
}
