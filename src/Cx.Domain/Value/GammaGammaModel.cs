using System.Globalization;
using Cx.Domain.Internal;
using Cx.Domain.Validation;

namespace Cx.Domain.Value;

/// <summary>Fits the Gamma-Gamma spend model (<see cref="GammaGammaParameters"/>) to the repeat buyers of a summary set.</summary>
/// <remarks>
/// <para>Uses the customers with at least one repeat purchase (x ≥ 1), their x and mean repeat spend m̄; customers without
/// one carry no spend information for the model and are counted in <see cref="ModelFit{TParameters}.ObservationCount"/>'s
/// complement (the fit says how many it used). A repeat buyer with m̄ = 0 is an error (CX0905): the model needs positive
/// spend.</para>
/// <para>Default starting values: p = 1, q = 2, γ = mean m̄. On the CDNOW repeat-spend summary (the 946 customers of the
/// sample who bought again in the 39 weeks, same-day purchases merged, the mean of their repeat transactions' values)
/// it gives the published p = 6.25, q = 3.74, γ = 15.44, LL = −4055.92 (Fader and Hardie 2013).</para>
/// </remarks>
public static class GammaGammaModel
{
    private static readonly string[] Names = ["p", "q", "gamma"];

    /// <summary>Fits the model.</summary>
    /// <param name="summaries">The customers; only repeat buyers are used.</param>
    /// <param name="options">Starting values and iteration limit; defaults when null.</param>
    /// <returns>The fit; check <see cref="ModelFit{TParameters}.IsConverged"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="summaries"/> is null.</exception>
    /// <exception cref="CxValidationException">The options are invalid, there is no repeat buyer, or a repeat buyer has no spend.</exception>
    public static ModelFit<GammaGammaParameters> Fit(CustomerSummarySet summaries, ModelFitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        var failures = new FailureCollector();
        var buyers = new List<(int X, double M)>();
        for (int i = 0; i < summaries.CustomerCount; i++)
        {
            CustomerSummary s = summaries.Summaries[i];
            if (s.Frequency == 0)
            {
                continue;
            }

            if (!(s.MeanRepeatSpend > 0))
            {
                failures.Add(i, null, "MeanRepeatSpend", CxErrorCodes.SummarySpendInvalid,
                    string.Create(CultureInfo.InvariantCulture, $"Expected a positive mean repeat spend for customer '{s.Customer}' with {s.Frequency} repeat purchases, got 0. The Gamma-Gamma model needs positive spend; leave zero-value purchases out of the records."));
            }
            else
            {
                buyers.Add((s.Frequency, s.MeanRepeatSpend));
            }
        }

        if (buyers.Count == 0 && !failures.Any)
        {
            failures.Add(null, "customer summaries", "Frequency", CxErrorCodes.ValueInputEmpty, "Expected at least one customer with a repeat purchase, got none: there is no repeat spend to fit.");
        }

        failures.ThrowIfAny("customer summaries");
        buyers.Sort();

        // Buyers with the same (x, m̄) are evaluated once, weighted: the sum is in sorted order, independent of the input's.
        var groups = new List<(int X, double M, int Count)>();
        foreach ((int x, double m) in buyers)
        {
            if (groups.Count > 0 && groups[^1].X == x && groups[^1].M == m)
            {
                groups[^1] = (x, m, groups[^1].Count + 1);
            }
            else
            {
                groups.Add((x, m, 1));
            }
        }

        double[] start = FitRunner.Start(options, Names, [1, 2, buyers.Average(b => b.M)], "Gamma-Gamma fit options");
        double LogLikelihood(double[] logParameters, double[]? gradient)
        {
            double p = Math.Exp(logParameters[0]), q = Math.Exp(logParameters[1]), gamma = Math.Exp(logParameters[2]);
            double sum = 0;
            foreach ((int x, double m, int count) in groups)
            {
                sum += count * GammaGammaParameters.LogLikelihood(p, q, gamma, x, m);
            }

            return double.IsFinite(sum) ? sum : double.NaN;
        }

        return FitRunner.Run(LogLikelihood, start, analyticGradient: false, options, Names, buyers.Count, t => new GammaGammaParameters(t[0], t[1], t[2]));
    }
}
