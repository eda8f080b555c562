using Cx.Domain.Internal;

namespace Cx.Domain.Assets;

/// <summary>The customer (logo) view of a period under an activity window W: who is active, who came, who was lost.</summary>
/// <remarks>The identity <c>ActiveCount = OpeningActiveCount + IncomingCount - LostCount</c> always holds.</remarks>
public readonly record struct CustomerActivity
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="openingActiveCount">Customers active at the end of the period before (value in any of the W periods ending there).</param>
    /// <param name="activeCount">Customers active in this period (value in any of the W periods ending here).</param>
    /// <param name="incomingNewCount">Customers who became active in this period and were never active before.</param>
    /// <param name="incomingReturningCount">Customers who became active in this period after a lapse longer than the window.</param>
    /// <param name="incomingValue">The value the incoming customers brought in this period.</param>
    /// <param name="lostCount">Customers active in the period before and no longer active now (no value in the last W periods).</param>
    /// <param name="lostValue">The value of the lost customers over the W periods before they were lost (their last active period's value).</param>
    /// <exception cref="ArgumentOutOfRangeException">A count or value is negative, or the incoming counts add up to more than
    /// <see cref="long.MaxValue"/>.</exception>
    public CustomerActivity(long openingActiveCount, long activeCount, long incomingNewCount, long incomingReturningCount, long incomingValue, long lostCount, long lostValue)
    {
        Guard.NotNegative(openingActiveCount);
        Guard.NotNegative(activeCount);
        Guard.NotNegative(incomingNewCount);
        Guard.NotNegative(incomingReturningCount);
        Guard.NotNegative(incomingValue);
        Guard.NotNegative(lostCount);
        Guard.NotNegative(lostValue);
        if (incomingReturningCount > long.MaxValue - incomingNewCount)
        {
            throw new ArgumentOutOfRangeException(nameof(incomingReturningCount), incomingReturningCount, "Expected incoming counts whose sum fits 64 bits, got a new and a returning count adding up to more.");
        }
        OpeningActiveCount = openingActiveCount;
        ActiveCount = activeCount;
        IncomingNewCount = incomingNewCount;
        IncomingReturningCount = incomingReturningCount;
        IncomingValue = incomingValue;
        LostCount = lostCount;
        LostValue = lostValue;
    }

    /// <summary>Customers active at the end of the period before (value in any of the W periods ending there).</summary>
    public long OpeningActiveCount { get; }

    /// <summary>Customers active in this period (value in any of the W periods ending here).</summary>
    public long ActiveCount { get; }

    /// <summary>Customers who became active in this period and were never active before.</summary>
    public long IncomingNewCount { get; }

    /// <summary>Customers who became active in this period after a lapse longer than the window.</summary>
    public long IncomingReturningCount { get; }

    /// <summary>The value the incoming customers brought in this period.</summary>
    public long IncomingValue { get; }

    /// <summary>Customers active in the period before and no longer active now (no value in the last W periods).</summary>
    public long LostCount { get; }

    /// <summary>The value of the lost customers over the W periods before they were lost (their last active period's value).</summary>
    public long LostValue { get; }

    /// <summary>Gets all incoming customers, new and returning.</summary>
    public long IncomingCount => IncomingNewCount + IncomingReturningCount;
}
