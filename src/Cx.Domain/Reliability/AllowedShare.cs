namespace Cx.Domain.Reliability;

/// <summary>A standard's allowed bad share <c>1 - objective</c> as the exact fraction <c>Numerator / Denominator</c> of its
/// decimal digits, so that burn rates and breach verdicts need no decimal arithmetic in the hot loops.</summary>
/// <remarks>Burn rates are the correctly rounded double of the exact quotient (what the decimal computation gives, without
/// its cost); breach verdicts compare integers exactly. Shares with more than nine decimals fall back to decimals.</remarks>
internal sealed class AllowedShare
{
    private const long FastLimit = 1L << 31;

    public AllowedShare(decimal share)
    {
        Decimal = share;
        Double = (double)share;
        int scale = share.Scale;
        if (scale <= 9)
        {
            long denominator = 1;
            for (int i = 0; i < scale; i++)
            {
                denominator *= 10;
            }

            Numerator = (long)(share * denominator);
            Denominator = denominator;
        }
    }

    public decimal Decimal { get; }

    public double Double { get; }

    /// <summary>The numerator, or 0 when the share needs the decimal fallback.</summary>
    public long Numerator { get; }

    public long Denominator { get; }

    /// <summary>(bad / events) / share; 0 without events.</summary>
    public double Burn(long events, long bad)
    {
        if (events == 0)
        {
            return 0;
        }

        return Numerator > 0 && events < FastLimit && bad < FastLimit
            ? (double)(bad * Denominator) / (Numerator * events)
            : (double)(bad / (Decimal * events));
    }

    /// <summary>bad &gt; share × events, exactly.</summary>
    public bool Exceeded(long events, long bad) =>
        Numerator > 0 && events < FastLimit && bad < FastLimit
            ? bad * Denominator > Numerator * events
            : bad > Decimal * events;
}
