namespace Cx.Domain.Internal;

/// <summary>The counts gathered by an attribution run.</summary>
internal sealed class AttributionCounts
{
    public long Events { get; set; }

    public long OutsideEveryWindow { get; set; }

    public long ExcludedMovements { get; set; }

    public long GainNullPaths { get; set; }

    public long LossNullPaths { get; set; }

    public long Fallbacks { get; set; }

    public long Gains { get; set; }

    public long Losses { get; set; }
}
