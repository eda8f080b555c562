using Cx.Domain.Assets;
using Cx.Domain.Journey;

namespace Cx.Domain.Attribution;

/// <summary>The value earned and lost at one touchpoint.</summary>
public sealed class TouchpointCredit : AttributedValue
{
    internal TouchpointCredit(Touchpoint touchpoint, long earnedValue, long gainCount, long lostValue, long lossCount, MeasureUnit unit)
        : base(earnedValue, gainCount, lostValue, lossCount, unit) => Touchpoint = touchpoint;

    /// <summary>Gets the touchpoint.</summary>
    public Touchpoint Touchpoint { get; }

    /// <summary>Returns a short diagnostic form.</summary>
    /// <returns>For example <c>test-drive: earned 1200 (3), lost 400 (1)</c>.</returns>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Touchpoint.Id}: {base.ToString()}");
}
