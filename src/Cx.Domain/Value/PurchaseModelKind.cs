namespace Cx.Domain.Value;

/// <summary>Which buy-till-you-die purchase model a <see cref="CustomerValueAnalysis"/> fits.</summary>
public enum PurchaseModelKind
{
    /// <summary>Not set (<c>default</c>); rejected.</summary>
    Unknown = 0,

    /// <summary>BG/NBD (<see cref="BgNbdModel"/>): drop-out right after a purchase, with a beta-distributed probability.</summary>
    BgNbd = 1,

    /// <summary>Pareto/NBD (<see cref="ParetoNbdModel"/>): exponential lifetimes with gamma-distributed rates; has a
    /// closed-form DERT.</summary>
    ParetoNbd = 2,
}
