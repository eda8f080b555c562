using Cx.Domain.Assets;
namespace Cx.Domain.Attribution;

/// <summary>The explicit bucket of movements whose customer had no touch (passing the direction's filter) in the lookback window.</summary>
/// <remarks>Never dropped: credits plus this bucket equal the total movement value, to the cent.</remarks>
public sealed class UnattributedCredit : AttributedValue
{
    internal UnattributedCredit(long earnedValue, long gainCount, long lostValue, long lossCount, MeasureUnit unit)
        : base(earnedValue, gainCount, lostValue, lossCount, unit)
    {
    }

    /// <summary>Returns a short diagnostic form.</summary>
    /// <returns>For example <c>unattributed: earned 1200 (3), lost 400 (1)</c>.</returns>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"unattributed: {base.ToString()}");
}
