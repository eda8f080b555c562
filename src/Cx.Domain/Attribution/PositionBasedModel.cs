namespace Cx.Domain.Attribution;

/// <summary>Position based (U-shaped): the first and last touches get fixed shares, the touches between share the rest equally.</summary>
/// <remarks>Heuristic. With the default 40/20/40: one touch gets 100%; two touches 50/50 (in general first : last in the ratio
/// of their shares); path A, B, C, D gives A 40%, B 10%, C 10%, D 40%. See <see cref="AttributionOptions.FirstTouchShare"/>.</remarks>
public sealed class PositionBasedModel : IAttributionModel
{
    /// <inheritdoc/>
    public AttributionModel Kind => AttributionModel.PositionBased;

    /// <inheritdoc/>
    public AttributionModelFit Fit(AttributionPathSet paths, AttributionOptions options)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(options);
        return new PositionFit(options.FirstTouchShare, options.LastTouchShare);
    }

    private sealed class PositionFit(double first, double last) : AttributionModelFit
    {
        public override void Weigh(ReadOnlySpan<int> touchpoints, ReadOnlySpan<long> ageTicks, Span<double> weights)
        {
            int n = weights.Length;
            if (n == 1)
            {
                weights[0] = 1;
                return;
            }

            if (n == 2)
            {
                weights[0] = first;
                weights[1] = last;
                return;
            }

            double middle = Math.Max(0, 1 - first - last) / (n - 2);
            weights.Fill(middle);
            weights[0] = first;
            weights[^1] = last;
        }
    }
}
