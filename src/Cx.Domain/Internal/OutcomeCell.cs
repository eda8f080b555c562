namespace Cx.Domain.Internal;

/// <summary>The outcome counts and sums of a group of customer-periods (one stratum, exposed or all): how many, how many
/// churned, contracted or either within the horizon, their value at the start of the period and the value they lost, and
/// the exact sums of squares behind the loss share's variance.</summary>
/// <remarks>Counts and values are exact 64-bit integers (checked); the squares are exact 128-bit integers, so the
/// unexposed group can be had by subtracting the exposed from all, without rounding.</remarks>
internal struct OutcomeCell
{
    public long Count;
    public long Churned;
    public long Contracted;
    public long Either;
    public long BaseValue;
    public long LostValue;
    public Int128 BaseSquares;
    public Int128 LostSquares;
    public Int128 LostTimesBase;

    public void Add(bool churned, bool contracted, long baseValue, long lostValue)
    {
        checked
        {
            Count++;
            Churned += churned ? 1 : 0;
            Contracted += contracted ? 1 : 0;
            Either += churned || contracted ? 1 : 0;
            BaseValue += baseValue;
            BaseSquares += (Int128)baseValue * baseValue;
            if (lostValue != 0)
            {
                LostValue += lostValue;
                LostSquares += (Int128)lostValue * lostValue;
                LostTimesBase += (Int128)lostValue * baseValue;
            }
        }
    }

    public void Add(in OutcomeCell other)
    {
        checked
        {
            Count += other.Count;
            Churned += other.Churned;
            Contracted += other.Contracted;
            Either += other.Either;
            BaseValue += other.BaseValue;
            LostValue += other.LostValue;
            BaseSquares += other.BaseSquares;
            LostSquares += other.LostSquares;
            LostTimesBase += other.LostTimesBase;
        }
    }

    public readonly OutcomeCell Minus(in OutcomeCell other)
    {
        checked
        {
            return new OutcomeCell
            {
                Count = Count - other.Count,
                Churned = Churned - other.Churned,
                Contracted = Contracted - other.Contracted,
                Either = Either - other.Either,
                BaseValue = BaseValue - other.BaseValue,
                LostValue = LostValue - other.LostValue,
                BaseSquares = BaseSquares - other.BaseSquares,
                LostSquares = LostSquares - other.LostSquares,
                LostTimesBase = LostTimesBase - other.LostTimesBase,
            };
        }
    }

    /// <summary>The cases of one outcome: 1 churned, 2 contracted, 3 either.</summary>
    public readonly long Cases(int outcome) => outcome switch
    {
        1 => Churned,
        2 => Contracted,
        _ => Either,
    };

    /// <summary>The linearized variance numerator of the ratio estimator LostValue / BaseValue at ratio r:
    /// Σ (l - r b)² = Σ l² - 2 r Σ l b + r² Σ b², exact integer sums combined in double.</summary>
    public readonly double RatioResidualSquares(double r)
    {
        double value = (double)LostSquares - (2 * r * (double)LostTimesBase) + (r * r * (double)BaseSquares);
        return Math.Max(0, value);
    }
}
