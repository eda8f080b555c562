namespace Cx.Domain.Listening;

/// <summary>A compiled keyword: its folded words and whether the last word is a prefix (written with a trailing <c>*</c>).</summary>
internal readonly struct KeywordPattern
{
    private KeywordPattern(string[] words, bool lastIsPrefix)
    {
        Words = words;
        LastIsPrefix = lastIsPrefix;
        Key = string.Join(' ', words) + (lastIsPrefix ? "*" : string.Empty);
    }

    public string[] Words { get; }

    public bool LastIsPrefix { get; }

    /// <summary>The folded form, for detecting repeats.</summary>
    public string Key { get; }

    public static bool TryParse(string? keyword, out KeywordPattern pattern)
    {
        pattern = default;
        if (string.IsNullOrWhiteSpace(keyword))
        {
            return false;
        }

        string trimmed = keyword.Trim();
        bool prefix = trimmed.EndsWith('*');
        List<string> words = TextFolding.Words(prefix ? trimmed.TrimEnd('*') : trimmed);
        if (words.Count == 0)
        {
            return false;
        }

        pattern = new KeywordPattern([.. words], prefix);
        return true;
    }

    /// <summary>Whether the pattern matches the words starting at <paramref name="start"/>.</summary>
    public bool MatchesAt(List<string> text, int start)
    {
        if (start + Words.Length > text.Count)
        {
            return false;
        }

        int last = Words.Length - 1;
        for (int i = 0; i < last; i++)
        {
            if (!string.Equals(text[start + i], Words[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        string word = text[start + last];
        return LastIsPrefix ? word.StartsWith(Words[last], StringComparison.Ordinal) : string.Equals(word, Words[last], StringComparison.Ordinal);
    }
}
