namespace Cx.Domain.IO;

/// <summary>The character encoding of a text file.</summary>
/// <remarks>UTF-8 is the default; invalid UTF-8 is an error naming its line (never replaced silently, which would merge
/// <c>Café</c> and <c>Cafè</c> written in Latin-1 into one customer). A file that starts with a UTF-16 byte order mark
/// is read as UTF-16 whatever is chosen; a UTF-8 byte order mark is skipped.</remarks>
public enum InputEncoding
{
    /// <summary>Not set: means <see cref="Utf8"/>.</summary>
    Unknown = 0,

    /// <summary>UTF-8, with or without a byte order mark; invalid bytes are errors.</summary>
    Utf8 = 1,

    /// <summary>ISO-8859-1: every byte is the character of that code (U+0000 to U+00FF).</summary>
    Latin1 = 2,

    /// <summary>Windows-1252 (Western European): Latin-1 with printable characters such as € and ’ in 0x80 to 0x9F.</summary>
    Windows1252 = 3,

    /// <summary>UTF-16, little-endian unless a byte order mark says big-endian.</summary>
    Utf16 = 4,
}
