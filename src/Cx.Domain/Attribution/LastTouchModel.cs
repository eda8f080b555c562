namespace Cx.Domain.Attribution;

/// <summary>Last touch: the whole movement to the latest touch in the window.</summary>
/// <remarks>Heuristic: ignores other customers' paths. Path A, B, A: A gets 100%.</remarks>
public sealed class LastTouchModel : IAttributionModel
{
    /// <inheritdoc/>
    public AttributionModel Kind => AttributionModel.LastTouch;

    /// <inheritdoc/>
    public AttributionModelFit Fit(AttributionPathSet paths, AttributionOptions options)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(options);
        return new WeighFit();
    }

    private sealed class WeighFit : AttributionModelFit
    {
        public override void Weigh(ReadOnlySpan<int> touchpoints, ReadOnlySpan<long> ageTicks, Span<double> weights)
        {
            weights.Clear();
            weights[^1] = 1;
        }
    }
}
