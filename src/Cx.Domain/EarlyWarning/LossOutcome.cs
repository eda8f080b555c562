namespace Cx.Domain.EarlyWarning;

/// <summary>Which loss a risk counts within the horizon after an exposure.</summary>
public enum LossOutcome
{
    /// <summary>Not set.</summary>
    None = 0,

    /// <summary>The customer churned (had value in the period before and none in the period) in one of the horizon's periods.</summary>
    Churn = 1,

    /// <summary>The customer contracted (less value than in the period before, still above zero) in one of the horizon's periods.</summary>
    Contraction = 2,

    /// <summary>The customer churned or contracted in one of the horizon's periods.</summary>
    ChurnOrContraction = 3,
}
