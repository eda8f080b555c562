using System.Collections.Immutable;
using Cx.Domain.Internal;
using Cx.Domain.Validation;

namespace Cx.Domain.Listening;

/// <summary>Tags verbatims with the topics of a taxonomy whose keywords they contain: deterministic, case- and
/// accent-insensitive whole-word and phrase matching, no machine learning.</summary>
/// <remarks>
/// <para>A verbatim is folded (accents and case removed, ß → ss...) and split into words (runs of letters and digits); a
/// topic is assigned when any of its keywords occurs as whole words in order (see <see cref="TaxonomyTopic"/>). A verbatim
/// gets every matching topic, listed in taxonomy order; the same text always gets the same topics. Negation is not
/// attempted: "no delay at all" matches <c>delay*</c>. A verbatim that matches nothing stays untagged, and is counted as
/// untagged by the calculators, never dropped.</para>
/// <para>Immutable and thread-safe; build one per taxonomy and reuse it.</para>
/// </remarks>
public sealed class TopicTagger
{
    private readonly TopicTaxonomy _taxonomy;
    private readonly Dictionary<string, List<(KeywordPattern Pattern, int Topic)>> _byFirstWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _byPrefix = new(StringComparer.Ordinal);
    private readonly int _longestPrefix;

    /// <summary>Initializes a tagger for a taxonomy.</summary>
    /// <param name="taxonomy">The taxonomy.</param>
    /// <exception cref="ArgumentNullException"><paramref name="taxonomy"/> is null.</exception>
    public TopicTagger(TopicTaxonomy taxonomy)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        _taxonomy = taxonomy;
        for (int t = 0; t < taxonomy.Count; t++)
        {
            foreach (string keyword in taxonomy.Topics[t].Keywords)
            {
                if (!KeywordPattern.TryParse(keyword, out KeywordPattern pattern))
                {
                    continue; // rejected by TopicTaxonomy.Create; an ad-hoc taxonomy has no keywords
                }

                if (pattern.Words.Length == 1 && pattern.LastIsPrefix)
                {
                    Add(_byPrefix, pattern.Words[0], t);
                    _longestPrefix = Math.Max(_longestPrefix, pattern.Words[0].Length);
                }
                else
                {
                    if (!_byFirstWord.TryGetValue(pattern.Words[0], out List<(KeywordPattern, int)>? list))
                    {
                        _byFirstWord[pattern.Words[0]] = list = [];
                    }

                    list.Add((pattern, t));
                }
            }
        }
    }

    /// <summary>Gets the taxonomy.</summary>
    public TopicTaxonomy Taxonomy => _taxonomy;

    /// <summary>Returns the ids of the topics a text is about, in taxonomy order; empty when none matches.</summary>
    /// <param name="text">The verbatim, or null.</param>
    /// <returns>The topic ids.</returns>
    public IReadOnlyList<string> Tag(string? text)
    {
        List<string> words = TextFolding.Words(text);
        if (words.Count == 0 || _taxonomy.Count == 0)
        {
            return [];
        }

        var matched = new bool[_taxonomy.Count];
        for (int i = 0; i < words.Count; i++)
        {
            string word = words[i];
            if (_byFirstWord.TryGetValue(word, out List<(KeywordPattern Pattern, int Topic)>? candidates))
            {
                foreach ((KeywordPattern pattern, int topic) in candidates)
                {
                    matched[topic] |= !matched[topic] && pattern.MatchesAt(words, i);
                }
            }

            for (int length = Math.Min(word.Length, _longestPrefix); length > 0 && _byPrefix.Count > 0; length--)
            {
                if (_byPrefix.TryGetValue(word[..length], out List<int>? topics))
                {
                    foreach (int topic in topics)
                    {
                        matched[topic] = true;
                    }
                }
            }
        }

        var ids = ImmutableArray.CreateBuilder<string>();
        for (int t = 0; t < matched.Length; t++)
        {
            if (matched[t])
            {
                ids.Add(_taxonomy.Topics[t].Id);
            }
        }

        return ids.ToImmutable();
    }

    /// <summary>Tags a signal that arrived without topics from its verbatim; a signal that has topics, or no text, is
    /// returned as it is.</summary>
    /// <param name="signal">The signal.</param>
    /// <returns>The signal with the matched topics (possibly none).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="signal"/> is null.</exception>
    public FeedbackSignal Tag(FeedbackSignal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        if (signal.Topics is { Count: > 0 } || string.IsNullOrWhiteSpace(signal.Text))
        {
            return signal;
        }

        IReadOnlyList<string> topics = Tag(signal.Text);
        return topics.Count == 0 ? signal : signal with { Topics = topics };
    }

    /// <summary>Tags every signal that arrived without topics, and counts what happened.</summary>
    /// <param name="signals">The signals, in any order; the order is kept.</param>
    /// <returns>The signals (tagged where a keyword matched) and the counts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="signals"/> is null.</exception>
    /// <exception cref="CxValidationException">A signal is null (CX0117); every such position is listed.</exception>
    public TaggedFeedback TagAll(IEnumerable<FeedbackSignal> signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        var result = ImmutableArray.CreateBuilder<FeedbackSignal>();
        long arrivedTagged = 0;
        long tagged = 0;
        long unmatched = 0;
        long noText = 0;
        var failures = new FailureCollector();
        long position = -1;
        foreach (FeedbackSignal signal in signals)
        {
            position++;
            if (signal is null)
            {
                // Counted in none of the four counts, so refused: the counts always add up to the signals.
                failures.Add(position, null, "signal", CxErrorCodes.RecordNull, "Expected a feedback signal, got null.");
                continue;
            }

            if (signal.Topics is { Count: > 0 })
            {
                arrivedTagged++;
                result.Add(signal);
                continue;
            }

            if (string.IsNullOrWhiteSpace(signal.Text))
            {
                noText++;
                result.Add(signal);
                continue;
            }

            FeedbackSignal done = Tag(signal);
            if (done.Topics.Count > 0)
            {
                tagged++;
            }
            else
            {
                unmatched++;
            }

            result.Add(done);
        }

        failures.ThrowIfAny("feedback signals");
        return new TaggedFeedback(result.ToImmutable(), arrivedTagged, tagged, unmatched, noText);
    }

    private static void Add(Dictionary<string, List<int>> map, string key, int topic)
    {
        if (!map.TryGetValue(key, out List<int>? list))
        {
            map[key] = list = [];
        }

        if (!list.Contains(topic))
        {
            list.Add(topic);
        }
    }
}
