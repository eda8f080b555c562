namespace Cx.Domain.Assets;

/// <summary>The customer (logo) view of a period under an activity window W: who is active, who came, who was lost.</summary>
/// <param name="OpeningActiveCount">Customers active at the end of the period before (value in any of the W periods ending there).</param>
/// <param name="ActiveCount">Customers active in this period (value in any of the W periods ending here).</param>
/// <param name="IncomingNewCount">Customers who became active in this period and were never active before.</param>
/// <param name="IncomingReturningCount">Customers who became active in this period after a lapse longer than the window.</param>
/// <param name="IncomingValue">The value the incoming customers brought in this period.</param>
/// <param name="LostCount">Customers active in the period before and no longer active now (no value in the last W periods).</param>
/// <param name="LostValue">The value of the lost customers over the W periods before they were lost (their last active period's value).</param>
/// <remarks>The identity <c>ActiveCount = OpeningActiveCount + IncomingCount - LostCount</c> always holds.</remarks>
public readonly record struct CustomerActivity(
    long OpeningActiveCount,
    long ActiveCount,
    long IncomingNewCount,
    long IncomingReturningCount,
    long IncomingValue,
    long LostCount,
    long LostValue)
{
    /// <summary>Gets all incoming customers, new and returning.</summary>
    public long IncomingCount => IncomingNewCount + IncomingReturningCount;
}
