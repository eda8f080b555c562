using NodaTime;

namespace Cx.Domain.Reliability;

/// <summary>The counts of a part of the measurements as of an instant: per standard, the events and bad events of every
/// history window and every burn-rate window. Partials of disjoint parts merge associatively into the counts of the whole.</summary>
/// <remarks>A host can split measurements across workers in any way (by customer, by source, by day), count each part with
/// <see cref="ReliabilityEvaluator.CountPartial"/> and merge. <see cref="ToReport"/> gives the same windows and burn-rate
/// alerts as a whole evaluation, without the sequential detectors (Bernoulli CUSUM, value drift, individual-value charts)
/// and episodes, which need each standard's events in order and are not mergeable: a standard is on watch there while a
/// burn-rate rule fires. Immutable: merging returns a new partial.</remarks>
public sealed class ReliabilityPartial
{
    private readonly StandardCounts[] _counts;
    private readonly ReliabilityEvaluationOptions _options;

    internal ReliabilityPartial(ReliabilityStandardSet standards, Instant asOf, ReliabilityEvaluationOptions options, StandardCounts[] counts)
    {
        Standards = standards;
        AsOf = asOf;
        _options = options;
        _counts = counts;
    }

    /// <summary>Gets the standards counted.</summary>
    public ReliabilityStandardSet Standards { get; }

    /// <summary>Gets the evaluation instant.</summary>
    public Instant AsOf { get; }

    /// <summary>Gets the number of events counted (at or before <see cref="AsOf"/>), over all standards.</summary>
    public long EventCount => _counts.Sum(c => c.EventCount);

    /// <summary>Merges two partials of the same standards and instant.</summary>
    /// <param name="other">The other partial.</param>
    /// <returns>The partial of both parts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException">The partials count different standard sets or instants.</exception>
    /// <exception cref="OverflowException">A merged count overflows 64 bits.</exception>
    public ReliabilityPartial Merge(ReliabilityPartial other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!ReferenceEquals(Standards, other.Standards) || AsOf != other.AsOf || !ReferenceEquals(_options, other._options))
        {
            throw new ArgumentException(
                $"Expected partials of one evaluation, got {Standards} as of {AsOf} and {other.Standards} as of {other.AsOf}. Count every part with the same evaluator, standard set and instant.",
                nameof(other));
        }

        var merged = new StandardCounts[_counts.Length];
        for (int i = 0; i < merged.Length; i++)
        {
            merged[i] = _counts[i].Clone(_options.RollingHistoryCount);
            merged[i].Add(other._counts[i]);
        }

        return new ReliabilityPartial(Standards, AsOf, _options, merged);
    }

    /// <summary>Builds the report of the counts so far, without the sequential detectors and episodes.</summary>
    /// <returns>The report; <see cref="ReliabilityReport.IncludesDrift"/> is false.</returns>
    public ReliabilityReport ToReport() =>
        new(AsOf, [.. _counts.Select(c => ReliabilityEngine.Build(c, null, null, _options.EarlyWarning))], includesDrift: false);
}
