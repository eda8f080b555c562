using Cx.Domain.Internal;
using Cx.Domain.Primitives;
using Cx.Domain.Validation;

namespace Cx.Domain.Listening;

/// <summary>The counts of a part of the feedback (a partition of customers, of time, of files): partials of disjoint parts
/// merge into the counts of the whole, from which <see cref="ListeningCalculator.Report"/> builds exactly the report of the
/// whole.</summary>
/// <remarks>
/// <para>Immutable; <see cref="Merge(ListeningPartial)"/> returns a new partial. Merging is associative and commutative. Partials merge when
/// they share the grid, the journey's stages and touchpoints, the time zone and the taxonomy; partials counted without a
/// taxonomy (topics taken from the signals) merge onto the union of their topics, ordered ordinally — what counting the
/// whole without a taxonomy gives.</para>
/// </remarks>
public sealed class ListeningPartial
{
    internal ListeningPartial(ListeningCounts counts)
    {
        Counts = counts;
    }

    /// <summary>Gets the period grid.</summary>
    public PeriodGrid Grid => Counts.Layout.Grid;

    /// <summary>Gets the topics counted.</summary>
    public TopicTaxonomy Topics => Counts.Layout.Topics;

    /// <summary>Gets the number of signals counted inside the grid.</summary>
    public long SignalCount => Counts.SignalCount;

    /// <summary>Gets the number of signals counted before or after the grid.</summary>
    public long OutsideGridCount => Counts.BeforeGrid + Counts.AfterGrid;

    internal ListeningCounts Counts { get; }

    /// <summary>Merges partials of disjoint parts.</summary>
    /// <param name="partials">The partials; at least one.</param>
    /// <returns>The partial of the union.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="partials"/> or one of them is null.</exception>
    /// <exception cref="CxValidationException">No partials, or partials of different grids, journeys, zones or taxonomies (CX0718).</exception>
    public static ListeningPartial Merge(IEnumerable<ListeningPartial> partials)
    {
        ArgumentNullException.ThrowIfNull(partials);
        ListeningPartial[] list = [.. partials];
        foreach (ListeningPartial p in list)
        {
            ArgumentNullException.ThrowIfNull(p, nameof(partials));
        }

        var failures = new FailureCollector();
        if (list.Length == 0)
        {
            failures.Add(null, "listening partials", "partials", CxErrorCodes.ListeningPartialsIncompatible, "Expected at least one partial to merge, got none.");
            failures.ThrowIfAny("listening partials");
        }

        ListeningLayout first = list[0].Counts.Layout;
        bool adHoc = first.Topics.IsAdHoc;
        for (int i = 1; i < list.Length; i++)
        {
            ListeningLayout other = list[i].Counts.Layout;
            bool topicsOk = adHoc ? other.Topics.IsAdHoc : !other.Topics.IsAdHoc && ListeningLayout.SameTopics(first.Topics, other.Topics);
            if (other.Grid != first.Grid || !ListeningLayout.SameJourney(first.Journey, other.Journey) || !other.Zone.Equals(first.Zone) || !topicsOk)
            {
                failures.Add(null, $"partial #{i}", "layout", CxErrorCodes.ListeningPartialsIncompatible,
                    $"Expected the grid {first.Grid}, journey '{first.Journey.Name}', zone {first.Zone.Id} and {first.Topics} of partial #0, got {other.Grid}, journey '{other.Journey.Name}', zone {other.Zone.Id} and {other.Topics}. Count every part with the same journey, grid, options and taxonomy.");
            }
        }

        failures.ThrowIfAny("listening partials");
        ListeningLayout layout = adHoc
            ? new ListeningLayout(first.Grid, first.Journey, TopicTaxonomy.FromIds(list.SelectMany(p => p.Topics.Topics.Select(t => t.Id))), first.Zone)
            : first;
        var merged = new ListeningCounts(layout);
        foreach (ListeningPartial p in list)
        {
            merged.AddFrom(ReferenceEquals(p.Counts.Layout.Topics, layout.Topics) || !adHoc ? p.Counts : p.Counts.Remap(layout));
        }

        return new ListeningPartial(merged);
    }

    /// <summary>Merges two partials of disjoint parts.</summary>
    /// <param name="other">The other partial.</param>
    /// <returns>The partial of the union.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="CxValidationException">The partials differ in grid, journey, zone or taxonomy (CX0718).</exception>
    public ListeningPartial Merge(ListeningPartial other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Merge([this, other]);
    }

    /// <summary>Returns a short description.</summary>
    /// <returns>For example <c>listening partial, monthly 2024-01..2024-12 (12 periods): 5000 signals</c>.</returns>
    public override string ToString() => FormattableString.Invariant($"listening partial, {Grid}: {SignalCount} signals");
}
