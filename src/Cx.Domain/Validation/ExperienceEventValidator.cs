using Cx.Domain.Journey;
using FluentValidation;

namespace Cx.Domain.Validation;

/// <summary>Validates one <see cref="ExperienceEvent"/>, against a journey framework when one is given.</summary>
/// <remarks>Codes: CX0101 empty customer, CX0411 unknown touchpoint, CX0412 undefined outcome or blank channel, CX0114
/// instant outside the supported range of time.</remarks>
public sealed class ExperienceEventValidator : AbstractValidator<ExperienceEvent>
{
    /// <summary>Initializes a validator that checks touchpoint ids against <paramref name="framework"/>.</summary>
    /// <param name="framework">The journey framework, or null to accept any non-empty touchpoint id.</param>
    public ExperienceEventValidator(JourneyFramework? framework = null)
    {
        RuleFor(e => e.Customer).Must(RecordRules.CustomerOk).WithErrorCode(CxErrorCodes.CustomerIdEmpty).WithMessage(RecordRules.CustomerMessage);
        RuleFor(e => e.TouchpointId).Must(id => !string.IsNullOrWhiteSpace(id) && (framework is null || framework.IndexOfTouchpoint(id) >= 0))
            .WithErrorCode(CxErrorCodes.EventUnknownTouchpoint)
            .WithMessage(e => framework is null
                ? "Expected a touchpoint id, got an empty one."
                : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected a touchpoint of journey '{framework.Name}', got '{e.TouchpointId}'. Add it to the framework or correct the event."));
        RuleFor(e => e.Outcome).Must(o => o is ExperienceOutcome.Unknown or ExperienceOutcome.Reliable or ExperienceOutcome.Unreliable)
            .WithErrorCode(CxErrorCodes.EventInvalid).WithMessage(e => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected an outcome of Reliable, Unreliable or Unknown, got {Internal.EnumText.Of(e.Outcome)}."));
        RuleFor(e => e.Channel).Must(c => c is null || !string.IsNullOrWhiteSpace(c))
            .WithErrorCode(CxErrorCodes.EventInvalid).WithMessage("Expected a channel name or none, got a blank one.");
        RuleFor(e => e.At).Must(Primitives.SupportedRange.Contains).WithErrorCode(CxErrorCodes.TimeOutOfRange)
            .WithMessage(e => Internal.TimeRangeText.InstantMessage(e.At, "an event's instant"));
    }
}
