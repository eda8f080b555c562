namespace Cx.Domain.Value;

/// <summary>How a maximum-likelihood fit ended.</summary>
public enum FitStatus
{
    /// <summary>Not set (<c>default</c>); never the status of a fit.</summary>
    Unknown = 0,

    /// <summary>The gradient of the log-likelihood vanished (to the tolerance) at a point where its Hessian is negative
    /// definite: a proper maximum, with standard errors.</summary>
    Converged = 1,

    /// <summary>The optimiser stopped before the gradient vanished (iteration limit, or no step improved the
    /// likelihood); the parameters are the best point found and must not be used as estimates.</summary>
    NotConverged = 2,

    /// <summary>The gradient vanished but the Hessian is not negative definite (a saddle or a flat ridge): the
    /// parameters are not identified by the data, and there are no standard errors.</summary>
    HessianNotPositiveDefinite = 3,

    /// <summary>A parameter ran off towards 0 or infinity (by more than a factor e^25 from its starting value): the data do not pin the model down, for
    /// example when no customer bought again.</summary>
    ParameterAtBoundary = 4,
}
