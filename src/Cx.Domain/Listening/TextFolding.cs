using System.Globalization;
using System.Text;

namespace Cx.Domain.Listening;

/// <summary>Folds text for matching: case and accents removed, then split into words (maximal runs of letters and
/// digits).</summary>
/// <remarks>
/// <para>The folding is this library's own table, not the platform's Unicode normalization, so that it is the same on every
/// machine, with or without ICU (invariant globalization): combining marks are dropped, the Latin letters with diacritics
/// of Latin-1, Latin Extended-A and -B and Latin Extended Additional map to their base letter (é → e, ŝ → s, ệ → e), a few
/// letters are spelled out (ß → ss, æ → ae, œ → oe, þ → th, ø → o, ł → l, đ → d, ı → i), and everything is lower-cased with
/// the invariant culture. Letters of other scripts are kept as they are, lower-cased.</para>
/// </remarks>
internal static class TextFolding
{
    // Base letters of U+00C0..U+024F and U+1E00..U+1EFF; '.' where the letter has none (or is spelled out below).
    private const string LatinFolds =
        ""
        + "aaaaaa.ceeeeiiiidnooooo.ouuuuy..aaaaaa.ceeeeiiiidnooooo.ouuuuy.yaaaaaaccccccccddddeeeeeeeeeegggggggg"
        + "hhhhiiiiiiiiii..jjkkkllllllllllnnnnnnnnnoooooo..rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzsb......."
        + "..........f.............oo.............uu............................aaiioouuuuuuuuuu.aaaa....ggkkoo"
        + "oo..j...gg..nnaa....aaaaeeeeiiiioooorrrruuuusstt..hh......aaeeooooooooyy............................";

    private const string LatinAdditionalFolds =
        ""
        + "aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmmmmmmnnnnnnnnoooooooopppprrrrrrrrssss"
        + "ssssssttttttttuuuuuuuuuuvvvvwwwwwwwwwwxxxxyyzzzzzzhtwy......aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeee"
        + "iiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy......";

    /// <summary>The words of a text, folded.</summary>
    public static List<string> Words(string? text)
    {
        var words = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return words;
        }

        var word = new StringBuilder();
        foreach (char c in text)
        {
            UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue; // a combining accent of an already decomposed letter
            }

            if (char.IsLetterOrDigit(c))
            {
                AppendFolded(word, c);
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    private static void AppendFolded(StringBuilder word, char c)
    {
        if (c < 0x80)
        {
            word.Append(c is >= 'A' and <= 'Z' ? (char)(c + 32) : c);
            return;
        }

        string? spelled = c switch
        {
            'ß' or 'ẞ' => "ss",
            'æ' or 'Æ' => "ae",
            'œ' or 'Œ' => "oe",
            'þ' or 'Þ' => "th",
            'ĳ' or 'Ĳ' => "ij",
            _ => null,
        };
        if (spelled is not null)
        {
            word.Append(spelled);
            return;
        }

        char folded = c switch
        {
            >= '\u00C0' and < '\u0250' => LatinFolds[c - 0xC0],
            >= '\u1E00' and < '\u1F00' => LatinAdditionalFolds[c - 0x1E00],
            _ => '.',
        };
        word.Append(folded != '.' ? folded : char.ToLowerInvariant(c));
    }
}
