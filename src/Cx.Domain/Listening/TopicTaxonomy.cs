using System.Collections.Frozen;
using System.Collections.Immutable;
using Cx.Domain.Internal;
using Cx.Domain.Journey;
using Cx.Domain.Validation;

namespace Cx.Domain.Listening;

/// <summary>A user-supplied list of topics with their keywords and stage hints: the vocabulary that feedback is counted by
/// and that <see cref="TopicTagger"/> tags verbatims with.</summary>
/// <remarks>
/// <para>Immutable and validated: create it with <see cref="Create"/> or read it from JSON with <see cref="TopicTaxonomyJson"/>.
/// Topic ids are compared ordinally; the topics keep the order given, which is the order of every topic breakdown.</para>
/// <para>Without a taxonomy, the calculators use the topics the signals carry, ordered ordinally
/// (<see cref="FromIds"/>).</para>
/// </remarks>
public sealed class TopicTaxonomy
{
    private readonly FrozenDictionary<string, int> _index;

    private TopicTaxonomy(ImmutableArray<TaxonomyTopic> topics, bool isAdHoc)
    {
        Topics = topics;
        IsAdHoc = isAdHoc;
        _index = topics.Select((t, i) => (t.Id, i)).ToFrozenDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
    }

    /// <summary>Gets the topics, in the order given.</summary>
    public IReadOnlyList<TaxonomyTopic> Topics { get; }

    /// <summary>Gets a value indicating whether the taxonomy was made from the topic ids that signals carry
    /// (<see cref="FromIds"/>) rather than given by the user.</summary>
    public bool IsAdHoc { get; }

    /// <summary>Gets the number of topics.</summary>
    public int Count => Topics.Count;

    /// <summary>Validates topics and creates the taxonomy.</summary>
    /// <param name="topics">The topics, in the order breakdowns should list them.</param>
    /// <returns>The taxonomy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="topics"/> is null.</exception>
    /// <exception cref="CxValidationException">A topic is null, an id is empty or repeated, a name is empty (CX0711), or a
    /// keyword or stage hint is blank, has no letters or digits, or repeats (CX0712); every failure is listed.</exception>
    public static TopicTaxonomy Create(IEnumerable<TaxonomyTopic> topics)
    {
        ArgumentNullException.ThrowIfNull(topics);
        ImmutableArray<TaxonomyTopic> list = [.. topics];
        var failures = new FailureCollector();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < list.Length; i++)
        {
            TaxonomyTopic? topic = list[i];
            string subject = $"topic #{i}";
            if (topic is null)
            {
                failures.Add(null, subject, "topic", CxErrorCodes.TaxonomyTopicInvalid, "Expected a topic, got null.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(topic.Id))
            {
                failures.Add(null, subject, "Id", CxErrorCodes.TaxonomyTopicInvalid, "Expected a topic id, got an empty one. Give every topic a short stable id such as 'financing-delay'.");
            }
            else
            {
                subject = $"topic '{topic.Id}'";
                if (!seen.Add(topic.Id))
                {
                    failures.Add(null, subject, "Id", CxErrorCodes.TaxonomyTopicInvalid, $"Expected unique topic ids, got '{topic.Id}' twice. Merge the two topics or rename one.");
                }
            }

            if (string.IsNullOrWhiteSpace(topic.Name))
            {
                failures.Add(null, subject, "Name", CxErrorCodes.TaxonomyTopicInvalid, "Expected a display name, got an empty one.");
            }

            var keywords = new HashSet<string>(StringComparer.Ordinal);
            for (int k = 0; k < topic.Keywords.Count; k++)
            {
                string? keyword = topic.Keywords[k];
                if (!KeywordPattern.TryParse(keyword, out KeywordPattern pattern))
                {
                    failures.Add(null, subject, $"Keywords[{k}]", CxErrorCodes.TaxonomyKeywordInvalid,
                        $"Expected a keyword or phrase with letters or digits, got '{keyword}'. Remove it or write the words to match.");
                }
                else if (!keywords.Add(pattern.Key))
                {
                    failures.Add(null, subject, $"Keywords[{k}]", CxErrorCodes.TaxonomyKeywordInvalid,
                        $"Expected each keyword once per topic, got '{keyword}' again (keywords match ignoring case and accents).");
                }
            }

            for (int h = 0; h < topic.StageHints.Count; h++)
            {
                if (string.IsNullOrWhiteSpace(topic.StageHints[h]))
                {
                    failures.Add(null, subject, $"StageHints[{h}]", CxErrorCodes.TaxonomyKeywordInvalid, "Expected a stage id, got an empty one.");
                }
            }
        }

        failures.ThrowIfAny("topic taxonomy");
        return new TopicTaxonomy(list, isAdHoc: false);
    }

    /// <summary>Creates a taxonomy of keyword-less topics from ids (each its own name), ordered ordinally and without repeats:
    /// what the calculators use when no taxonomy is given.</summary>
    /// <param name="ids">The topic ids; blanks are ignored.</param>
    /// <returns>The taxonomy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ids"/> is null.</exception>
    public static TopicTaxonomy FromIds(IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ImmutableArray<TaxonomyTopic> topics = [.. ids.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal).Select(id => new TaxonomyTopic(id, id))];
        return new TopicTaxonomy(topics, isAdHoc: true);
    }

    /// <summary>Returns the position of a topic in <see cref="Topics"/>, or -1.</summary>
    /// <param name="id">The topic id.</param>
    /// <returns>The zero-based index, or -1 when unknown.</returns>
    public int IndexOf(string? id) => id is not null && _index.TryGetValue(id, out int i) ? i : -1;

    /// <summary>Checks the stage hints against a journey framework.</summary>
    /// <param name="journey">The journey.</param>
    /// <exception cref="ArgumentNullException"><paramref name="journey"/> is null.</exception>
    /// <exception cref="CxValidationException">A stage hint is not a stage of the journey (CX0713); every one is listed.</exception>
    public void ValidateStageHints(JourneyFramework journey)
    {
        ArgumentNullException.ThrowIfNull(journey);
        var failures = new FailureCollector();
        foreach (TaxonomyTopic topic in Topics)
        {
            for (int h = 0; h < topic.StageHints.Count; h++)
            {
                if (journey.IndexOfStage(topic.StageHints[h]) < 0)
                {
                    failures.Add(null, $"topic '{topic.Id}'", $"StageHints[{h}]", CxErrorCodes.TaxonomyUnknownStage,
                        $"Expected a stage of journey '{journey.Name}', got '{topic.StageHints[h]}'. Known stages: {string.Join(", ", journey.Stages.Select(s => s.Id))}.");
                }
            }
        }

        failures.ThrowIfAny("topic taxonomy");
    }

    /// <summary>Returns a short description.</summary>
    /// <returns>For example <c>topic taxonomy: 8 topics</c>.</returns>
    public override string ToString() => $"topic taxonomy: {Count} topic{(Count == 1 ? string.Empty : "s")}";
}
