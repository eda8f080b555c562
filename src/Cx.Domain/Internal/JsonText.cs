using System.Globalization;
using System.Text;

namespace Cx.Domain.Internal;

/// <summary>What the JSON readers check before System.Text.Json sees a document: text that is not valid UTF-16 (a lone
/// surrogate) or a stream that is not valid UTF-8 gets a clear "malformed" message with its position, never a transcoding
/// exception and never a silent U+FFFD.</summary>
internal static class JsonText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Describes the first lone surrogate of <paramref name="text"/> ("line 3, position 7: ..."), or null when the
    /// text is valid UTF-16.</summary>
    public static string? InvalidUtf16(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                int line = 1;
                int lineStart = 0;
                for (int k = 0; k < i; k++)
                {
                    if (text[k] == '\n')
                    {
                        line++;
                        lineStart = k + 1;
                    }
                }

                return string.Create(CultureInfo.InvariantCulture, $"line {line}, position {i - lineStart + 1}: an unpaired surrogate character U+{(int)c:X4}, which is not text; the document is not valid UTF-16. Check how the text was decoded.");
            }
        }

        return null;
    }

    /// <summary>Reads a stream as UTF-8 (a byte order mark of UTF-8, UTF-16 or UTF-32 selects that encoding), or describes
    /// where it is not valid.</summary>
    public static bool TryRead(Stream stream, out string text, out string? problem)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        byte[] bytes = buffer.ToArray();
        Encoding encoding = StrictUtf8;
        int skip = 0;
        if (bytes is [0xEF, 0xBB, 0xBF, ..])
        {
            skip = 3;
        }
        else if (bytes is [0xFF, 0xFE, 0x00, 0x00, ..])
        {
            encoding = new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true);
            skip = 4;
        }
        else if (bytes is [0xFF, 0xFE, ..])
        {
            encoding = new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
            skip = 2;
        }
        else if (bytes is [0xFE, 0xFF, ..])
        {
            encoding = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);
            skip = 2;
        }

        try
        {
            text = encoding.GetString(bytes, skip, bytes.Length - skip);
            problem = null;
            return true;
        }
        catch (DecoderFallbackException e)
        {
            text = string.Empty;
            problem = string.Create(CultureInfo.InvariantCulture, $"byte {skip + Math.Max(0, e.Index) + 1}: the stream is not valid {encoding.WebName} (bytes {Convert.ToHexString(e.BytesUnknown ?? [])}). Save the document as UTF-8.");
            return false;
        }
    }
}
