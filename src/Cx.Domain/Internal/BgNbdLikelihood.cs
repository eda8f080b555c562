using Cx.Domain.Value;

namespace Cx.Domain.Internal;

/// <summary>The BG/NBD log-likelihood of grouped summaries and its analytic gradient with respect to ln r, ln α, ln a, ln b.</summary>
/// <remarks>Per customer, with u = −(r + x) ln(α + T), v = ln a − ln(b + x − 1) − (r + x) ln(α + t_x) (x &gt; 0 only):
/// LL = ln Γ(r + x) − ln Γ(r) + r ln α + ln B(a, b + x) − ln B(a, b) + ln(eᵘ + eᵛ). The gamma-function differences depend
/// on x only and are tabulated per evaluation by their recurrences (ln Γ(c + x + 1) = ln Γ(c + x) + ln(c + x),
/// ψ(c + x + 1) = ψ(c + x) + 1/(c + x)), so each customer costs a few logarithms.</remarks>
internal sealed class BgNbdLikelihood
{
    /// <summary>From this r the likelihood carries r ln α into its two terms as ratios.</summary>
    private const double RatioShape = 1e6;

    private readonly SummaryGroups _groups;

    public BgNbdLikelihood(SummaryGroups groups) => _groups = groups;

    public double Evaluate(double[] logParameters, double[]? gradient)
    {
        double r = Math.Exp(logParameters[0]);
        double alpha = Math.Exp(logParameters[1]);
        double a = Math.Exp(logParameters[2]);
        double b = Math.Exp(logParameters[3]);
        int max = _groups.MaxFrequency;
        double[] gammaR = new double[max + 1];
        double[] betaPart = new double[max + 1];
        double[] psiR = new double[max + 1];
        double[] psiAb = new double[max + 1];
        double[] psiB = new double[max + 1];
        for (int x = 0; x < max; x++)
        {
            gammaR[x + 1] = gammaR[x] + Math.Log(r + x);
            betaPart[x + 1] = betaPart[x] + Math.Log(b + x) - Math.Log(a + b + x);
            psiR[x + 1] = psiR[x] + (1 / (r + x));
            psiAb[x + 1] = psiAb[x] - (1 / (a + b + x));
            psiB[x + 1] = psiB[x] + (1 / (b + x));
        }

        double logAlpha = Math.Log(alpha);

        // From r = 1e6 on, r ln α and (r + x) ln(α + T) are carried as −r ln(1 + T/α): at r near 1e300 they cancelled to
        // nothing (a fit started there reported a log-likelihood of 0). Below, the absolute form, as the fits were tuned on.
        bool ratios = r > RatioShape;
        SummaryGroups g = _groups;
        double total = g.Sum((from, to, grad) =>
        {
            double sum = 0;
            double dr = 0, dAlpha = 0, da = 0, db = 0;
            for (int i = from; i < to; i++)
            {
                int x = g.Frequency[i];
                double w = g.Weight[i];
                double logT = Math.Log(alpha + g.Age[i]);
                double u = ratios ? (-r * SpecialFunctions.Log1PRatio(g.Age[i], alpha)) - (x * logT) : -(r + x) * logT;
                double lse = u;
                double p = 0;
                double logTx = 0;
                if (x > 0)
                {
                    logTx = Math.Log(alpha + g.Recency[i]);
                    double v = ratios
                        ? Math.Log(a) - Math.Log(b + (x - 1)) - (r * SpecialFunctions.Log1PRatio(g.Recency[i], alpha)) - (x * logTx)
                        : Math.Log(a) - Math.Log(b + x - 1) - ((r + x) * logTx);
                    lse = SpecialFunctions.LogAddExp(u, v);
                    p = Math.Exp(v - lse);
                }

                sum += w * (gammaR[x] + (ratios ? 0 : r * logAlpha) + betaPart[x] + lse);
                if (grad is not null)
                {
                    dr += w * (psiR[x] + logAlpha - ((1 - p) * logT) - (p * logTx));
                    dAlpha += w * ((r / alpha) - ((r + x) * (((1 - p) / (alpha + g.Age[i])) + (x > 0 ? p / (alpha + g.Recency[i]) : 0))));
                    da += w * (psiAb[x] + (p / a));
                    db += w * (psiAb[x] + psiB[x] - (x > 0 ? p / (b + x - 1) : 0));
                }
            }

            if (grad is not null)
            {
                grad[0] = dr * r;
                grad[1] = dAlpha * alpha;
                grad[2] = da * a;
                grad[3] = db * b;
            }

            return sum;
        }, gradient);
        return double.IsFinite(total) ? total : double.NaN;
    }
}
