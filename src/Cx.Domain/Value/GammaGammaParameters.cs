using System.Globalization;
using Cx.Domain.Internal;

namespace Cx.Domain.Value;

/// <summary>The Gamma-Gamma model of spend per transaction (Fader, Hardie and Lee 2005, "RFM and CLV", <i>Journal of
/// Marketing Research</i> 42(4); Fader and Hardie 2013, "The Gamma-Gamma model of monetary value"): a customer's
/// transaction values are Gamma(p, ν) around their mean p/ν, and ν ~ Gamma(q, γ) across customers.</summary>
/// <remarks>The likelihood of a customer's mean repeat spend m̄ over x transactions is equation 3 of the 2013 note:
/// ln f = q ln γ + (px − 1) ln m̄ + px ln x − (px + q) ln(γ + m̄ x) − ln B(px, q). It assumes spend is independent of the
/// purchase process (check the correlation of x and m̄ before relying on it).</remarks>
public sealed class GammaGammaParameters
{
    /// <summary>Initializes the parameters.</summary>
    /// <param name="p">Shape of each transaction's value.</param>
    /// <param name="q">Shape of the distribution of ν across customers.</param>
    /// <param name="gamma">Scale of the distribution of ν across customers.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not positive and finite.</exception>
    public GammaGammaParameters(double p, double q, double gamma)
    {
        P = Check(p, nameof(p));
        Q = Check(q, nameof(q));
        Gamma = Check(gamma, nameof(gamma));
    }

    /// <summary>Gets p, the shape of a transaction's value.</summary>
    public double P { get; }

    /// <summary>Gets q, the shape of the distribution of ν.</summary>
    public double Q { get; }

    /// <summary>Gets γ, the scale of the distribution of ν.</summary>
    public double Gamma { get; }

    /// <summary>Gets the mean spend per transaction across customers, pγ/(q − 1); infinite when q ≤ 1.</summary>
    public double PopulationMeanSpend => Q > 1 ? P * Gamma / (Q - 1) : double.PositiveInfinity;

    /// <summary>The log-likelihood of one customer's mean repeat spend.</summary>
    /// <param name="frequency">x, the number of transactions averaged (at least 1).</param>
    /// <param name="meanSpend">m̄, their mean value (positive).</param>
    /// <returns>The natural logarithm of the density of m̄; NaN when x &lt; 1 or m̄ ≤ 0.</returns>
    public double LogLikelihood(int frequency, double meanSpend) => LogLikelihood(P, Q, Gamma, frequency, meanSpend);

    /// <summary>The expected spend per transaction of a customer given x transactions with mean m̄ (equation 4 of the 2013
    /// note): a weighted mean of the population mean and m̄, (q − 1)/(px + q − 1) · pγ/(q − 1) + px/(px + q − 1) · m̄.</summary>
    /// <param name="frequency">x, at least 0 (0 gives the population mean).</param>
    /// <param name="meanSpend">m̄, at least 0 (ignored when x = 0).</param>
    /// <returns>E[M | p, q, γ, m̄, x].</returns>
    /// <exception cref="InvalidOperationException">q ≤ 1: the expectation does not exist.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="frequency"/> is negative, or <paramref name="meanSpend"/>
    /// is negative or not finite while <paramref name="frequency"/> is positive.</exception>
    public double ConditionalExpectedSpend(int frequency, double meanSpend)
    {
        if (frequency < 0 || (frequency > 0 && !(meanSpend >= 0 && double.IsFinite(meanSpend))))
        {
            throw new ArgumentOutOfRangeException(frequency < 0 ? nameof(frequency) : nameof(meanSpend), string.Create(CultureInfo.InvariantCulture,
                $"Expected x of 0 or more and a finite mean spend of 0 or more, got x = {frequency} and mean spend {meanSpend.ToString("R", CultureInfo.InvariantCulture)}."));
        }

        if (Q <= 1)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Expected q above 1 for a finite expected spend, got q = {Q.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}."));
        }

        double spent = Gamma + (frequency == 0 ? 0 : meanSpend * frequency);
        double px = P * frequency;
        double expected = spent * P / (px + Q - 1);

        // With p near double.MaxValue, p·x and (γ + m̄x)·p overflow to ∞/∞: the same ratio divided through by p.
        return double.IsNaN(expected) ? spent / (frequency + ((Q - 1) / P)) : expected;
    }

    /// <summary>Returns the parameters.</summary>
    /// <returns>For example <c>Gamma-Gamma p=6.25, q=3.744, gamma=15.44</c>.</returns>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Gamma-Gamma p={P:G4}, q={Q:G4}, gamma={Gamma:G4}");

    internal static double LogLikelihood(double p, double q, double gamma, int frequency, double meanSpend)
    {
        if (frequency < 1 || !(meanSpend > 0))
        {
            return double.NaN;
        }

        double px = p * frequency;
        return (q * Math.Log(gamma)) + ((px - 1) * Math.Log(meanSpend)) + (px * Math.Log(frequency)) - ((px + q) * Math.Log(gamma + (meanSpend * frequency)))
            - SpecialFunctions.LogBeta(px, q);
    }

    private static double Check(double value, string name) =>
        value > 0 && double.IsFinite(value) ? value
            : throw new ArgumentOutOfRangeException(name, value, string.Create(CultureInfo.InvariantCulture, $"Expected a positive finite value for {name}, got {value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}."));
}
