namespace Cx.Domain.IO.Internal;

/// <summary>Small text helpers for messages.</summary>
internal static class Text
{
    /// <summary>Shortens a value quoted in a message to 40 characters.</summary>
    public static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "...");

    /// <summary>Shows a delimiter in a message: <c>\t</c> for a tab.</summary>
    public static string Printable(char separator) => separator == '\t' ? "\\t" : separator.ToString();
}
