using System.Globalization;
using Cx.Domain.Listening;
using FluentValidation;

namespace Cx.Domain.Validation;

/// <summary>Validates <see cref="ListeningOptions"/>, its spike settings included.</summary>
/// <remarks>Codes: CX0714 (<see cref="CxErrorCodes.ListeningOptionsInvalid"/>) for the listening settings, CX0715 for the
/// spike settings (<see cref="SpikeDetectionOptionsValidator"/>).</remarks>
public sealed class ListeningOptionsValidator : AbstractValidator<ListeningOptions>
{
    /// <summary>Initializes the validator.</summary>
    public ListeningOptionsValidator()
    {
        RuleFor(o => o.Zone).NotNull().WithErrorCode(CxErrorCodes.ListeningOptionsInvalid)
            .WithMessage("Expected a time zone, got null. Use DateTimeZone.Utc or a zone from DateTimeZoneProviders.Tzdb.");
        RuleFor(o => o.ConfidenceLevel).Must(c => double.IsFinite(c) && c >= 0.8 && c <= 0.999).WithErrorCode(CxErrorCodes.ListeningOptionsInvalid)
            .WithMessage(o => string.Create(CultureInfo.InvariantCulture, $"Expected a confidence level from 0.80 to 0.999, got {o.ConfidenceLevel}. Use 0.95 for 95% intervals."));
        RuleFor(o => o.MinimumResponses).InclusiveBetween(2, 1_000_000).WithErrorCode(CxErrorCodes.ListeningOptionsInvalid)
            .WithMessage(o => string.Create(CultureInfo.InvariantCulture, $"Expected a minimum of 2 to 1000000 responses per period, got {o.MinimumResponses}."));
        RuleFor(o => o.Spikes).NotNull().WithErrorCode(CxErrorCodes.SpikeDetectionOptionsInvalid)
            .WithMessage("Expected spike-detection settings, got null. Leave the default or assign new SpikeDetectionOptions().");
        RuleFor(o => o.Spikes).SetValidator(new SpikeDetectionOptionsValidator()!).When(o => o.Spikes is not null);
    }
}
