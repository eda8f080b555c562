using Cx.Domain.Assets;
using Cx.Domain.Internal;
using System.Globalization;

namespace Cx.Domain.Attribution;

/// <summary>Value attributed to one place of the journey (a touchpoint, a stage, a category, or the unattributed bucket),
/// split into earned (gains) and lost (losses) value and the movements behind each.</summary>
/// <remarks>Values are in the movements' unit (minor units of the currency for revenue) and never negative: a loss is
/// credited as the positive amount lost. A movement counts for a place when the model gave that place a positive weight on
/// the movement's path (or, for the unattributed bucket, when the path was empty).</remarks>
public abstract class AttributedValue
{
    private protected AttributedValue(long earnedValue, long gainCount, long lostValue, long lossCount, MeasureUnit unit)
    {
        Unit = unit;
        EarnedValue = earnedValue;
        GainCount = gainCount;
        LostValue = lostValue;
        LossCount = lossCount;
    }

    /// <summary>Gets the unit of the values (the result's <see cref="AttributionResult.Unit"/>).</summary>
    public MeasureUnit Unit { get; }

    /// <summary>Gets the value earned here: the credited share of new, reactivated and expansion movements.</summary>
    public long EarnedValue { get; }

    /// <summary>Gets the number of gain movements credited here.</summary>
    public long GainCount { get; }

    /// <summary>Gets the value lost here: the credited share of contraction and churn movements (zero or more).</summary>
    public long LostValue { get; }

    /// <summary>Gets the number of loss movements credited here.</summary>
    public long LossCount { get; }

    /// <summary>Gets earned minus lost value.</summary>
    public long NetValue => EarnedValue - LostValue;

    /// <summary>Returns a short diagnostic form, amounts in the unit's major units.</summary>
    /// <returns>For example <c>earned USD 12.00 (3 gains), lost USD 4.00 (1 loss)</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"earned {Amounts.Format(Unit, EarnedValue)} ({Amounts.Count(GainCount, "gain", "gains")}), lost {Amounts.Format(Unit, LostValue)} ({Amounts.Count(LossCount, "loss", "losses")})");
}
