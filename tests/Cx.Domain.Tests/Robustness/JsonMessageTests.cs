using Cx.Domain.Journey;
using Cx.Domain.Listening;
using Cx.Domain.Reliability;
using Cx.Domain.Validation;

namespace Cx.Domain.Tests.Robustness;

/// <summary>A JSON document that cannot be read is described in the document's terms: where, which field and what was
/// expected, never the reader's .NET type or member names (found by the CLI fuzz run of issue 13: a mutated standards file
/// was told "could not be mapped to any .NET member contained in type 'Cx.Domain.Reliability.StandardDocument'").</summary>
public sealed class JsonMessageTests
{
    public static TheoryData<string, Func<string, object>, string, string> Documents => new()
    {
        { "standards, an unknown field", json => ReliabilityStandardJson.Parse(json), """{"standards": [{"id": "s", "0001-01-01T00:00:00Z": 1}]}""", "'0001-01-01T00:00:00Z' is not a field of this object. Check its spelling and where it is nested." },
        { "journey, a number for a string", json => JourneyJson.Parse(json), """{"name": "j", "stages": [{"id": 5}]}""", "(at $.stages[0].id): Expected a string (in double quotes) here." },
        { "taxonomy, a misspelt field", json => TopicTaxonomyJson.Parse(json), """{"topics": [{"id": "t", "keyword": ["x"]}]}""", "'keyword' is not a field of this object." },
        { "policy, a number for a list", json => EarlyWarningPolicyJson.Parse(json), """{"burnRate": {"rules": [5]}}""", "burnRate.rules[0]: Expected a rule {" },
        { "policy, a string for a number", json => EarlyWarningPolicyJson.Parse(json), """{"bernoulliCusum": {"designShareFactor": "four"}}""", "Expected a number here." },
        { "policy, an object for true or false", json => EarlyWarningPolicyJson.Parse(json), """{"valueDrift": {"logTransform": {}}}""", "Expected true or false here." },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void MalformedDocument_IsDescribedInTheDocumentsTerms(string what, Func<string, object> parse, string json, string expected)
    {
        var error = Assert.Throws<CxValidationException>(() => parse(json));

        Assert.True(error.Message.Contains(expected, StringComparison.Ordinal), $"{what}: {error.Message}");
        Assert.DoesNotContain(".NET", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Document'", error.Message, StringComparison.Ordinal);
    }
}
