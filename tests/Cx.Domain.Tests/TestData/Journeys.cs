using Cx.Domain.Journey;

namespace Cx.Domain.Tests.TestData;

/// <summary>Small journey frameworks for tests.</summary>
internal static class Journeys
{
    public static JourneyStage[] Stages() =>
    [
        new("research", "Research", 1),
        new("purchase", "Purchase", 2),
        new("service", "Service", 3),
    ];

    public static Touchpoint[] Touchpoints() =>
    [
        new("web", "Web configurator", "research", TouchpointCategory.EarningTheRightToGrowth, "Digital"),
        new("dealer", "Dealer response", "research", TouchpointCategory.RespondingToCustomerNeeds, "Dealer network"),
        new("proposal", "Proposal", "purchase", TouchpointCategory.EarningTheRightToGrowth, "Sales operations", isMomentOfTruth: true),
        new("repair", "Service repair", "service", TouchpointCategory.RespondingToCustomerNeeds, "Aftersales", isMomentOfTruth: true),
        new("check-in", "Loyalty check-in", "service", TouchpointCategory.IncreasingTheBond, "Customer care"),
    ];

    /// <summary>Three stages (research: web, dealer; purchase: proposal; service: repair, check-in).</summary>
    public static JourneyFramework Small() => JourneyFramework.Create("Test journey", Stages(), Touchpoints());

    /// <summary>One stage per touchpoint, n touchpoints t0..t(n-1) in stages s0..s(n-1).</summary>
    public static JourneyFramework Flat(int n) => JourneyFramework.Create(
        "Flat",
        Enumerable.Range(0, n).Select(i => new JourneyStage($"s{i}", $"Stage {i}", i + 1)),
        Enumerable.Range(0, n).Select(i => new Touchpoint($"t{i}", $"Touchpoint {i}", $"s{i}", (TouchpointCategory)((i % 4) + 1), "Owner")));
}
