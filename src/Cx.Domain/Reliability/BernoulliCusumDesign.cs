using System.Collections.Concurrent;
using System.Globalization;
using Cx.Domain.Internal;
using Cx.Domain.Validation;

namespace Cx.Domain.Reliability;

/// <summary>The design of a Bernoulli CUSUM on a pass/fail stream: the in-control and the out-of-control bad share, the
/// reference value and the decision interval, with the exact average number of events to signal at any bad share.</summary>
/// <remarks>
/// <para>Reynolds and Stoumbos, "A CUSUM chart for monitoring a proportion when inspecting continuously", <i>Journal of
/// Quality Technology</i> 31(1), 1999. Each event is bad (X = 1) or good (X = 0);
/// <c>B_t = max(0, B_(t-1) + X_t - γ)</c> from <c>B_0 = 0</c>, and the chart signals when <c>B_t ≥ h</c>. The reference
/// value is the sequential probability ratio test's: <c>γ = ln((1 - p0)/(1 - p1)) / ln(p1 (1 - p0) / (p0 (1 - p1)))</c>,
/// which makes the chart the optimal detector of a shift from the in-control share p0 to p1.</para>
/// <para>As in the paper, the statistic is scaled to integers so that it lives on a finite Markov chain: γ is approximated
/// by a fraction <c>a/m</c> (<see cref="ScaledReferenceValue"/> over <see cref="Scale"/>, the smallest denominator up to
/// 1000 within 1% of γ), the scaled statistic <c>S = m B</c> moves up by <c>m - a</c> on a bad event and down by
/// <c>a</c> (not below 0) on a good one, and signals at <c>S ≥ H</c> (<see cref="ScaledDecisionInterval"/>), so
/// <c>h = H / m</c> in bad events. The average number of events to signal (ANSS) from 0 at bad share p is the solution of
/// <c>(I - Q) N = 1</c> over the states 0 to H - 1, solved exactly (banded Gaussian elimination; the matrix is an
/// M-matrix, so no pivoting is needed). <see cref="Create"/> picks the smallest H whose in-control ANSS reaches a
/// target.</para>
/// <para>R's <c>surveillance::arlCusum(h, k, theta, distr = "binomial", W = 1)</c> computes the same chain for a
/// reference value with a decimal denominator; the tests compare both.</para>
/// <para>Equality compares the shares, the scaled reference value, the scale and the scaled decision interval.</para>
/// </remarks>
public sealed class BernoulliCusumDesign : IEquatable<BernoulliCusumDesign>
{
    /// <summary>The largest scaled decision interval (number of Markov-chain states) a design may have; fewer at a large
    /// scale m, so that the chain's band matrix (states × (m + 1) cells) stays within 128 MB.</summary>
    public const int MaxStates = 200_000;

    /// <summary>The most cells of the chain's band matrix, states × (m + 1), an ANSS may take: 16 million (128 MB). With
    /// m = 1000 (a tiny p0) 200,000 states would take 1.6 GB.</summary>
    private const long MaxBandCells = 16_000_000;

    private const int MaxScale = 1000;
    private static readonly ConcurrentDictionary<(double P0, int A, int M, int States), double> AnssCache = new();
    private static readonly ConcurrentDictionary<(double P0, double P1, double Target), BernoulliCusumDesign> DesignCache = new();

    private BernoulliCusumDesign(double p0, double p1, int a, int m, int scaledInterval)
    {
        InControlShare = p0;
        DesignShare = p1;
        ScaledReferenceValue = a;
        Scale = m;
        ScaledDecisionInterval = scaledInterval;
    }

    /// <summary>Gets p0, the bad share the chart treats as in control.</summary>
    public double InControlShare { get; }

    /// <summary>Gets p1, the bad share the chart is designed to detect quickly.</summary>
    public double DesignShare { get; }

    /// <summary>Gets the exact reference value γ of the sequential probability ratio test for p0 against p1.</summary>
    public double ReferenceValue => ReferenceValueFor(InControlShare, DesignShare);

    /// <summary>Gets m, the scale of the integer statistic: the chart runs on <c>S = m B</c>.</summary>
    public int Scale { get; }

    /// <summary>Gets a, the scaled reference value: the chart subtracts <c>a / m</c> (within 1% of γ) per event.</summary>
    public int ScaledReferenceValue { get; }

    /// <summary>Gets H, the scaled decision interval: the chart signals when <c>S ≥ H</c>.</summary>
    public int ScaledDecisionInterval { get; }

    /// <summary>Gets h = H / m, the decision interval in bad events.</summary>
    public double DecisionInterval => (double)ScaledDecisionInterval / Scale;

    /// <summary>Gets the reference value the chart uses, a / m.</summary>
    public double UsedReferenceValue => (double)ScaledReferenceValue / Scale;

    /// <summary>Gets the in-control average number of events to signal, at <see cref="InControlShare"/>.</summary>
    public double InControlAnss => AverageEventsToSignal(InControlShare);

    /// <summary>Designs the chart whose in-control ANSS first reaches a target: the smallest scaled decision interval H with
    /// ANSS(p0) ≥ <paramref name="targetInControlAnss"/>.</summary>
    /// <param name="inControlShare">p0, in (0, 1).</param>
    /// <param name="designShare">p1, in (p0, 1).</param>
    /// <param name="targetInControlAnss">The target in-control ANSS, at least 1.</param>
    /// <returns>The design.</returns>
    /// <exception cref="CxValidationException">A share is out of range, the target is NaN, infinite or below 1, or it needs
    /// more than <see cref="MaxStates"/> states (CX0518).</exception>
    public static BernoulliCusumDesign Create(double inControlShare, double designShare, double targetInControlAnss)
    {
        CheckShares(inControlShare, designShare);
        if (!double.IsFinite(targetInControlAnss) || targetInControlAnss < 1)
        {
            Fail("TargetInControlAnss", string.Create(CultureInfo.InvariantCulture, $"Expected a finite target in-control ANSS of at least 1 event, got {targetInControlAnss}."));
        }

        if (DesignCache.Count > 10_000)
        {
            DesignCache.Clear();
        }

        // Designs are immutable and many standards and windows share one: remember them.
        return DesignCache.GetOrAdd((inControlShare, designShare, targetInControlAnss), key =>
        {
            (int a, int m) = ScaledReference(key.P0, key.P1);
            return new BernoulliCusumDesign(key.P0, key.P1, a, m, SmallestInterval(key.P0, key.P1, key.Target, a, m));
        });
    }

    /// <summary>Designs the chart with a given decision interval in bad events, rounded up to the scale: H = ceil(h m).</summary>
    /// <param name="inControlShare">p0, in (0, 1).</param>
    /// <param name="designShare">p1, in (p0, 1).</param>
    /// <param name="decisionInterval">h, positive.</param>
    /// <returns>The design.</returns>
    /// <exception cref="CxValidationException">A share or the interval is out of range (CX0518).</exception>
    public static BernoulliCusumDesign WithDecisionInterval(double inControlShare, double designShare, double decisionInterval)
    {
        CheckShares(inControlShare, designShare);
        (int a, int m) = ScaledReference(inControlShare, designShare);
        if (!double.IsFinite(decisionInterval) || decisionInterval <= 0 || decisionInterval * m > StateLimit(m))
        {
            Fail("DecisionInterval", string.Create(CultureInfo.InvariantCulture, $"Expected a positive decision interval of at most {StateLimit(m) / (double)m:G4} bad events, got {decisionInterval}."));
        }

        return new BernoulliCusumDesign(inControlShare, designShare, a, m, (int)Math.Ceiling((decisionInterval * m) - 1e-9));
    }

    /// <summary>The average number of events to signal from a statistic of 0 when each event is bad with a given probability,
    /// exact for the integer-scaled chart.</summary>
    /// <param name="badShare">The probability that an event is bad, in [0, 1].</param>
    /// <returns>The ANSS; infinity for a share of 0 (the chart never signals).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="badShare"/> is NaN or outside [0, 1].</exception>
    public double AverageEventsToSignal(double badShare)
    {
        if (!(badShare >= 0 && badShare <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(badShare), badShare, string.Create(CultureInfo.InvariantCulture, $"Expected a bad share in [0, 1], got {badShare}."));
        }

        return Anss(badShare, ScaledReferenceValue, Scale, ScaledDecisionInterval);
    }

    /// <summary>The reference value γ of the sequential probability ratio test for p0 against p1.</summary>
    /// <param name="inControlShare">p0, in (0, 1).</param>
    /// <param name="designShare">p1, in (p0, 1).</param>
    /// <returns>γ, between p0 and p1.</returns>
    /// <exception cref="CxValidationException">A share is out of range (CX0518).</exception>
    public static double ReferenceValueFor(double inControlShare, double designShare)
    {
        CheckShares(inControlShare, designShare);
        return Math.Log((1 - inControlShare) / (1 - designShare)) / Math.Log(designShare * (1 - inControlShare) / (inControlShare * (1 - designShare)));
    }

    /// <inheritdoc/>
    public bool Equals(BernoulliCusumDesign? other) =>
        other is not null && InControlShare.Equals(other.InControlShare) && DesignShare.Equals(other.DesignShare)
        && ScaledReferenceValue == other.ScaledReferenceValue && Scale == other.Scale && ScaledDecisionInterval == other.ScaledDecisionInterval;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as BernoulliCusumDesign);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(InControlShare, DesignShare, ScaledReferenceValue, Scale, ScaledDecisionInterval);

    /// <summary>Tests two designs for equality; see <see cref="Equals(BernoulliCusumDesign?)"/>.</summary>
    /// <param name="left">The first design, or null.</param>
    /// <param name="right">The second design, or null.</param>
    /// <returns><see langword="true"/> when both are null or equal.</returns>
    public static bool operator ==(BernoulliCusumDesign? left, BernoulliCusumDesign? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Tests two designs for inequality.</summary>
    /// <param name="left">The first design, or null.</param>
    /// <param name="right">The second design, or null.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(BernoulliCusumDesign? left, BernoulliCusumDesign? right) => !(left == right);

    /// <summary>Returns a short description such as <c>p0 5% p1 10%, gamma 4/55, h 5.09 (280/55), ANSS0 3067</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"p0 {InControlShare * 100:0.###}% p1 {DesignShare * 100:0.###}%, gamma {ScaledReferenceValue}/{Scale}, h {DecisionInterval:0.##} ({ScaledDecisionInterval}/{Scale}), ANSS0 {InControlAnss:0}");

    /// <summary>The smallest denominator m up to 1000 whose nearest fraction a/m is within 1% of γ (the best fraction when
    /// none is).</summary>
    internal static (int A, int M) ScaledReference(double p0, double p1)
    {
        double gamma = ReferenceValueFor(p0, p1);
        (int A, int M, double Error) best = (1, 1, double.MaxValue);
        for (int m = 1; m <= MaxScale; m++)
        {
            int a = Math.Max(1, (int)Math.Round(gamma * m));
            if (a >= m)
            {
                continue;
            }

            double error = Math.Abs(((double)a / m) - gamma) / gamma;
            if (error <= 0.01)
            {
                return (a, m);
            }

            if (error < best.Error)
            {
                best = (a, m, error);
            }
        }

        return (best.A, best.M);
    }

    /// <summary>The ANSS from state 0 of the scaled chain: up by m - a with probability p, down by a (floored at 0) otherwise,
    /// absorbed at H or above.</summary>
    internal static double Anss(double p, int a, int m, int states)
    {
        if (p <= 0)
        {
            return double.PositiveInfinity;
        }

        int up = m - a;
        if (up >= states)
        {
            return 1 / p; // every bad event signals
        }

        // Band storage of I - Q: row s holds columns s - a .. s + up at offsets 0 .. a + up.
        int width = a + up + 1;
        double[] band = new double[(long)states * width];
        double[] rhs = new double[states];
        for (int s = 0; s < states; s++)
        {
            int row = s * width;
            band[row + a] += 1;
            int down = Math.Max(0, s - a);
            band[row + a + (down - s)] -= 1 - p;
            if (s + up < states)
            {
                band[row + a + up] -= p;
            }

            rhs[s] = 1;
        }

        for (int k = 0; k < states; k++)
        {
            double pivot = band[(k * width) + a];
            int lastRow = Math.Min(states - 1, k + a);
            int lastColumn = Math.Min(states - 1, k + up);
            for (int i = k + 1; i <= lastRow; i++)
            {
                int rowI = i * width;
                double factor = band[rowI + a + (k - i)] / pivot;
                if (factor == 0)
                {
                    continue;
                }

                int rowK = k * width;
                for (int j = k; j <= lastColumn; j++)
                {
                    band[rowI + a + (j - i)] -= factor * band[rowK + a + (j - k)];
                }

                rhs[i] -= factor * rhs[k];
            }
        }

        for (int i = states - 1; i >= 0; i--)
        {
            int row = i * width;
            double sum = rhs[i];
            int lastColumn = Math.Min(states - 1, i + up);
            for (int j = i + 1; j <= lastColumn; j++)
            {
                sum -= band[row + a + (j - i)] * rhs[j];
            }

            rhs[i] = sum / band[row + a];
        }

        return rhs[0];
    }

    /// <summary>The in-control ANSS of a chain, remembered: designs for many standards and windows share few chains.</summary>
    private static double InControl(double p0, int a, int m, int states)
    {
        if (AnssCache.Count > 100_000)
        {
            AnssCache.Clear();
        }

        return AnssCache.GetOrAdd((p0, a, m, states), key => Anss(key.P0, key.A, key.M, key.States));
    }

    private static int SmallestInterval(double p0, double p1, double target, int a, int m)
    {
        // ANSS(p0) grows with H: double until the target is reached, then bisect.
        int low = 0;
        int high = Math.Max(1, m - a);
        while (InControl(p0, a, m, high) < target)
        {
            low = high;
            if (high >= StateLimit(m))
            {
                Fail("TargetInControlAnss", string.Create(CultureInfo.InvariantCulture,
                    $"Expected a target in-control ANSS the chart can reach with at most {StateLimit(m)} states, got {target:G6} for p0 {p0:G4} and p1 {p1:G4}. Lower the target or raise the design share."));
            }

            high = (int)Math.Min(StateLimit(m), (long)high * 2);
        }

        while (high - low > 1)
        {
            int middle = low + ((high - low) / 2);
            if (InControl(p0, a, m, middle) >= target)
            {
                high = middle;
            }
            else
            {
                low = middle;
            }
        }

        return high;
    }

    /// <summary>The most states a chart of scale m may have: <see cref="MaxStates"/>, or fewer where the band matrix of its
    /// ANSS would pass <see cref="MaxBandCells"/>.</summary>
    private static int StateLimit(int m) => (int)Math.Min(MaxStates, MaxBandCells / (m + 1));

    private static void CheckShares(double p0, double p1)
    {
        if (!(p0 > 0 && p0 < 1) || !(p1 > p0 && p1 < 1))
        {
            Fail("InControlShare/DesignShare", string.Create(CultureInfo.InvariantCulture, $"Expected 0 < in-control share < design share < 1, got {p0} and {p1}."));
        }
    }

    private static void Fail(string field, string message)
    {
        var failures = new FailureCollector();
        failures.Add(null, "Bernoulli CUSUM design", field, CxErrorCodes.EarlyWarningDetectorInvalid, message);
        failures.ThrowIfAny("Bernoulli CUSUM design");
    }
}
