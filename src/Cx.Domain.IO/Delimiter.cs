using System.Diagnostics.CodeAnalysis;

namespace Cx.Domain.IO;

/// <summary>What separates the fields of a text file: one character (comma, semicolon, tab, pipe...) or runs of white
/// space (spaces and tabs, as in fixed-width-looking exports such as CDNOW_master.txt).</summary>
/// <remarks>
/// <para>With a character, every occurrence outside double quotes separates two fields, so <c>a,,b</c> has three fields
/// and a trailing separator adds an empty one. With <see cref="Whitespace"/>, a run of spaces and tabs separates two
/// fields, and white space at the start and end of a line is ignored. Double quotes enclose fields in both modes.</para>
/// <para><c>default(Delimiter)</c> is <see cref="Comma"/>. Equality compares the kind and the character.</para>
/// </remarks>
public readonly struct Delimiter : IEquatable<Delimiter>
{
    private readonly char _char;
    private readonly bool _whitespace;

    private Delimiter(char c, bool whitespace)
    {
        _char = c;
        _whitespace = whitespace;
    }

    /// <summary>Gets the comma, the default.</summary>
    public static Delimiter Comma => default;

    /// <summary>Gets the semicolon (common where the comma is the decimal separator).</summary>
    public static Delimiter Semicolon => new(';', false);

    /// <summary>Gets the tab.</summary>
    public static Delimiter Tab => new('\t', false);

    /// <summary>Gets runs of spaces and tabs.</summary>
    public static Delimiter Whitespace => new(' ', true);

    /// <summary>Gets a value indicating whether runs of white space separate fields.</summary>
    public bool IsWhitespace => _whitespace;

    /// <summary>Gets the separating character (a space for <see cref="Whitespace"/>).</summary>
    public char Character => _whitespace ? ' ' : _char == '\0' ? ',' : _char;

    /// <summary>Creates a one-character delimiter.</summary>
    /// <param name="c">A printable ASCII character other than a double quote, or a tab.</param>
    /// <returns>The delimiter.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="c"/> is not ASCII, is a double quote, a line break or
    /// another control character than tab.</exception>
    public static Delimiter Of(char c)
    {
        if (!IsValidChar(c))
        {
            throw new ArgumentOutOfRangeException(nameof(c), c, "Expected a printable ASCII character other than a double quote, or a tab, as the delimiter.");
        }

        return c == ',' ? Comma : new Delimiter(c, false);
    }

    /// <summary>Parses a delimiter as people write it: <c>comma</c>, <c>semicolon</c>, <c>tab</c>, <c>pipe</c>,
    /// <c>whitespace</c> (also <c>space</c> and <c>spaces</c>), <c>\t</c>, or one character such as <c>;</c>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="delimiter">The delimiter, or <see cref="Comma"/> when the text is not one.</param>
    /// <returns><see langword="true"/> when the text names a delimiter.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out Delimiter delimiter)
    {
        delimiter = Comma;
        switch (text?.ToUpperInvariant())
        {
            case null:
                return false;
            case "COMMA":
                return true;
            case "SEMICOLON":
                delimiter = Semicolon;
                return true;
            case "TAB" or "\\T" or "\t":
                delimiter = Tab;
                return true;
            case "PIPE":
                delimiter = new Delimiter('|', false);
                return true;
            case "WHITESPACE" or "SPACE" or "SPACES":
                delimiter = Whitespace;
                return true;
        }

        if (text.Length == 1 && IsValidChar(text[0]) && text[0] != ' ')
        {
            delimiter = Of(text[0]);
            return true;
        }

        return false;
    }

    /// <inheritdoc/>
    public bool Equals(Delimiter other) => _whitespace == other._whitespace && Character == other.Character;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Delimiter other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_whitespace, Character);

    /// <summary>Returns the delimiter as people name it.</summary>
    /// <returns><c>comma</c>, <c>semicolon</c>, <c>tab</c>, <c>whitespace</c> or the character in quotes, such as <c>'|'</c>.</returns>
    public override string ToString() => _whitespace ? "whitespace" : Character switch
    {
        ',' => "comma",
        ';' => "semicolon",
        '\t' => "tab",
        char c => $"'{c}'",
    };

    /// <summary>Tests two delimiters for equality.</summary>
    /// <param name="left">The first delimiter.</param>
    /// <param name="right">The second delimiter.</param>
    /// <returns><see langword="true"/> when they are the same.</returns>
    public static bool operator ==(Delimiter left, Delimiter right) => left.Equals(right);

    /// <summary>Tests two delimiters for inequality.</summary>
    /// <param name="left">The first delimiter.</param>
    /// <param name="right">The second delimiter.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(Delimiter left, Delimiter right) => !left.Equals(right);

    private static bool IsValidChar(char c) => c == '\t' || (c is >= ' ' and <= '~' && c != '"');
}
