namespace Cx.Domain.Journey;

/// <summary>The four categories of critical touchpoints (seed 002): what a touchpoint does for the relationship.</summary>
public enum TouchpointCategory
{
    /// <summary>Not set; rejected by validation.</summary>
    Unknown = 0,

    /// <summary>Managing customers at risk: recovering customers whose experience or behaviour signals they may leave.</summary>
    ManagingCustomersAtRisk = 1,

    /// <summary>Responding to customer needs: service, questions, complaints, fixes.</summary>
    RespondingToCustomerNeeds = 2,

    /// <summary>Increasing the bond with relevant value-add: onboarding, education, proactive help beyond the transaction.</summary>
    IncreasingTheBond = 3,

    /// <summary>Earning the right to revenue growth: the moments that lead to a purchase, a renewal or an upgrade.</summary>
    EarningTheRightToGrowth = 4,
}
