using System.Globalization;
using Cx.Domain.Journey;
using Cx.Domain.Reliability;
using FluentValidation;

namespace Cx.Domain.Validation;

/// <summary>Validates one <see cref="ReliabilityStandard"/>, against a journey framework when one is given.</summary>
/// <remarks>Codes: CX0501 empty id, CX0503 unknown touchpoint, CX0504 objective outside (0, 1), CX0505 threshold not finite,
/// CX0506 comparison or evidence kind undefined, CX0507 window invalid, CX0508 evidence gate below 1, CX0509 name or
/// metric missing, CX0514 drift baseline invalid.</remarks>
public sealed class ReliabilityStandardValidator : AbstractValidator<ReliabilityStandard>
{
    /// <summary>Initializes a validator that checks touchpoint ids against <paramref name="framework"/>.</summary>
    /// <param name="framework">The journey framework, or null to accept any non-empty touchpoint id.</param>
    public ReliabilityStandardValidator(JourneyFramework? framework = null)
    {
        RuleFor(s => s.Id).Must(id => !string.IsNullOrWhiteSpace(id)).WithErrorCode(CxErrorCodes.StandardIdEmpty)
            .WithMessage("Expected a standard id, got an empty one. Give every standard a short stable id such as 'test-drive-48h'.");
        RuleFor(s => s.TouchpointId).Must(id => !string.IsNullOrWhiteSpace(id) && (framework is null || framework.IndexOfTouchpoint(id) >= 0))
            .WithErrorCode(CxErrorCodes.StandardUnknownTouchpoint)
            .WithMessage(s => framework is null || string.IsNullOrWhiteSpace(s.TouchpointId)
                ? "Expected the id of the touchpoint the standard governs, got an empty one."
                : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected a touchpoint of journey '{framework.Name}', got '{s.TouchpointId}'. Known touchpoints: {string.Join(", ", framework.Touchpoints.Select(t => t.Id))}."));
        RuleFor(s => s.Objective).Must(o => o > 0 && o < 1).WithErrorCode(CxErrorCodes.StandardObjectiveInvalid)
            .WithMessage(s => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected an objective strictly between 0 and 1 (such as 0.95 for 95%), got {Text(s.Objective)}."));
        RuleFor(s => s.Threshold).Must(double.IsFinite).WithErrorCode(CxErrorCodes.StandardThresholdInvalid)
            .WithMessage(s => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected a finite threshold, got {Text(s.Threshold)}."));
        RuleFor(s => s.Comparison).Must(c => c is ThresholdComparison.AtMost or ThresholdComparison.AtLeast).WithErrorCode(CxErrorCodes.StandardKindInvalid)
            .WithMessage(s => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected a comparison of AtMost or AtLeast, got {Internal.EnumText.Of(s.Comparison)}."));
        RuleFor(s => s.Evidence).Must(e => e is EvidenceKind.Events or EvidenceKind.PeriodAggregates).WithErrorCode(CxErrorCodes.StandardKindInvalid)
            .WithMessage(s => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected evidence of Events or PeriodAggregates, got {Internal.EnumText.Of(s.Evidence)}."));
        RuleFor(s => s.Window).Must(w => w is not null).WithErrorCode(CxErrorCodes.StandardWindowInvalid)
            .WithMessage("Expected an evaluation window (calendar periods or a rolling duration), got none.");
        RuleFor(s => s.Window).Must(w => w is null || w.Kind == EvaluationWindowKind.Calendar || w.Length >= NodaTime.Duration.FromHours(1))
            .WithErrorCode(CxErrorCodes.StandardWindowInvalid)
            .WithMessage(s => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected a rolling window of at least one hour, got {s.Window}."));
        RuleFor(s => s.Window).Must(w => w is null || w.NominalLength <= Primitives.SupportedRange.MaxDuration)
            .WithErrorCode(CxErrorCodes.DurationOutOfRange)
            .WithMessage(s => string.Create(CultureInfo.InvariantCulture, $"Expected an evaluation window of at most {Primitives.SupportedRange.MaxDurationDays} days (100 years; for a calendar, on average per period), got {s.Window}."));
        RuleFor(s => s.Window).Must(w => w is null || w.Kind == EvaluationWindowKind.Calendar).When(s => s.Evidence == EvidenceKind.PeriodAggregates)
            .WithErrorCode(CxErrorCodes.StandardWindowInvalid)
            .WithMessage("Expected a calendar window for a standard judged on periodic aggregates, got a rolling one.");
        RuleFor(s => s.MinimumEvents).GreaterThanOrEqualTo(1).WithErrorCode(CxErrorCodes.StandardMinimumEventsInvalid)
            .WithMessage(s => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected an evidence gate of at least 1 event, got {s.MinimumEvents}."));
        RuleFor(s => s.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithErrorCode(CxErrorCodes.StandardTextMissing)
            .WithMessage("Expected a name for the standard, got an empty one.");
        RuleFor(s => s.Metric).Must(n => !string.IsNullOrWhiteSpace(n)).WithErrorCode(CxErrorCodes.StandardTextMissing)
            .WithMessage("Expected the metric the standard measures (such as 'hours from request to test drive'), got an empty one.");
        RuleFor(s => s.Baseline).Must(b => b is null || b.Value.Sigma > 0).WithErrorCode(CxErrorCodes.DriftSettingsInvalid)
            .WithMessage("Expected a baseline with a positive sigma, got default(DriftBaseline). Create it with DriftBaseline.FromMeanAndSigma.");
        RuleFor(s => s.ReferenceInterval).Must(i => i is null || (i.Value.HasStart && i.Value.HasEnd && i.Value.Start < i.Value.End))
            .WithErrorCode(CxErrorCodes.DriftSettingsInvalid)
            .WithMessage("Expected a reference interval with a start before its end, got an empty or unbounded one.");
        RuleFor(s => s).Must(s => s.Baseline is null || s.ReferenceInterval is null).WithErrorCode(CxErrorCodes.DriftSettingsInvalid)
            .WithName("Baseline").WithMessage("Expected a given baseline or a reference interval, got both. Keep one.");
    }

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
