using Cx.Domain.Assets;

namespace Cx.Domain.Internal;

/// <summary>Collects per-customer movements for drill-down.</summary>
internal struct MovementListSink : IMovementSink
{
    private readonly List<(int Customer, int Period, MovementClass Class, long Previous, long Current, int Segment)> _moves;
    private readonly int _first;

    public MovementListSink(List<(int, int, MovementClass, long, long, int)> moves, int firstReported)
    {
        _moves = moves;
        _first = firstReported;
        Customer = 0;
    }

    public int Customer { get; set; }

    public readonly void Move(int t, MovementClass movementClass, long previous, long current, int segment) =>
        _moves.Add((Customer, t - _first, movementClass, previous, current, segment));

    public readonly void Incoming(int t, bool returning, long value)
    {
    }

    public readonly void Lost(int t, long value)
    {
    }

    public readonly void Run(int start, int endExclusive)
    {
    }

    public readonly void ActiveBefore(long value, int segment)
    {
    }
}
