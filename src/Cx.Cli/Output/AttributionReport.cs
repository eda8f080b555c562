using Cx.Domain.Assets;
using Cx.Domain.Attribution;
using Cx.Domain.Journey;
using Cx.Domain.Primitives;
using NodaTime;

namespace Cx.Cli.Output;

/// <summary>What the attribution command computed, with what the renderers need to say where it came from.</summary>
/// <param name="Input">The revenue input's name: a file name, <c>stdin</c>, or <c>sample (seed 42)</c>.</param>
/// <param name="EventsInput">The events input's name.</param>
/// <param name="Unit">The unit of every value (the currency).</param>
/// <param name="Grid">The period grid of the ledger.</param>
/// <param name="ModelName">The model as the command line names it (<c>linear</c>, <c>markov</c>...).</param>
/// <param name="Direction">gains, losses or both.</param>
/// <param name="Result">The library's result.</param>
/// <param name="RecordCount">How many revenue records the ledger read.</param>
/// <param name="HalfLife">The half-life of time decay.</param>
internal sealed record AttributionReport(
    string Input,
    string EventsInput,
    MeasureUnit Unit,
    PeriodGrid Grid,
    string ModelName,
    string Direction,
    AttributionResult Result,
    long RecordCount,
    Duration HalfLife)
{
    /// <summary>Returns a category's name as the journey JSON spells it (<c>managingCustomersAtRisk</c>...).</summary>
    public static string CategoryName(TouchpointCategory category) => category switch
    {
        TouchpointCategory.ManagingCustomersAtRisk => "managingCustomersAtRisk",
        TouchpointCategory.RespondingToCustomerNeeds => "respondingToCustomerNeeds",
        TouchpointCategory.IncreasingTheBond => "increasingTheBond",
        TouchpointCategory.EarningTheRightToGrowth => "earningTheRightToGrowth",
        _ => "unknown",
    };

    /// <summary>Returns gains or losses.</summary>
    public static string DirectionName(AttributionDirection direction) => direction == AttributionDirection.Losses ? "losses" : "gains";
}
