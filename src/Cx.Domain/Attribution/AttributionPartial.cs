using System.Globalization;
using Cx.Domain.Internal;

namespace Cx.Domain.Attribution;

/// <summary>Phase two of an attribution split across customer partitions: the credits of some customers' movements, split
/// with the fit of the whole. Partials of disjoint customers merge associatively into the credits of all of them, and
/// <see cref="ToResult"/> gives exactly the result of one calculation over all customers.</summary>
/// <remarks>Made by <see cref="JourneyAttributionCalculator.Allocate(FittedAttribution, IEnumerable{Assets.CustomerMovement}, IEnumerable{Journey.ExperienceEvent}, IEnumerable{Primitives.CustomerId}?)"/>.
/// Totals are exact integer sums, so any grouping and order of merges gives the same result; the drill-down (when
/// <see cref="AttributionOptions.IncludeMovementCredits"/> is set) is ordered when the result is built. With
/// <see cref="MarkovAllocation.Pooled"/> the pools are shared out in <see cref="ToResult"/>, once, over all partitions.
/// Immutable: merging returns a new partial.</remarks>
public sealed class AttributionPartial
{
    private readonly AttributionTotals _totals;
    private readonly IReadOnlyList<(int Period, MovementCredit Credit)> _credits;

    internal AttributionPartial(FittedAttribution fit, AttributionTotals totals, IReadOnlyList<(int Period, MovementCredit Credit)> credits, long eventCount, long excludedMovementCount, long gainCount, long lossCount)
    {
        Fit = fit;
        _totals = totals;
        _credits = credits;
        EventCount = eventCount;
        ExcludedMovementCount = excludedMovementCount;
        GainCount = gainCount;
        LossCount = lossCount;
    }

    /// <summary>Gets the fit the credits were split with.</summary>
    public FittedAttribution Fit { get; }

    /// <summary>Gets the number of experience events read.</summary>
    public long EventCount { get; }

    /// <summary>Gets the number of movements left out (flat ones and classes not attributed).</summary>
    public long ExcludedMovementCount { get; }

    /// <summary>Gets the number of gain movements attributed.</summary>
    public long GainCount { get; }

    /// <summary>Gets the number of loss movements attributed.</summary>
    public long LossCount { get; }

    /// <summary>Merges two partials of disjoint customers.</summary>
    /// <param name="other">The other partial, allocated with the same fit.</param>
    /// <returns>The partial of both customer sets.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException">The partials were allocated with different fits.</exception>
    /// <exception cref="InvalidOperationException">A merged total overflows 64 bits.</exception>
    public AttributionPartial Merge(AttributionPartial other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!ReferenceEquals(Fit, other.Fit))
        {
            throw new ArgumentException("Expected partials allocated with one fit, got two fits. Fit the merged statistics once and allocate every partition with that fit.", nameof(other));
        }

        AttributionTotals totals = _totals.Clone();
        try
        {
            totals.Add(other._totals);
        }
        catch (OverflowException)
        {
            throw new InvalidOperationException("Merging these partials overflows a 64-bit total; the values are too large to add exactly.");
        }

        return new AttributionPartial(Fit, totals, [.. _credits, .. other._credits], EventCount + other.EventCount, ExcludedMovementCount + other.ExcludedMovementCount, GainCount + other.GainCount, LossCount + other.LossCount);
    }

    /// <summary>Merges any number of partials allocated with one fit.</summary>
    /// <param name="partials">At least one partial.</param>
    /// <returns>The merged partial.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="partials"/> or one of its items is null.</exception>
    /// <exception cref="ArgumentException">None given, or they were allocated with different fits.</exception>
    /// <exception cref="InvalidOperationException">A merged total overflows 64 bits.</exception>
    public static AttributionPartial MergeAll(IEnumerable<AttributionPartial> partials) =>
        Merging.MergeAll(partials, (a, b) => a.Merge(b), "partial", nameof(partials));

    /// <summary>Builds the attribution of the customers allocated so far.</summary>
    /// <returns>The result; for all partitions merged, exactly that of one calculation over all customers.</returns>
    /// <exception cref="Validation.CxValidationException">A total overflows 64 bits (CX0111).</exception>
    public AttributionResult ToResult()
    {
        AttributionOptions options = Fit.Options;
        AttributionTotals totals = _totals.Clone();
        var counts = new AttributionCounts
        {
            Events = EventCount,
            OutsideEveryWindow = Fit.EventsOutsideEveryWindowCount,
            ExcludedMovements = ExcludedMovementCount,
            GainNullPaths = Fit.GainNullPathCount,
            LossNullPaths = Fit.LossNullPathCount,
            Gains = GainCount,
            Losses = LossCount,
        };
        return JourneyAttributionCalculator.GuardOverflow(() =>
        {
            var allocator = new AttributionAllocator(Fit.Framework, options, AttributionEngine.StagesOf(Fit.Framework), Fit.Framework.Touchpoints.Select(t => (int)t.Category).ToArray());
            AttributionEngine.SharePools(Fit.Framework, totals, [Fit.PoolOf(AttributionDirection.Gains), Fit.PoolOf(AttributionDirection.Losses)], allocator);
            IEnumerable<MovementCredit> credits = _credits
                .OrderBy(c => c.Period)
                .ThenBy(c => c.Credit.Movement.Customer.Value, StringComparer.Ordinal)
                .ThenBy(c => c.Credit.Direction)
                .Select(c => c.Credit);
            return AttributionAssembler.Assemble(Fit.Framework, options, Fit.Unit, Fit.ResultGrid, Fit.Periods, totals, credits, Fit.Scores, counts);
        });
    }

    /// <summary>Returns a short diagnostic form.</summary>
    /// <returns>For example <c>partial of MarkovChain attribution: 812 gains, 301 losses, 4210 events</c>.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"partial of {Fit.Model} attribution: {GainCount} gains, {LossCount} losses, {EventCount} events");
}
