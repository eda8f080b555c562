using System.Globalization;
using System.Text;

namespace Cx.Domain.Listening;

/// <summary>Folds text for matching: Unicode canonical decomposition with the combining marks removed, a few letters that do
/// not decompose spelled out (ß → ss, æ → ae, ø → o...), lower case (invariant), then split into words — maximal runs of
/// letters and digits.</summary>
internal static class TextFolding
{
    /// <summary>The words of a text, folded.</summary>
    public static List<string> Words(string? text)
    {
        var words = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return words;
        }

        string decomposed = text.Normalize(NormalizationForm.FormD);
        var word = new StringBuilder();
        foreach (char c in decomposed)
        {
            UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
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
        switch (char.ToLowerInvariant(c))
        {
            case 'ß':
                word.Append("ss");
                break;
            case 'æ':
                word.Append("ae");
                break;
            case 'œ':
                word.Append("oe");
                break;
            case 'ø':
                word.Append('o');
                break;
            case 'ł':
                word.Append('l');
                break;
            case 'đ':
            case 'ð':
                word.Append('d');
                break;
            case 'þ':
                word.Append("th");
                break;
            case 'ı':
                word.Append('i');
                break;
            case char lower:
                word.Append(lower);
                break;
        }
    }
}
