using Cx.Domain.Assets;

namespace Cx.Domain.Internal;

/// <summary>Receives the events of <see cref="MovementSweep"/>; implemented by structs so the sweep inlines them.</summary>
internal interface IMovementSink
{
    /// <summary>A customer's movement at reported axis period <paramref name="t"/>.</summary>
    void Move(int t, MovementClass movementClass, long previous, long current, int segment);

    /// <summary>A customer became active under the activity window at reported period <paramref name="t"/>.</summary>
    void Incoming(int t, bool returning, long value);

    /// <summary>A customer stopped being active under the activity window at reported period <paramref name="t"/>.</summary>
    void Lost(int t, long value);

    /// <summary>A customer is active under the activity window over axis periods [start, endExclusive), unclipped.</summary>
    void Run(int start, int endExclusive);

    /// <summary>A customer had <paramref name="value"/> in the period just before the first reported one.</summary>
    void ActiveBefore(long value, int segment);
}
