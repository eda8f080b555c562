using System.Collections.Immutable;

namespace Cx.Domain.Reliability;

/// <summary>The Western Electric (1 to 4) and Nelson (1 to 8) run rules on individual values, judged in sigmas from the
/// baseline mean.</summary>
/// <remarks>
/// <para>Western Electric: 1, one value beyond 3 sigma; 2, two of three consecutive beyond 2 sigma on one side; 3, four of
/// five beyond 1 sigma on one side; 4, eight consecutive on one side of the mean.</para>
/// <para>Nelson: 1, one beyond 3 sigma; 2, nine in a row on one side; 3, six in a row steadily increasing or decreasing;
/// 4, fourteen in a row alternating up and down; 5, two of three beyond 2 sigma on one side; 6, four of five beyond 1 sigma
/// on one side; 7, fifteen in a row within 1 sigma; 8, eight in a row all beyond 1 sigma, on either side.</para>
/// <para>A rule signals at the value that completes its pattern, and again at every later value that still completes it.
/// A value exactly on the mean counts for neither side.</para>
/// </remarks>
public static class RunRules
{
    /// <summary>Applies a rule set.</summary>
    /// <param name="values">The values in time order, finite.</param>
    /// <param name="baseline">The in-control mean and sigma.</param>
    /// <param name="ruleSet">Which rules; <see cref="RunRuleSet.None"/> gives no signals.</param>
    /// <returns>The signals, in order of position, then rule number.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    /// <exception cref="ArgumentException">A value is NaN or infinite, or the baseline is <c>default</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="ruleSet"/> is undefined.</exception>
    public static IReadOnlyList<DriftSignal> Evaluate(IReadOnlyList<double> values, DriftBaseline baseline, RunRuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!Enum.IsDefined(ruleSet))
        {
            throw new ArgumentOutOfRangeException(nameof(ruleSet), ruleSet, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected None, WesternElectric or Nelson, got {Internal.EnumText.Of(ruleSet)}."));
        }

        EwmaChart.RequireBaseline(baseline);
        var z = new double[values.Count];
        for (int i = 0; i < z.Length; i++)
        {
            z[i] = (EwmaChart.RequireFinite(values[i], i) - baseline.Mean) / baseline.Sigma;
        }

        var signals = ImmutableArray.CreateBuilder<DriftSignal>();
        for (int i = 0; i < z.Length; i++)
        {
            if (ruleSet == RunRuleSet.WesternElectric)
            {
                Add(signals, DriftSignalSource.WesternElectric, 1, i, z, Beyond(z, i, 1, 1, 3), 3);
                Add(signals, DriftSignalSource.WesternElectric, 2, i, z, Beyond(z, i, 3, 2, 2), 2);
                Add(signals, DriftSignalSource.WesternElectric, 3, i, z, Beyond(z, i, 5, 4, 1), 1);
                Add(signals, DriftSignalSource.WesternElectric, 4, i, z, Beyond(z, i, 8, 8, 0), 0);
            }
            else if (ruleSet == RunRuleSet.Nelson)
            {
                Add(signals, DriftSignalSource.Nelson, 1, i, z, Beyond(z, i, 1, 1, 3), 3);
                Add(signals, DriftSignalSource.Nelson, 2, i, z, Beyond(z, i, 9, 9, 0), 0);
                Add(signals, DriftSignalSource.Nelson, 3, i, z, Trend(z, i, 6), 0);
                Add(signals, DriftSignalSource.Nelson, 4, i, z, Alternating(z, i, 14) ? DriftDirection.None : null, 0);
                Add(signals, DriftSignalSource.Nelson, 5, i, z, Beyond(z, i, 3, 2, 2), 2);
                Add(signals, DriftSignalSource.Nelson, 6, i, z, Beyond(z, i, 5, 4, 1), 1);
                Add(signals, DriftSignalSource.Nelson, 7, i, z, All(z, i, 15, v => Math.Abs(v) < 1) ? DriftDirection.None : null, 1);
                Add(signals, DriftSignalSource.Nelson, 8, i, z, All(z, i, 8, v => Math.Abs(v) > 1) ? DriftDirection.None : null, 1);
            }
        }

        return signals.ToImmutable();
    }

    internal static string Describe(DriftSignalSource source, int rule) => (source, rule) switch
    {
        (_, 1) => "one value beyond 3 sigma",
        (DriftSignalSource.WesternElectric, 2) or (DriftSignalSource.Nelson, 5) => "two of three values beyond 2 sigma on one side",
        (DriftSignalSource.WesternElectric, 3) or (DriftSignalSource.Nelson, 6) => "four of five values beyond 1 sigma on one side",
        (DriftSignalSource.WesternElectric, 4) => "eight values in a row on one side of the mean",
        (DriftSignalSource.Nelson, 2) => "nine values in a row on one side of the mean",
        (DriftSignalSource.Nelson, 3) => "six values in a row steadily increasing or decreasing",
        (DriftSignalSource.Nelson, 4) => "fourteen values in a row alternating up and down",
        (DriftSignalSource.Nelson, 7) => "fifteen values in a row within 1 sigma",
        (DriftSignalSource.Nelson, 8) => "eight values in a row beyond 1 sigma, none within",
        _ => "run rule",
    };

    private static void Add(ImmutableArray<DriftSignal>.Builder signals, DriftSignalSource source, int rule, int i, double[] z, DriftDirection? direction, double band)
    {
        if (direction is { } d)
        {
            signals.Add(new DriftSignal(source, rule, i, d, z[i], d == DriftDirection.Down ? -band : band));
        }
    }

    /// <summary>At least <paramref name="needed"/> of the <paramref name="span"/> values ending at <paramref name="i"/> are
    /// beyond <paramref name="band"/> sigmas on one side (strictly).</summary>
    private static DriftDirection? Beyond(double[] z, int i, int span, int needed, double band)
    {
        if (i + 1 < span)
        {
            return null;
        }

        int up = 0;
        int down = 0;
        for (int j = i - span + 1; j <= i; j++)
        {
            up += z[j] > band ? 1 : 0;
            down += z[j] < -band ? 1 : 0;
        }

        return up >= needed ? DriftDirection.Up : down >= needed ? DriftDirection.Down : null;
    }

    private static DriftDirection? Trend(double[] z, int i, int span)
    {
        if (i + 1 < span)
        {
            return null;
        }

        bool increasing = true;
        bool decreasing = true;
        for (int j = i - span + 2; j <= i; j++)
        {
            increasing &= z[j] > z[j - 1];
            decreasing &= z[j] < z[j - 1];
        }

        return increasing ? DriftDirection.Up : decreasing ? DriftDirection.Down : null;
    }

    private static bool Alternating(double[] z, int i, int span)
    {
        if (i + 1 < span)
        {
            return false;
        }

        for (int j = i - span + 3; j <= i; j++)
        {
            double previous = z[j - 1] - z[j - 2];
            double current = z[j] - z[j - 1];
            if (!(previous * current < 0))
            {
                return false;
            }
        }

        return true;
    }

    private static bool All(double[] z, int i, int span, Func<double, bool> predicate)
    {
        if (i + 1 < span)
        {
            return false;
        }

        for (int j = i - span + 1; j <= i; j++)
        {
            if (!predicate(z[j]))
            {
                return false;
            }
        }

        return true;
    }
}
