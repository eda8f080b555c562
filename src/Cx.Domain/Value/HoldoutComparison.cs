using Cx.Domain.Internal;
using Cx.Domain.Validation;

namespace Cx.Domain.Value;

/// <summary>How well a purchase model fitted on the calibration period predicts the holdout period: actual against
/// expected cumulative purchases at the end of every holdout step (week or day).</summary>
/// <remarks>Two expectations, as in Fader, Hardie and Lee (2005): the conditional one (each customer's E[Y(k) | x, t_x, T],
/// summed) and the unconditional tracking of the whole cohort from each customer's first purchase (their Figure 4).
/// Immutable.</remarks>
public sealed class HoldoutComparison
{
    private HoldoutComparison(string modelName, IReadOnlyList<HoldoutStep> steps)
    {
        ModelName = modelName;
        Steps = steps;
    }

    /// <summary>Gets the model's name.</summary>
    public string ModelName { get; }

    /// <summary>Gets the steps, k = 1 to the holdout length.</summary>
    public IReadOnlyList<HoldoutStep> Steps { get; }

    /// <summary>Gets the last step: the whole holdout period.</summary>
    public HoldoutStep Total => Steps[^1];

    /// <summary>Gets the largest relative gap |tracked − actual| / actual of the unconditional tracking over the steps.</summary>
    public double MaxTrackingError => Steps.Max(s => Math.Abs(s.TrackedCumulative - s.ActualCumulativeSinceFirstPurchase) / Math.Max(1, s.ActualCumulativeSinceFirstPurchase));

    /// <summary>Compares a model's expectations with a summary set's holdout purchases.</summary>
    /// <param name="model">The model fitted on the calibration period.</param>
    /// <param name="summaries">Summaries built from records with a holdout period (<see cref="CustomerSummarySet.FromRecords"/>).</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="CxValidationException">The summaries have no holdout period (CX0907).</exception>
    public static HoldoutComparison Compare(PurchaseModel model, CustomerSummarySet summaries)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(summaries);
        IReadOnlyList<long> perStep = summaries.HoldoutPurchasesPerStep;
        if (perStep.Count == 0)
        {
            var failures = new FailureCollector();
            failures.Add(null, "customer summaries", "HoldoutEnd", CxErrorCodes.ValueInputEmpty,
                "Expected summaries with a holdout period, got none. Build them with CustomerSummarySet.FromRecords and a CalibrationEnd before the last purchase.");
            failures.ThrowIfAny("customer summaries");
        }

        IReadOnlyList<CustomerSummary> list = summaries.Summaries;
        int steps = perStep.Count;
        int blocks = (list.Count + 1023) / 1024;
        double[][] blockExpected = new double[blocks][];
        double[][] blockTracked = new double[blocks][];
        Parallel.For(0, blocks, block =>
        {
            // Step by step over the block's customers: the bulk scoring computes each distinct (x, T)'s part once (the
            // same numbers as the scalar method, bit for bit), and a new customer's expectation depends on the age alone.
            // Each step's sum still adds the customers in order. At fitted parameters whose expectation takes the integral
            // (0.4 to 0.9 ms a call) this is what keeps a holdout of a few hundred steps from taking minutes.
            int from = block * 1024;
            int to = Math.Min(list.Count, from + 1024);
            double[] e = new double[steps];
            double[] u = new double[steps];
            double[] values = new double[to - from];
            var newCustomer = new Dictionary<double, double>();
            ReadOnlySpan<CustomerSummary> part = summaries.AsSpan()[from..to];
            for (int k = 1; k <= steps; k++)
            {
                double t = Math.Min(k, summaries.HoldoutLength);
                model.ExpectedPurchases(part, t, values);
                newCustomer.Clear();
                double expectedSum = 0;
                double trackedSum = 0;
                for (int i = 0; i < part.Length; i++)
                {
                    expectedSum += values[i];
                    double age = part[i].Age;
                    if (!newCustomer.TryGetValue(age, out double fresh))
                    {
                        fresh = model.ExpectedPurchasesNewCustomer(age + t);
                        newCustomer.Add(age, fresh);
                    }

                    trackedSum += fresh;
                }

                e[k - 1] = expectedSum;
                u[k - 1] = trackedSum;
            }

            blockExpected[block] = e;
            blockTracked[block] = u;
        });

        // Reduced in block order: the same sums on any number of threads.
        double[] expected = new double[steps];
        double[] tracked = new double[steps];
        for (int block = 0; block < blocks; block++)
        {
            for (int k = 0; k < steps; k++)
            {
                expected[k] += blockExpected[block][k];
                tracked[k] += blockTracked[block][k];
            }
        }

        long calibration = summaries.TotalRepeatPurchases;
        long cumulative = 0;
        var rows = new HoldoutStep[steps];
        for (int k = 0; k < steps; k++)
        {
            cumulative += perStep[k];
            rows[k] = new HoldoutStep(k + 1, cumulative, expected[k], tracked[k], calibration + cumulative);
        }

        return new HoldoutComparison(model.Name, rows);
    }
}
