using System.Collections.Immutable;

namespace Cx.Domain.Listening;

/// <summary>One topic of a taxonomy: its id and name, the keywords and phrases that tag a verbatim with it, and the journey
/// stages it hints at.</summary>
/// <remarks>
/// <para>A keyword is one or more words matched as whole words, in order, ignoring case and accents (<c>"loan decision"</c>
/// matches "Loan   décision!" but not "loan decisions"); a <c>*</c> at the end of its last word matches any word that starts
/// with it (<c>"delay*"</c> matches "delay", "delays", "delayed"). A topic without keywords is never assigned by the tagger,
/// only by the source of the signal. Validated by <see cref="TopicTaxonomy.Create"/>. Immutable.</para>
/// </remarks>
public sealed class TaxonomyTopic
{
    /// <summary>Initializes a topic.</summary>
    /// <param name="id">A short stable id, such as <c>financing-delay</c>.</param>
    /// <param name="name">The display name, such as <c>Financing delays</c>.</param>
    /// <param name="keywords">The keywords and phrases; none for a topic assigned only by the source.</param>
    /// <param name="stageHints">The ids of the stages the topic is usually about; a signal with no stage and no touchpoint
    /// gets the first hint of its first topic that has one.</param>
    public TaxonomyTopic(string id, string name, IEnumerable<string>? keywords = null, IEnumerable<string>? stageHints = null)
    {
        Id = id;
        Name = name;
        Keywords = keywords is null ? [] : keywords.ToImmutableArray();
        StageHints = stageHints is null ? [] : stageHints.ToImmutableArray();
    }

    /// <summary>Gets the topic's id.</summary>
    public string Id { get; }

    /// <summary>Gets the display name.</summary>
    public string Name { get; }

    /// <summary>Gets the keywords and phrases, as given.</summary>
    public IReadOnlyList<string> Keywords { get; }

    /// <summary>Gets the ids of the stages the topic hints at, in order of preference.</summary>
    public IReadOnlyList<string> StageHints { get; }

    /// <summary>Returns a short description.</summary>
    /// <returns>For example <c>financing-delay (Financing delays), 3 keywords</c>.</returns>
    public override string ToString() => $"{Id} ({Name}), {Keywords.Count} keyword{(Keywords.Count == 1 ? string.Empty : "s")}";
}
