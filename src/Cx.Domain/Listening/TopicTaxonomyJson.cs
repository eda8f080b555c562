using System.Text.Json;
using System.Text.Json.Serialization;
using Cx.Domain.Internal;
using Cx.Domain.Validation;

namespace Cx.Domain.Listening;

/// <summary>Reads and writes topic taxonomies as JSON (System.Text.Json, source-generated, no reflection).</summary>
/// <remarks>
/// <para>The document:</para>
/// <code>
/// {
///   "topics": [
///     { "id": "financing-delay", "name": "Financing delays", "keywords": ["financing", "loan decision", "credit approv*"], "stages": ["purchase"] }
///   ]
/// }
/// </code>
/// <para><c>keywords</c> and <c>stages</c> (stage hints) are optional. Comments and trailing commas are allowed; unknown
/// properties are not (a typo such as <c>"keyword"</c> is reported, not ignored). A malformed document gives a
/// <see cref="CxValidationException"/> (CX0710) naming the line and position; a well-formed but invalid taxonomy gives the
/// failures of <see cref="TopicTaxonomy.Create"/>.</para>
/// </remarks>
public static class TopicTaxonomyJson
{
    /// <summary>Parses a taxonomy from JSON text.</summary>
    /// <param name="json">The document.</param>
    /// <returns>The validated taxonomy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="CxValidationException">The document is malformed (CX0710) or the taxonomy is invalid (CX0711, CX0712).</exception>
    public static TopicTaxonomy Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (JsonText.InvalidUtf16(json) is { } invalid)
        {
            throw Malformed(invalid);
        }

        TaxonomyDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json, TaxonomyJsonContext.Default.TaxonomyDocument);
        }
        catch (JsonException e)
        {
            throw Malformed(JsonErrors.Describe(e));
        }

        if (document?.Topics is null)
        {
            throw Malformed("Expected an object with a \"topics\" array, such as {\"topics\": [{\"id\": \"delivery-delay\", \"name\": \"Delivery delays\", \"keywords\": [\"late delivery\"]}]}, got none.");
        }

        var failures = new FailureCollector();
        var topics = new List<TaxonomyTopic>();
        for (int i = 0; i < document.Topics.Count; i++)
        {
            TopicDocument? t = document.Topics[i];
            if (t is null)
            {
                failures.Add(null, "topic taxonomy document", $"topics[{i}]", CxErrorCodes.TaxonomyJsonMalformed, "Expected a topic object, got null.");
                continue;
            }

            topics.Add(new TaxonomyTopic(t.Id ?? string.Empty, t.Name ?? string.Empty, t.Keywords ?? [], t.Stages ?? []));
        }

        failures.ThrowIfAny("topic taxonomy document");
        return TopicTaxonomy.Create(topics);
    }

    /// <summary>Reads a taxonomy from a UTF-8 JSON stream.</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <returns>The validated taxonomy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="CxValidationException">The document is malformed or the taxonomy is invalid.</exception>
    public static TopicTaxonomy Read(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var reader = new StreamReader(utf8Json, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>Writes a taxonomy as indented JSON; <see cref="Parse"/> reads it back to an equal taxonomy.</summary>
    /// <param name="taxonomy">The taxonomy.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="taxonomy"/> is null.</exception>
    public static string Write(TopicTaxonomy taxonomy)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        var document = new TaxonomyDocument
        {
            Topics = [.. taxonomy.Topics.Select(t => (TopicDocument?)new TopicDocument
            {
                Id = t.Id,
                Name = t.Name,
                Keywords = t.Keywords.Count == 0 ? null : [.. t.Keywords],
                Stages = t.StageHints.Count == 0 ? null : [.. t.StageHints],
            })],
        };
        return JsonSerializer.Serialize(document, TaxonomyJsonContext.Default.TaxonomyDocument);
    }

    private static CxValidationException Malformed(string message)
    {
        var failures = new FailureCollector();
        failures.Add(null, "topic taxonomy document", "document", CxErrorCodes.TaxonomyJsonMalformed, message);
        return failures.ToException("topic taxonomy document");
    }
}

internal sealed class TaxonomyDocument
{
    public List<TopicDocument?>? Topics { get; set; }
}

internal sealed class TopicDocument
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public List<string>? Keywords { get; set; }

    public List<string>? Stages { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TaxonomyDocument))]
internal sealed partial class TaxonomyJsonContext : JsonSerializerContext
{
}
