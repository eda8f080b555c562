using System.Globalization;
using Cx.Domain.Internal;
using Cx.Domain.Journey;
using Cx.Domain.Listening;
using FluentValidation;

namespace Cx.Domain.Validation;

/// <summary>Validates one <see cref="FeedbackSignal"/> against a journey framework and, when given, a topic taxonomy.</summary>
/// <remarks>Codes: CX0701 source, CX0702 kind, CX0703 unknown stage, CX0704 unknown touchpoint, CX0705 touchpoint of
/// another stage, CX0706 topic blank, repeated or not in the taxonomy, CX0707 sentiment, CX0708 survey answer missing or
/// on a signal that is not a survey, CX0709 score off its scale, CX0101 empty customer id.</remarks>
public sealed class FeedbackSignalValidator : AbstractValidator<FeedbackSignal>
{
    /// <summary>Initializes a validator.</summary>
    /// <param name="journey">The journey framework stages and touchpoints are checked against.</param>
    /// <param name="taxonomy">The taxonomy topics are checked against, or null to accept any non-blank topic id.</param>
    /// <exception cref="ArgumentNullException"><paramref name="journey"/> is null.</exception>
    public FeedbackSignalValidator(JourneyFramework journey, TopicTaxonomy? taxonomy = null)
    {
        ArgumentNullException.ThrowIfNull(journey);
        RuleFor(s => s.Source).Must(s => s is > FeedbackSource.Unknown and <= FeedbackSource.Other).WithErrorCode(CxErrorCodes.FeedbackSourceInvalid)
            .WithMessage(s => $"Expected a source (CallCenter, Web, Store, Email, Chat, Social, Survey or Other), got {EnumText.Of(s.Source)}.");
        RuleFor(s => s.Kind).Must(k => k is > FeedbackKind.Unknown and <= FeedbackKind.Survey).WithErrorCode(CxErrorCodes.FeedbackKindInvalid)
            .WithMessage(s => $"Expected a kind (Unaided, Complaint or Survey), got {EnumText.Of(s.Kind)}.");
        RuleFor(s => s.StageId).Must(id => id is null || journey.IndexOfStage(id) >= 0).WithErrorCode(CxErrorCodes.FeedbackUnknownStage)
            .WithMessage(s => $"Expected a stage of journey '{journey.Name}', got '{s.StageId}'. Known stages: {string.Join(", ", journey.Stages.Select(st => st.Id))}.");
        RuleFor(s => s.TouchpointId).Must(id => id is null || journey.IndexOfTouchpoint(id) >= 0).WithErrorCode(CxErrorCodes.FeedbackUnknownTouchpoint)
            .WithMessage(s => $"Expected a touchpoint of journey '{journey.Name}', got '{s.TouchpointId}'. Add it to the journey or correct the signal.");
        RuleFor(s => s.TouchpointId)
            .Must((s, id) => id is null || s.StageId is null || journey.IndexOfStage(s.StageId) < 0 || journey.IndexOfTouchpoint(id) < 0
                || string.Equals(journey.GetTouchpoint(id).StageId, s.StageId, StringComparison.Ordinal))
            .WithErrorCode(CxErrorCodes.FeedbackStageMismatch)
            .WithMessage(s => $"Expected touchpoint '{s.TouchpointId}' to belong to stage '{s.StageId}', but it belongs to '{journey.GetTouchpoint(s.TouchpointId!).StageId}'. Give the touchpoint's stage, or no stage.");
        RuleFor(s => s.Topics).NotNull().WithErrorCode(CxErrorCodes.FeedbackTopicInvalid)
            .WithMessage("Expected a list of topics (empty when untagged), got null.");
        RuleFor(s => s.Topics).Must(t => t is null || t.All(id => !string.IsNullOrWhiteSpace(id))).WithErrorCode(CxErrorCodes.FeedbackTopicInvalid)
            .WithMessage("Expected topic ids, got a blank one. Leave the list empty for an untagged signal.");
        RuleFor(s => s.Topics).Must(t => t is null || t.Distinct(StringComparer.Ordinal).Count() == t.Count).WithErrorCode(CxErrorCodes.FeedbackTopicInvalid)
            .WithMessage(s => $"Expected each topic once, got [{string.Join(", ", s.Topics)}].");
        if (taxonomy is not null)
        {
            RuleFor(s => s.Topics).Must(t => t is null || t.All(id => string.IsNullOrWhiteSpace(id) || taxonomy.IndexOf(id) >= 0)).WithErrorCode(CxErrorCodes.FeedbackTopicInvalid)
                .WithMessage(s => $"Expected topics of the taxonomy, got '{string.Join("', '", s.Topics.Where(id => !string.IsNullOrWhiteSpace(id) && taxonomy.IndexOf(id) < 0))}'. Add the topic to the taxonomy or correct the signal.");
        }

        RuleFor(s => s.Sentiment).Must(v => v is null || (double.IsFinite(v.Value) && v.Value >= -1 && v.Value <= 1)).WithErrorCode(CxErrorCodes.FeedbackSentimentInvalid)
            .WithMessage(s => $"Expected a sentiment from -1 to 1, or none, got {s.Sentiment?.ToString(CultureInfo.InvariantCulture)}.");
        RuleFor(s => s.Survey).Must((s, a) => (s.Kind == FeedbackKind.Survey) == (a.Instrument != SurveyInstrument.None)).WithErrorCode(CxErrorCodes.FeedbackSurveyMismatch)
            .WithMessage(s => s.Kind == FeedbackKind.Survey
                ? "Expected a survey answer (NPS, CSAT or CES score) on a survey signal, got none."
                : $"Expected no survey answer on a {s.Kind.ToString().ToLowerInvariant()} signal, got {s.Survey}. Make it a Survey signal, or record the score separately.");
        RuleFor(s => s.Survey).Must(a => a.Instrument == SurveyInstrument.None || a.IsValid).WithErrorCode(CxErrorCodes.FeedbackScoreInvalid)
            .WithMessage(s => ScoreMessage(s.Survey));
        RuleFor(s => s.Customer).Must(c => c is null || !c.Value.IsEmpty).WithErrorCode(CxErrorCodes.CustomerIdEmpty)
            .WithMessage(RecordRules.CustomerMessage);
    }

    private static string ScoreMessage(SurveyAnswer answer) => answer.Instrument switch
    {
        SurveyInstrument.Nps => string.Create(CultureInfo.InvariantCulture, $"Expected an NPS score from 0 to 10, got {answer.Score}."),
        SurveyInstrument.Ces => string.Create(CultureInfo.InvariantCulture, $"Expected a CES score from 1 to 7, got {answer.Score}."),
        SurveyInstrument.Csat when answer.ScaleMax <= answer.ScaleMin || (long)answer.ScaleMax - answer.ScaleMin >= SurveyAnswer.MaxScalePoints =>
            string.Create(CultureInfo.InvariantCulture, $"Expected a CSAT scale of 2 to {SurveyAnswer.MaxScalePoints} points, got {answer.ScaleMin}-{answer.ScaleMax}."),
        SurveyInstrument.Csat => string.Create(CultureInfo.InvariantCulture, $"Expected a CSAT score on its scale {answer.ScaleMin}-{answer.ScaleMax}, got {answer.Score}."),
        _ => $"Expected an NPS, CSAT or CES answer, got instrument {answer.Instrument}.",
    };
}
