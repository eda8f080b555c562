using System.Globalization;
using System.Text.Json;

namespace Cx.Domain.Internal;

/// <summary>One wording for a JSON document that cannot be read, shared by the journey, standards and taxonomy readers.</summary>
internal static class JsonErrors
{
    /// <summary>Describes a <see cref="JsonException"/>: <c>Malformed JSON at line 3, position 9 (at $.topics[0]): ...</c>,
    /// with the reader's message stripped of its own path and position.</summary>
    public static string Describe(JsonException e)
    {
        string where = e.LineNumber is { } line
            ? string.Create(CultureInfo.InvariantCulture, $"line {line + 1}, position {(e.BytePositionInLine ?? 0) + 1}")
            : "unknown position";
        string what = e.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].Trim();
        return $"Malformed JSON at {where}{(string.IsNullOrEmpty(e.Path) ? string.Empty : " (at " + e.Path + ")")}: {what}";
    }
}
