using System.Globalization;

namespace Cx.Domain.EarlyWarning;

/// <summary>The exposed and unexposed customer-periods of one stratum (a segment and a tenure band): the table behind the
/// stratified estimates, so a reader can redo them.</summary>
/// <remarks>Values are in the ledger's unit. Each customer-period counts once: a customer active in several periods of the
/// history appears once for each.</remarks>
public sealed class ImpactStratum
{
    internal ImpactStratum(string? segment, string tenureBand, GroupOutcome exposed, GroupOutcome unexposed)
    {
        Segment = segment;
        TenureBand = tenureBand;
        Exposed = exposed;
        Unexposed = unexposed;
    }

    /// <summary>Gets the segment (the customer's segment in the period before), or null for customers without one.</summary>
    public string? Segment { get; }

    /// <summary>Gets the tenure band, in periods from the customer's first active period to the period before: <c>0-2</c>,
    /// <c>3-11</c>, <c>12-23</c>, <c>24+</c> with the default bands.</summary>
    public string TenureBand { get; }

    /// <summary>Gets the exposed customer-periods' outcomes.</summary>
    public GroupOutcome Exposed { get; }

    /// <summary>Gets the unexposed customer-periods' outcomes.</summary>
    public GroupOutcome Unexposed { get; }

    /// <summary>Returns a short description such as <c>Enterprise 3-11: exposed 12 (churned 3), unexposed 240 (churned 12)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Segment ?? "(no segment)"} {TenureBand}: exposed {Exposed.Count} (churned {Exposed.ChurnedCount}), unexposed {Unexposed.Count} (churned {Unexposed.ChurnedCount})");
}
