using NodaTime;

namespace Cx.Domain.Internal;

/// <summary>Instant arithmetic in 64-bit ticks (100 ns) for instants of the supported range and durations of at most
/// 100 years: every sum fits, and none goes through NodaTime's range checks.</summary>
internal static class TickMath
{
    /// <summary>The ticks of <c>instant - duration</c>, rounded toward negative infinity like
    /// <see cref="Instant.ToUnixTimeTicks"/>, for an instant that is a whole number of ticks.</summary>
    public static long Minus(long ticks, Duration duration)
    {
        long nanoseconds = duration.ToInt64Nanoseconds();
        long whole = nanoseconds / 100;
        return ticks - whole - (nanoseconds % 100 > 0 ? 1 : 0);
    }
}
