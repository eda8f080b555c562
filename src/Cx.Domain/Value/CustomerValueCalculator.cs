using System.Globalization;
using Cx.Domain.Assets;
using Cx.Domain.Internal;
using Cx.Domain.Validation;

namespace Cx.Domain.Value;

/// <summary>Turns a purchase model and a spend model into money: each customer's discounted expected residual value (CLV
/// from now on), the customers at risk, and the value of lost customers measured forward.</summary>
/// <remarks>
/// <para><b>Residual value (discrete sum).</b> With L = one step in the summaries' time unit (a year of 365.25 days, or
/// 365.25/7 weeks, over <see cref="CustomerValueOptions.PeriodsPerYear"/>), the per-step rate d = (1 + annual)^(1/steps)
/// − 1 and E_k = E[Y(kL) | x, t_x, T], a customer's residual value is margin × spend × Σ_{k=1..H} (E_k − E_{k−1}) / (1 + d)^k:
/// each step's expected purchases, paid at the step's end.</para>
/// <para><b>Closed form.</b> Where the model has one (Pareto/NBD), also margin × spend × DERT(δ) with δ = ln(1 + annual)
/// per year, continuous discounting over an infinite horizon (Fader, Hardie and Lee 2005, "RFM and CLV").</para>
/// <para><b>Spend.</b> The Gamma-Gamma conditional expectation when a spend model is given; otherwise the customer's observed
/// mean repeat spend, and for customers without a repeat purchase the mean over those with one.</para>
/// <para>Stateless and thread-safe; customers are scored in parallel blocks, each customer independently, so the result does
/// not depend on the number of threads or on the order of the customers. The discounted sum if alive depends on (x, T)
/// only and is computed once per distinct pair in a block.</para>
/// </remarks>
public sealed class CustomerValueCalculator
{
    /// <summary>Scores every customer of a summary set.</summary>
    /// <param name="model">The purchase model (fitted on these summaries' time unit).</param>
    /// <param name="spendModel">The spend model, or null for observed mean spend.</param>
    /// <param name="summaries">The customers.</param>
    /// <param name="options">Discounting, horizon and margin; defaults when null.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> or <paramref name="summaries"/> is null.</exception>
    /// <exception cref="CxValidationException">The options are invalid (CX0910), or a customer's value or the total is beyond
    /// the range of a double (CX0914: spends near the largest double; nothing infinite is reported).</exception>
    /// <exception cref="InvalidOperationException">The spend model's q is at most 1 (no finite expected spend).</exception>
    public CustomerValueReport Calculate(PurchaseModel model, GammaGammaParameters? spendModel, CustomerSummarySet summaries, CustomerValueOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(summaries);
        options ??= new CustomerValueOptions();
        Validate(options);
        if (spendModel is { Q: <= 1 })
        {
            // Refused here, before the parallel blocks (which would wrap it in an AggregateException).
            _ = spendModel.ConditionalExpectedSpend(0, 0);
        }

        double unitsPerYear = summaries.TimeUnit == ValueTimeUnit.Days ? 365.25 : 365.25 / 7;
        double step = unitsPerYear / options.PeriodsPerYear;
        double perStep = Math.Pow(1 + options.AnnualDiscountRate, 1.0 / options.PeriodsPerYear) - 1;
        double delta = Math.Log(1 + options.AnnualDiscountRate) / unitsPerYear;
        IReadOnlyList<CustomerSummary> list = summaries.Summaries;
        double[] observed = list.Where(s => s.Frequency > 0).Select(s => s.MeanRepeatSpend).ToArray();
        double fallbackSpend = observed.Length == 0 ? 0 : observed.Average();
        var values = new CustomerValue[list.Count];
        double[] discount = new double[options.HorizonPeriods + 1];
        for (int k = 1; k <= options.HorizonPeriods; k++)
        {
            discount[k] = Math.Pow(1 + perStep, -k);
        }

        // The value if alive depends on (x, T) only (both models' conditional expectation if alive ignores t_x): it is
        // computed once per distinct pair in each block, and blocks are few and large so the caches are reused.
        int blockSize = PurchaseModel.LargeBlock(list.Count);
        Parallel.For(0, (list.Count + blockSize - 1) / blockSize, block =>
        {
            var cache = new Dictionary<FrequencyAge, (double Discounted, double Purchases)>();
            for (int i = block * blockSize; i < Math.Min(list.Count, (block + 1) * blockSize); i++)
            {
                CustomerSummary s = list[i];
                double spend = spendModel is not null ? spendModel.ConditionalExpectedSpend(s.Frequency, s.MeanRepeatSpend)
                    : s.Frequency > 0 ? s.MeanRepeatSpend : fallbackSpend;
                double alive = model.ProbabilityAlive(s.Frequency, s.Recency, s.Age);
                var key = new FrequencyAge(s.Frequency, s.Age);
                if (!cache.TryGetValue(key, out (double Discounted, double Purchases) ifAliveSum))
                {
                    double previous = 0;
                    double discounted = 0;
                    for (int k = 1; k <= options.HorizonPeriods; k++)
                    {
                        double cumulative = model.ExpectedPurchasesIfAlive(s.Frequency, s.Recency, s.Age, k * step);
                        discounted += (cumulative - previous) * discount[k];
                        previous = cumulative;
                    }

                    ifAliveSum = (discounted, previous);
                    cache.Add(key, ifAliveSum);
                }

                double ifAlive = options.Margin * spend * ifAliveSum.Discounted;
                double? closed = model.HasClosedFormDert && delta > 0
                    ? options.Margin * spend * model.DiscountedExpectedResidualPurchases(s.Frequency, s.Recency, s.Age, delta)
                    : null;
                values[i] = new CustomerValue(s, alive, ifAliveSum.Purchases * alive, spend, ifAlive * alive, ifAlive, closed);
            }
        });

        ThrowIfNotFinite(values);
        return new CustomerValueReport(model.Name, spendModel is null ? "observed mean" : "Gamma-Gamma", summaries.Currency, summaries.TimeUnit,
            options.AnnualDiscountRate, options.PeriodsPerYear, options.HorizonPeriods, options.Margin, values);
    }

    /// <summary>Draws up the list of customers at risk.</summary>
    /// <param name="values">The customers' values.</param>
    /// <param name="options">Selection, threshold and list size; defaults when null.</param>
    /// <returns>The customers at risk, ranked, with totals by segment.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    /// <exception cref="CxValidationException">The options are invalid (CX0910).</exception>
    public CustomersAtRisk FindAtRisk(CustomerValueReport values, AtRiskOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        options ??= new AtRiskOptions();
        var failures = new FailureCollector();
        if (options.Selection is not (AtRiskSelection.ProbabilityAliveBelowThreshold or AtRiskSelection.LargestValueDrop))
        {
            failures.Add(null, "at-risk options", "Selection", CxErrorCodes.ValueOptionsInvalid, string.Create(CultureInfo.InvariantCulture, $"Expected ProbabilityAliveBelowThreshold or LargestValueDrop, got {options.Selection}."));
        }

        if (!(options.ProbabilityAliveThreshold > 0 && options.ProbabilityAliveThreshold <= 1))
        {
            failures.Add(null, "at-risk options", "ProbabilityAliveThreshold", CxErrorCodes.ValueOptionsInvalid,
                string.Create(CultureInfo.InvariantCulture, $"Expected a P(alive) threshold above 0 and at most 1, got {options.ProbabilityAliveThreshold.ToString("R", CultureInfo.InvariantCulture)}."));
        }

        if (options.MaxCustomers < 1)
        {
            failures.Add(null, "at-risk options", "MaxCustomers", CxErrorCodes.ValueOptionsInvalid, string.Create(CultureInfo.InvariantCulture, $"Expected a list size of at least 1, got {options.MaxCustomers}."));
        }

        failures.ThrowIfAny("at-risk options");
        bool byThreshold = options.Selection == AtRiskSelection.ProbabilityAliveBelowThreshold;
        CustomerValue[] selected = values.Customers
            .Where(c => byThreshold ? c.ProbabilityAlive < options.ProbabilityAliveThreshold : c.ValueAtRisk > 0)
            .OrderByDescending(c => c.ValueAtRisk).ThenBy(c => c.Customer)
            .ToArray();
        SegmentAtRisk[] segments = selected
            .GroupBy(c => c.Segment, StringComparer.Ordinal)
            .Select(g => new SegmentAtRisk(g.Key, g.Count(), g.Sum(c => c.ValueAtRisk), g.Sum(c => c.ResidualValue)))
            .OrderByDescending(s => s.ValueAtRisk).ThenBy(s => s.Segment is null).ThenBy(s => s.Segment, StringComparer.Ordinal)
            .ToArray();
        return new CustomersAtRisk(options.Selection, byThreshold ? options.ProbabilityAliveThreshold : double.NaN, selected.Length,
            selected.Sum(c => c.ValueAtRisk), selected.Sum(c => c.ResidualValue), selected.Take(options.MaxCustomers).ToArray(), segments);
    }

    /// <summary>Sets the value of the customers the asset bridge lost beside what they were still expected to be worth: for
    /// each period, the churned customers' value measured backward (the bridge's lost value) and forward (their residual
    /// value if retained, the residual value still expected, and the difference — the expected residual value lost).</summary>
    /// <param name="movements">Customer movements, such as <see cref="AssetMovementCalculator.CustomerMovements"/>; only
    /// <see cref="MovementClass.Churned"/> ones are read.</param>
    /// <param name="values">The customers' values (scored as of the end of the bridge's data).</param>
    /// <param name="minorUnitsPerMajorUnit">Minor units in a major unit of the movements' values (100 for dollars), to put
    /// the backward value in the same unit as the forward one.</param>
    /// <returns>One row per period with churn, in period order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="movements"/> or <paramref name="values"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minorUnitsPerMajorUnit"/> is below 1.</exception>
    /// <exception cref="ArgumentException"><paramref name="movements"/> holds a null movement.</exception>
    public IReadOnlyList<LostValue> LostValueForward(IEnumerable<CustomerMovement> movements, CustomerValueReport values, long minorUnitsPerMajorUnit)
    {
        ArgumentNullException.ThrowIfNull(movements);
        ArgumentNullException.ThrowIfNull(values);
        if (minorUnitsPerMajorUnit < 1)
        {
            // The message is built here: the runtime's own would format the value in the current culture.
            throw new ArgumentOutOfRangeException(nameof(minorUnitsPerMajorUnit), string.Create(CultureInfo.InvariantCulture, $"Expected 1 or more minor units in a major unit (100 for dollars), got {minorUnitsPerMajorUnit}."));
        }

        var byCustomer = values.Customers.ToDictionary(c => c.Customer);
        CustomerMovement[] all = [.. movements];
        int missing = Array.IndexOf(all, null);
        if (missing >= 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Expected customer movements, got null at position {missing}."), nameof(movements));
        }

        return all.Where(m => m.Class == MovementClass.Churned)
            .GroupBy(m => m.Period)
            .OrderBy(g => g.Key.Index)
            .Select(g =>
            {
                CustomerValue[] scored = g.Select(m => byCustomer.GetValueOrDefault(m.Customer)).OfType<CustomerValue>().ToArray();
                return new LostValue(g.Key, g.Count(), g.Sum(m => (double)m.PreviousValue) / minorUnitsPerMajorUnit,
                    scored.Sum(c => c.ResidualValueIfAlive), scored.Sum(c => c.ResidualValue), g.Count() - scored.Length);
            })
            .ToArray();
    }

    /// <summary>Refuses values beyond the range of a double (CX0914), for a customer or in the totals, rather than report
    /// infinities.</summary>
    private static void ThrowIfNotFinite(CustomerValue[] values)
    {
        var failures = new FailureCollector();
        double total = 0;
        double totalIfAlive = 0;
        double? totalClosed = 0;
        foreach (CustomerValue v in values)
        {
            if (!double.IsFinite(v.ResidualValueIfAlive) || !double.IsFinite(v.ResidualValue) || v.ClosedFormValue is { } c && !double.IsFinite(c))
            {
                if (failures.Count < 20)
                {
                    failures.Add(null, string.Create(CultureInfo.InvariantCulture, $"customer '{v.Customer}'"), "ResidualValue", CxErrorCodes.CustomerValueNotFinite,
                        string.Create(CultureInfo.InvariantCulture, $"Expected a finite residual value, got {(double.IsNaN(v.ResidualValueIfAlive) ? "no number (the model's series did not settle at this horizon)" : "an overflow")} (expected spend {v.ExpectedSpend.ToString("R", CultureInfo.InvariantCulture)} per purchase). Check the spends' unit (major units: dollars, not cents) and the horizon."));
                }

                continue;
            }

            total += v.ResidualValue;
            totalIfAlive += v.ResidualValueIfAlive;
            totalClosed = v.ClosedFormValue is { } closed ? totalClosed + closed : null;
        }

        if (!failures.Any && (!double.IsFinite(total) || !double.IsFinite(totalIfAlive) || totalClosed is { } t && !double.IsFinite(t)))
        {
            failures.Add(null, "customer values", "TotalResidualValue", CxErrorCodes.CustomerValueNotFinite,
                "Expected the customers' total residual value within the range of a double, got an overflow. Check the spends' unit (major units: dollars, not cents).");
        }

        failures.ThrowIfAny("customer values");
    }

    private static void Validate(CustomerValueOptions options)
    {
        var failures = new FailureCollector();
        const string What = "customer value options";
        if (!(options.AnnualDiscountRate >= 0) || !double.IsFinite(options.AnnualDiscountRate))
        {
            failures.Add(null, What, "AnnualDiscountRate", CxErrorCodes.ValueOptionsInvalid,
                string.Create(CultureInfo.InvariantCulture, $"Expected a finite yearly discount rate of 0 or more (0.10 for 10%), got {options.AnnualDiscountRate.ToString("R", CultureInfo.InvariantCulture)}."));
        }

        if (options.PeriodsPerYear is < 1 or > 366)
        {
            failures.Add(null, What, "PeriodsPerYear", CxErrorCodes.ValueOptionsInvalid, string.Create(CultureInfo.InvariantCulture, $"Expected 1 to 366 steps a year, got {options.PeriodsPerYear}."));
        }

        if (options.HorizonPeriods is < 1 or > 10_000)
        {
            failures.Add(null, What, "HorizonPeriods", CxErrorCodes.ValueOptionsInvalid, string.Create(CultureInfo.InvariantCulture, $"Expected a horizon of 1 to 10000 steps, got {options.HorizonPeriods}."));
        }
        else if (options.PeriodsPerYear is >= 1 and <= 366 && options.HorizonPeriods > CustomerValueOptions.MaxHorizonYears * options.PeriodsPerYear)
        {
            failures.Add(null, What, "HorizonPeriods", CxErrorCodes.ValueOptionsInvalid,
                string.Create(CultureInfo.InvariantCulture, $"Expected a horizon of at most {CustomerValueOptions.MaxHorizonYears} years ({CustomerValueOptions.MaxHorizonYears * options.PeriodsPerYear} steps of {options.PeriodsPerYear} a year), got {options.HorizonPeriods} steps. Beyond that the models' expectations are extrapolation, and the closed-form value (infinite horizon) is the figure to read."));
        }

        if (!(options.Margin > 0 && options.Margin <= 1))
        {
            failures.Add(null, What, "Margin", CxErrorCodes.ValueOptionsInvalid,
                string.Create(CultureInfo.InvariantCulture, $"Expected a margin above 0 and at most 1, got {options.Margin.ToString("R", CultureInfo.InvariantCulture)}."));
        }

        failures.ThrowIfAny(What);
    }
}
