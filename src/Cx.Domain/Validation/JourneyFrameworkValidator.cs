using Cx.Domain.Journey;
using FluentValidation;
using FluentValidation.Results;

namespace Cx.Domain.Validation;

/// <summary>Validates a <see cref="JourneyFrameworkDefinition"/>, reporting every failure with its stage or touchpoint.</summary>
/// <remarks>Codes: CX0401 name, CX0402 no stages, CX0403 empty id, CX0404 duplicate id, CX0405 stage positions not
/// 1..n (gap or repeat), CX0406 unknown stage, CX0407 category, CX0408 empty stage or touchpoint name, CX0409 owner.</remarks>
public sealed class JourneyFrameworkValidator : AbstractValidator<JourneyFrameworkDefinition>
{
    /// <summary>Initializes the validator.</summary>
    public JourneyFrameworkValidator()
    {
        RuleFor(d => d.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithErrorCode(CxErrorCodes.JourneyNameEmpty)
            .WithMessage("Expected a name for the journey framework, got an empty one.");
        RuleFor(d => d.Stages).Must(s => s is { Count: > 0 }).WithErrorCode(CxErrorCodes.JourneyNoStages)
            .WithMessage("Expected at least one stage, got none. A journey has stages such as research, purchase, service, renewal.");
        RuleFor(d => d.Touchpoints).NotNull().WithErrorCode(CxErrorCodes.JourneyIdEmpty).WithMessage("Expected a list of touchpoints (it may be empty), got null.");
        RuleFor(d => d).Custom(Check);
    }

    private static void Check(JourneyFrameworkDefinition d, ValidationContext<JourneyFrameworkDefinition> context)
    {
        void Fail(string property, string code, string message) => context.AddFailure(new ValidationFailure(property, message) { ErrorCode = code });

        IReadOnlyList<JourneyStage> stages = d.Stages ?? [];
        IReadOnlyList<Touchpoint> touchpoints = d.Touchpoints ?? [];
        var stageIds = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < stages.Count; i++)
        {
            JourneyStage? s = stages[i];
            string at = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Stages[{i}]");
            if (s is null)
            {
                Fail(at, CxErrorCodes.JourneyIdEmpty, "Expected a stage, got null.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(s.Id))
            {
                Fail(at + ".Id", CxErrorCodes.JourneyIdEmpty, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected an id for stage #{i} ('{s.Name}'), got an empty one."));
            }
            else if (!stageIds.Add(s.Id))
            {
                Fail(at + ".Id", CxErrorCodes.JourneyDuplicateId, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected unique stage ids, but '{s.Id}' appears more than once."));
            }

            if (string.IsNullOrWhiteSpace(s.Name))
            {
                Fail(at + ".Name", CxErrorCodes.JourneyNameMissing, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected a name for stage '{s.Id}', got an empty one."));
            }
        }

        int[] positions = stages.Where(s => s is not null).Select(s => s.Position).Order().ToArray();
        for (int k = 0; k < positions.Length; k++)
        {
            if (positions[k] != k + 1)
            {
                Fail("Stages", CxErrorCodes.JourneyStageOrderInvalid,
                    string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected stage positions 1 to {positions.Length}, each once, got {string.Join(", ", positions.Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture)))}: a gap or a repeat leaves the journey order undefined. Number the stages 1, 2, 3... along the journey."));
                break;
            }
        }

        var touchpointIds = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < touchpoints.Count; i++)
        {
            Touchpoint? t = touchpoints[i];
            string at = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Touchpoints[{i}]");
            if (t is null)
            {
                Fail(at, CxErrorCodes.JourneyIdEmpty, "Expected a touchpoint, got null.");
                continue;
            }

            string name = string.IsNullOrWhiteSpace(t.Id) ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"#{i}") : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"'{t.Id}'");
            if (string.IsNullOrWhiteSpace(t.Id))
            {
                Fail(at + ".Id", CxErrorCodes.JourneyIdEmpty, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected an id for touchpoint #{i} ('{t.Name}'), got an empty one."));
            }
            else if (!touchpointIds.Add(t.Id))
            {
                Fail(at + ".Id", CxErrorCodes.JourneyDuplicateId, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected unique touchpoint ids, but '{t.Id}' appears more than once."));
            }

            if (string.IsNullOrWhiteSpace(t.Name))
            {
                Fail(at + ".Name", CxErrorCodes.JourneyNameMissing, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected a name for touchpoint {name}, got an empty one."));
            }

            if (t.StageId is null || !stageIds.Contains(t.StageId))
            {
                Fail(at + ".StageId", CxErrorCodes.JourneyUnknownStage,
                    string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected touchpoint {name} to belong to a stage of the framework ({string.Join(", ", stageIds)}), got '{t.StageId}'."));
            }

            if (t.Category is not (TouchpointCategory.ManagingCustomersAtRisk or TouchpointCategory.RespondingToCustomerNeeds or TouchpointCategory.IncreasingTheBond or TouchpointCategory.EarningTheRightToGrowth))
            {
                Fail(at + ".Category", CxErrorCodes.JourneyCategoryInvalid,
                    string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected touchpoint {name} to have one of the four categories (ManagingCustomersAtRisk, RespondingToCustomerNeeds, IncreasingTheBond, EarningTheRightToGrowth), got {Internal.EnumText.Of(t.Category)}."));
            }

            if (string.IsNullOrWhiteSpace(t.Owner))
            {
                Fail(at + ".Owner", CxErrorCodes.JourneyOwnerMissing, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected an accountable owner (a team or silo) for touchpoint {name}, got none. Every moment needs someone who answers for it."));
            }
        }
    }
}
