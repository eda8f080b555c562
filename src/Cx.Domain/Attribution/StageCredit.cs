using Cx.Domain.Assets;
using Cx.Domain.Journey;

namespace Cx.Domain.Attribution;

/// <summary>The value earned and lost in one journey stage: the sum of its touchpoints' credits.</summary>
/// <remarks>The counts are movements credited to at least one touchpoint of the stage (each movement once).</remarks>
public sealed class StageCredit : AttributedValue
{
    internal StageCredit(JourneyStage stage, long earnedValue, long gainCount, long lostValue, long lossCount, MeasureUnit unit)
        : base(earnedValue, gainCount, lostValue, lossCount, unit) => Stage = stage;

    /// <summary>Gets the stage.</summary>
    public JourneyStage Stage { get; }

    /// <summary>Returns a short diagnostic form.</summary>
    /// <returns>For example <c>purchase: earned 1200 (3), lost 400 (1)</c>.</returns>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Stage.Id}: {base.ToString()}");
}
