using Cx.Domain.Assets;
using Cx.Domain.Journey;

namespace Cx.Domain.Attribution;

/// <summary>The value earned and lost at the touchpoints of one of the four categories.</summary>
/// <remarks>The counts are movements credited to at least one touchpoint of the category (each movement once).</remarks>
public sealed class CategoryCredit : AttributedValue
{
    internal CategoryCredit(TouchpointCategory category, long earnedValue, long gainCount, long lostValue, long lossCount, MeasureUnit unit)
        : base(earnedValue, gainCount, lostValue, lossCount, unit) => Category = category;

    /// <summary>Gets the category.</summary>
    public TouchpointCategory Category { get; }

    /// <summary>Returns a short diagnostic form.</summary>
    /// <returns>For example <c>EarningTheRightToGrowth: earned 1200 (3), lost 400 (1)</c>.</returns>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Category}: {base.ToString()}");
}
