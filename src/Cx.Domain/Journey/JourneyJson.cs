using System.Text.Json;
using System.Text.Json.Serialization;
using Cx.Domain.Internal;
using Cx.Domain.Validation;

namespace Cx.Domain.Journey;

/// <summary>Reads and writes journey frameworks as JSON (System.Text.Json, source-generated, no reflection).</summary>
/// <remarks>
/// The document: <c>{"name": "...", "stages": [{"id", "name", "position", "description"}], "touchpoints": [{"id", "name",
/// "stage", "category", "owner", "momentOfTruth", "description"}]}</c>, with categories spelled
/// <c>managingCustomersAtRisk</c>, <c>respondingToCustomerNeeds</c>, <c>increasingTheBond</c>, <c>earningTheRightToGrowth</c>.
/// A malformed document gives a <see cref="CxValidationException"/> (CX0410) naming the line, the position and what is
/// wrong; a well-formed but invalid framework gives the failures of <see cref="JourneyFrameworkValidator"/>.
/// </remarks>
public static class JourneyJson
{
    /// <summary>Parses a framework from JSON text.</summary>
    /// <param name="json">The document.</param>
    /// <returns>The validated framework.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="CxValidationException">The document is malformed (CX0410, with line and position) or the framework is invalid.</exception>
    public static JourneyFramework Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (JsonText.InvalidUtf16(json) is { } invalid)
        {
            throw Malformed(invalid);
        }

        JourneyDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json, JourneyJsonContext.Default.JourneyDocument);
        }
        catch (JsonException e)
        {
            throw Malformed(e);
        }

        if (document is null)
        {
            throw Malformed("the document is 'null'; expected an object with name, stages and touchpoints.");
        }

        var failures = new FailureCollector();
        var touchpoints = new List<Touchpoint>();
        List<TouchpointDocument?> touchpointDocuments = document.Touchpoints ?? [];
        for (int i = 0; i < touchpointDocuments.Count; i++)
        {
            TouchpointDocument? t = touchpointDocuments[i];
            if (t is null)
            {
                failures.Add(null, "journey document", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"touchpoints[{i}]"), CxErrorCodes.JourneyJsonMalformed, "Expected a touchpoint object, got null.");
                continue;
            }

            TouchpointCategory category = ParseCategory(t.Category);
            if (category == TouchpointCategory.Unknown)
            {
                failures.Add(null, "journey document", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"touchpoints[{i}].category"), CxErrorCodes.JourneyCategoryInvalid,
                    string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected touchpoint '{t.Id}' to have category managingCustomersAtRisk, respondingToCustomerNeeds, increasingTheBond or earningTheRightToGrowth, got '{t.Category}'."));
            }

            touchpoints.Add(new Touchpoint(t.Id ?? string.Empty, t.Name ?? string.Empty, t.Stage ?? string.Empty, category, t.Owner ?? string.Empty, t.MomentOfTruth, t.Description));
        }

        JourneyStage[] stages = (document.Stages ?? []).Select(s => s is null ? null! : new JourneyStage(s.Id ?? string.Empty, s.Name ?? string.Empty, s.Position, s.Description)).ToArray();
        var definition = new JourneyFrameworkDefinition(document.Name ?? string.Empty, stages, touchpoints);
        if (failures.Any)
        {
            // Report the document's own failures together with the framework's, without repeating the categories.
            foreach (FluentValidation.Results.ValidationFailure f in new JourneyFrameworkValidator().Validate(definition).Errors.Where(f => f.ErrorCode != CxErrorCodes.JourneyCategoryInvalid))
            {
                failures.Add(null, "journey framework", f.PropertyName, f.ErrorCode, f.ErrorMessage);
            }

            failures.ThrowIfAny("journey document");
        }

        return JourneyFramework.Create(definition);
    }

    /// <summary>Reads a framework from a UTF-8 JSON stream.</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <returns>The validated framework.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="CxValidationException">The document is malformed or the framework is invalid.</exception>
    public static JourneyFramework Read(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return JsonText.TryRead(utf8Json, out string json, out string? problem) ? Parse(json) : throw Malformed(problem!);
    }

    /// <summary>Writes a framework as indented JSON; <see cref="Parse"/> reads it back to an equal framework.</summary>
    /// <param name="framework">The framework.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="framework"/> is null.</exception>
    public static string Write(JourneyFramework framework)
    {
        ArgumentNullException.ThrowIfNull(framework);
        var document = new JourneyDocument
        {
            Name = framework.Name,
            Stages = framework.Stages.Select(s => (StageDocument?)new StageDocument { Id = s.Id, Name = s.Name, Position = s.Position, Description = s.Description }).ToList(),
            Touchpoints = framework.Touchpoints.Select(t => (TouchpointDocument?)new TouchpointDocument
            {
                Id = t.Id,
                Name = t.Name,
                Stage = t.StageId,
                Category = CategoryName(t.Category),
                Owner = t.Owner,
                MomentOfTruth = t.IsMomentOfTruth,
                Description = t.Description,
            }).ToList(),
        };
        return JsonSerializer.Serialize(document, JourneyJsonContext.Default.JourneyDocument);
    }

    internal static string CategoryName(TouchpointCategory category) => category switch
    {
        TouchpointCategory.ManagingCustomersAtRisk => "managingCustomersAtRisk",
        TouchpointCategory.RespondingToCustomerNeeds => "respondingToCustomerNeeds",
        TouchpointCategory.IncreasingTheBond => "increasingTheBond",
        TouchpointCategory.EarningTheRightToGrowth => "earningTheRightToGrowth",
        _ => "unknown",
    };

    internal static TouchpointCategory ParseCategory(string? name) => name?.Trim().ToUpperInvariant() switch
    {
        "MANAGINGCUSTOMERSATRISK" => TouchpointCategory.ManagingCustomersAtRisk,
        "RESPONDINGTOCUSTOMERNEEDS" => TouchpointCategory.RespondingToCustomerNeeds,
        "INCREASINGTHEBOND" => TouchpointCategory.IncreasingTheBond,
        "EARNINGTHERIGHTTOGROWTH" => TouchpointCategory.EarningTheRightToGrowth,
        _ => TouchpointCategory.Unknown,
    };

    private static CxValidationException Malformed(JsonException e)
    {
        var failures = new FailureCollector();
        failures.Add(null, "journey document", "document", CxErrorCodes.JourneyJsonMalformed, JsonErrors.Describe(e));
        return failures.ToException("journey document");
    }

    private static CxValidationException Malformed(string message)
    {
        var failures = new FailureCollector();
        failures.Add(null, "journey document", "document", CxErrorCodes.JourneyJsonMalformed, "Malformed JSON at " + message);
        return failures.ToException("journey document");
    }
}

internal sealed class JourneyDocument
{
    public string? Name { get; set; }

    public List<StageDocument?>? Stages { get; set; }

    public List<TouchpointDocument?>? Touchpoints { get; set; }
}

internal sealed class StageDocument
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public int Position { get; set; }

    public string? Description { get; set; }
}

internal sealed class TouchpointDocument
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Stage { get; set; }

    public string? Category { get; set; }

    public string? Owner { get; set; }

    public bool MomentOfTruth { get; set; }

    public string? Description { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JourneyDocument))]
internal sealed partial class JourneyJsonContext : JsonSerializerContext
{
}
