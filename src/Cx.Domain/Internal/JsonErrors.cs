using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Cx.Domain.Internal;

/// <summary>One wording for a JSON document that cannot be read, shared by the journey, standards, taxonomy and policy
/// readers.</summary>
internal static partial class JsonErrors
{
    /// <summary>Describes a <see cref="JsonException"/>: <c>Malformed JSON at line 3, position 9 (at $.topics[0]): ...</c>,
    /// with the reader's message stripped of its own path and position, and its .NET wording (type and member names of
    /// the reader's own classes, which mean nothing to the document's author) put in the document's terms.</summary>
    public static string Describe(JsonException e)
    {
        string where = e.LineNumber is { } line
            ? string.Create(CultureInfo.InvariantCulture, $"line {line + 1}, position {(e.BytePositionInLine ?? 0) + 1}")
            : "unknown position";
        string what = Plain(e.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].Trim());
        return $"Malformed JSON at {where}{(string.IsNullOrEmpty(e.Path) ? string.Empty : " (at " + e.Path + ")")}: {what}";
    }

    /// <summary>System.Text.Json's messages that name .NET types, in the document's terms; others as they are.</summary>
    internal static string Plain(string message)
    {
        if (UnknownProperty().Match(message) is { Success: true } unknown)
        {
            return $"'{unknown.Groups[1].Value}' is not a field of this object. Check its spelling and where it is nested.";
        }

        if (NotConvertible().Match(message) is { Success: true } value)
        {
            return $"Expected {Kind(value.Groups[1].Value)} here.";
        }

        if (MissingRequired().Match(message) is { Success: true } missing)
        {
            return $"Missing the required field {missing.Groups[1].Value}.";
        }

        return message;
    }

    /// <summary>What a value of a .NET type is called in a JSON document (a nullable type as its value type).</summary>
    private static string Kind(string type)
    {
        bool Has(string name) => type.Contains(name, StringComparison.Ordinal);
        return Has("[]") || Has("List`1") || Has("IReadOnlyList`1") || Has("ImmutableArray`1") || Has("IEnumerable`1") ? "a list ([...])"
            : Has("System.Double") || Has("System.Single") || Has("System.Decimal") ? "a number"
            : Has("System.Int") || Has("System.UInt") || Has("System.Byte") ? "a whole number"
            : Has("System.Boolean") ? "true or false"
            : Has("System.String") ? "a string (in double quotes)"
            : "an object ({...})";
    }

    [GeneratedRegex(@"^The JSON property '(.*)' could not be mapped to any \.NET member contained in type '[^']*'\.$", RegexOptions.Singleline)]
    private static partial Regex UnknownProperty();

    [GeneratedRegex(@"^The JSON value could not be converted to (.+?)\.$", RegexOptions.Singleline)]
    private static partial Regex NotConvertible();

    [GeneratedRegex(@"^JSON deserialization for type '[^']*' was missing required properties,? including:? (.+?)\.?$", RegexOptions.Singleline)]
    private static partial Regex MissingRequired();
}
