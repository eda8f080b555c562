using System.Globalization;
using Cx.Domain.Internal;

namespace Cx.Domain.Value;

/// <summary>A fitted (or published) buy-till-you-die purchase model: scores customers from their summaries — the
/// probability that they are still alive, how many purchases to expect in a horizon, and the likelihood of their history.</summary>
/// <remarks>
/// <para>Implemented by <see cref="BgNbdParameters"/> and <see cref="ParetoNbdParameters"/>. Times are in the time unit
/// of the summaries the model was fitted on. Every method is a pure function of the parameters and its arguments;
/// instances are immutable and thread-safe.</para>
/// <para>Arguments are not re-validated on the hot path: pass summaries from a <see cref="CustomerSummarySet"/> (validated),
/// or check them with <see cref="Validation.CustomerSummaryValidator"/>. The methods' domain is a consistent customer
/// (x ≥ 0, 0 ≤ t_x ≤ T, t_x = 0 when x = 0) with times and horizons from 0 to <see cref="MaxTime"/>. A NaN or negative
/// horizon gives NaN; other arguments outside the domain give NaN or a number that means nothing, never an
/// exception.</para>
/// </remarks>
public abstract class PurchaseModel
{
    private protected PurchaseModel()
    {
    }

    /// <summary>Gets the model's short name, such as <c>BG/NBD</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Gets the parameter estimates as name and value pairs, in the model's order.</summary>
    public abstract IReadOnlyList<KeyValuePair<string, double>> Values { get; }

    /// <summary>Gets a value indicating whether the model has a closed-form discounted expected residual transactions
    /// (<see cref="DiscountedExpectedResidualPurchases(int, double, double, double)"/>).</summary>
    public virtual bool HasClosedFormDert => false;

    /// <summary>The log-likelihood of one customer's history under the model.</summary>
    /// <param name="frequency">x, repeat purchases.</param>
    /// <param name="recency">t_x.</param>
    /// <param name="age">T.</param>
    /// <returns>The natural logarithm of the likelihood.</returns>
    public abstract double LogLikelihood(int frequency, double recency, double age);

    /// <summary>The probability that the customer is still alive (has not dropped out) at the end of calibration.</summary>
    /// <param name="frequency">x, repeat purchases.</param>
    /// <param name="recency">t_x.</param>
    /// <param name="age">T.</param>
    /// <returns>A probability in [0, 1].</returns>
    public abstract double ProbabilityAlive(int frequency, double recency, double age);

    /// <summary>The expected number of purchases in (T, T + t] given the customer's history (the conditional expectation).</summary>
    /// <param name="frequency">x, repeat purchases.</param>
    /// <param name="recency">t_x.</param>
    /// <param name="age">T.</param>
    /// <param name="horizon">t, the length of the future period, at least 0.</param>
    /// <returns>The expected count, at least 0 and increasing in <paramref name="horizon"/>.</returns>
    public abstract double ExpectedPurchases(int frequency, double recency, double age, double horizon);

    /// <summary>The expected number of purchases in (T, T + t] if the customer is still alive at T; the conditional
    /// expectation is this times <see cref="ProbabilityAlive(int, double, double)"/>.</summary>
    /// <param name="frequency">x, repeat purchases.</param>
    /// <param name="recency">t_x.</param>
    /// <param name="age">T.</param>
    /// <param name="horizon">t, at least 0.</param>
    /// <returns>E[Y(t) | alive at T, x, t_x, T].</returns>
    public abstract double ExpectedPurchasesIfAlive(int frequency, double recency, double age, double horizon);

    /// <summary>The expected number of repeat purchases of a new customer in their first <paramref name="horizon"/> time units.</summary>
    /// <param name="horizon">t, at least 0.</param>
    /// <returns>E[X(t)].</returns>
    public abstract double ExpectedPurchasesNewCustomer(double horizon);

    /// <summary>The discounted expected residual transactions (DERT) under continuous discounting, where the model has a
    /// closed form (<see cref="HasClosedFormDert"/>).</summary>
    /// <param name="frequency">x, repeat purchases.</param>
    /// <param name="recency">t_x.</param>
    /// <param name="age">T.</param>
    /// <param name="continuousDiscountRate">δ per time unit, positive; for an annual rate d, δ = ln(1 + d) / units per year.</param>
    /// <returns>∫₀^∞ e^(−δt) dE[Y(t) | x, t_x, T].</returns>
    /// <exception cref="NotSupportedException">The model has no closed form.</exception>
    /// <exception cref="Validation.CxValidationException"><paramref name="continuousDiscountRate"/> is not positive and finite
    /// (CX0913).</exception>
    public virtual double DiscountedExpectedResidualPurchases(int frequency, double recency, double age, double continuousDiscountRate)
    {
        ValidateDiscountRate(continuousDiscountRate);
        throw new NotSupportedException(string.Create(CultureInfo.InvariantCulture, $"{Name} has no closed-form DERT; use the discrete sum of CustomerValueCalculator."));
    }

    /// <summary>Checks a DERT discount rate: positive and finite, else <see cref="Validation.CxValidationException"/> (CX0913).</summary>
    private protected static void ValidateDiscountRate(double continuousDiscountRate)
    {
        if (continuousDiscountRate > 0 && double.IsFinite(continuousDiscountRate))
        {
            return;
        }

        var failures = new FailureCollector();
        failures.Add(null, null, "continuousDiscountRate", Validation.CxErrorCodes.ScoringArgumentInvalid,
            string.Create(CultureInfo.InvariantCulture, $"Expected a positive finite continuous discount rate per time unit (ln(1 + annual rate) / units per year), got {continuousDiscountRate.ToString("R", CultureInfo.InvariantCulture)}."));
        failures.ThrowIfAny("DERT arguments");
    }

    /// <summary>The probability that the customer is alive.</summary>
    /// <param name="summary">The customer's summary.</param>
    /// <returns>A probability in [0, 1].</returns>
    public double ProbabilityAlive(in CustomerSummary summary) => ProbabilityAlive(summary.Frequency, summary.Recency, summary.Age);

    /// <summary>The expected purchases in (T, T + t] given the customer's summary.</summary>
    /// <param name="summary">The customer's summary.</param>
    /// <param name="horizon">t.</param>
    /// <returns>The expected count.</returns>
    public double ExpectedPurchases(in CustomerSummary summary, double horizon) =>
        ExpectedPurchases(summary.Frequency, summary.Recency, summary.Age, horizon);

    /// <summary>Scores many customers: P(alive) of each, written to <paramref name="destination"/>. Large inputs are scored
    /// on all cores in blocks (each customer independently, so the result is the same on any number of threads).</summary>
    /// <param name="summaries">The summaries.</param>
    /// <param name="destination">Receives one probability per summary; at least as long as <paramref name="summaries"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short.</exception>
    public void ProbabilityAlive(ReadOnlySpan<CustomerSummary> summaries, Span<double> destination)
    {
        CheckLength(summaries.Length, destination.Length, nameof(destination));
        using var columns = new SummaryColumns(summaries);
        ProbabilityAlive(columns.Frequency, columns.Recency, columns.Age, destination);
    }

    /// <summary>Scores many customers: the expected purchases in (T, T + t] of each, written to <paramref name="destination"/>.
    /// Large inputs are scored on all cores in blocks (the same result on any number of threads).</summary>
    /// <param name="summaries">The summaries.</param>
    /// <param name="horizon">t.</param>
    /// <param name="destination">Receives one expectation per summary; at least as long as <paramref name="summaries"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short.</exception>
    public void ExpectedPurchases(ReadOnlySpan<CustomerSummary> summaries, double horizon, Span<double> destination)
    {
        CheckLength(summaries.Length, destination.Length, nameof(destination));
        using var columns = new SummaryColumns(summaries);
        ExpectedPurchases(columns.Frequency, columns.Recency, columns.Age, horizon, destination);
    }

    /// <summary>Columnar scoring: P(alive) of the customers given as columns x, t_x and T, written to
    /// <paramref name="destination"/>. The fastest way to score many customers: the parameter-only terms are computed once,
    /// nothing is allocated per customer, and inputs of <see cref="ParallelThreshold"/> customers or more are scored on
    /// all cores in blocks.</summary>
    /// <param name="frequency">x of each customer.</param>
    /// <param name="recency">t_x of each customer.</param>
    /// <param name="age">T of each customer.</param>
    /// <param name="destination">Receives one probability per customer.</param>
    /// <exception cref="ArgumentException">The columns differ in length, or <paramref name="destination"/> is shorter.</exception>
    public void ProbabilityAlive(ReadOnlySpan<int> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> age, Span<double> destination) =>
        Pinned(frequency, recency, age, destination, 16_384, ScoreProbabilityAlive);

    /// <summary>Columnar scoring: the expected purchases in (T, T + t] of the customers given as columns x, t_x and T,
    /// written to <paramref name="destination"/>. The terms that depend on (x, T) only are computed once per distinct pair
    /// on each thread; inputs of <see cref="ParallelThreshold"/> customers or more are scored on all cores in blocks.</summary>
    /// <param name="frequency">x of each customer.</param>
    /// <param name="recency">t_x of each customer.</param>
    /// <param name="age">T of each customer.</param>
    /// <param name="horizon">t.</param>
    /// <param name="destination">Receives one expectation per customer.</param>
    /// <exception cref="ArgumentException">The columns differ in length, or <paramref name="destination"/> is shorter.</exception>
    public void ExpectedPurchases(ReadOnlySpan<int> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> age, double horizon, Span<double> destination) =>
        // Few large blocks: each keeps one cache of the (x, T) terms.
        Pinned(frequency, recency, age, destination, LargeBlock(frequency.Length), (block, from, to) => ScoreExpectedPurchases(block, horizon, from, to));

    /// <summary>Checks the columns, pins them and scores them in blocks of <paramref name="blockSize"/> rows (on all cores
    /// for large inputs).</summary>
    private unsafe void Pinned(ReadOnlySpan<int> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> age, Span<double> destination, int blockSize, Action<ColumnBlock, int, int> score)
    {
        CheckColumns(frequency.Length, recency.Length, age.Length, destination.Length);
        fixed (int* px = frequency)
        fixed (double* ptx = recency)
        fixed (double* pt = age)
        fixed (double* pd = destination)
        {
            var block = new ColumnBlock((nint)px, (nint)ptx, (nint)pt, (nint)pd);
            InBlocks(frequency.Length, (from, to) => score(block, from, to), blockSize);
        }
    }

    /// <summary>Gets the input size from which the bulk scoring methods use all cores.</summary>
    public static int ParallelThreshold => 32_768;

    /// <summary>Scores P(alive) of rows [from, to) of a pinned column block; the default calls the scalar method.</summary>
    private protected virtual unsafe void ScoreProbabilityAlive(ColumnBlock block, int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            block.Destination[i] = ProbabilityAlive(block.Frequency[i], block.Recency[i], block.Age[i]);
        }
    }

    /// <summary>Scores the expected purchases of rows [from, to) of a pinned column block; the default calls the scalar method.</summary>
    private protected virtual unsafe void ScoreExpectedPurchases(ColumnBlock block, double horizon, int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            block.Destination[i] = ExpectedPurchases(block.Frequency[i], block.Recency[i], block.Age[i], horizon);
        }
    }

    /// <summary>A block size that gives each core about four blocks (at least 16,384 rows): few enough that a per-block
    /// cache of (x, T) terms is reused, enough that a busy core does not hold the others up.</summary>
    internal static int LargeBlock(int count) => Math.Max(16_384, (count + (4 * Environment.ProcessorCount) - 1) / (4 * Environment.ProcessorCount));

    private static void InBlocks(int count, Action<int, int> score, int blockSize)
    {
        if (count < ParallelThreshold)
        {
            score(0, count);
            return;
        }

        Parallel.For(0, (count + blockSize - 1) / blockSize, k => score(k * blockSize, Math.Min(count, (k + 1) * blockSize)));
    }

    private static void CheckColumns(int frequency, int recency, int age, int destination)
    {
        if (recency != frequency || age != frequency)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Expected columns of one length, got {frequency} frequencies, {recency} recencies and {age} ages."), nameof(recency));
        }

        CheckLength(frequency, destination, nameof(destination));
    }

    /// <summary>Returns the name and the parameters.</summary>
    /// <returns>For example <c>BG/NBD r=0.2426, alpha=4.414, a=0.7929, b=2.426</c>.</returns>
    public override string ToString() =>
        Name + " " + string.Join(", ", Values.Select(v => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{v.Key}={v.Value:G4}")));

    /// <summary>The smallest parameter value the BG/NBD and Pareto/NBD accept: 1e-300. Below it (the subnormal doubles, down
    /// to 5e-324) the models' arithmetic is not checked and gives NaN (see the supported-range page).</summary>
    public const double MinParameter = 1e-300;

    /// <summary>The largest parameter value the BG/NBD and Pareto/NBD accept: 1e300. Between it and the largest double
    /// (1.8e308) quantities such as δ(β + T) leave the doubles.</summary>
    public const double MaxParameter = 1e300;

    /// <summary>The longest time the BG/NBD and Pareto/NBD take — recency t_x, age T and horizon t, in the time unit of
    /// the summaries: 1e12 (19 billion years in weeks). <see cref="Validation.CustomerSummaryValidator"/> refuses a
    /// summary beyond it (CX0902); the scalar methods do not check it, and beyond it their arithmetic is not checked (a
    /// Pareto/NBD P(alive) at T = 1e13 with r = α = s = 1e-300 is NaN; see the supported-range page).</summary>
    public const double MaxTime = 1e12;

    /// <summary>Where the relative correction <paramref name="correction"/>·t/<paramref name="correctionScale"/> is below
    /// 1e-17, the conditional expectation is, to double precision, its first-order term, the mean rate times t,
    /// (<paramref name="shape"/>/<paramref name="rateScale"/>)·t; null otherwise (the usual case). The general forms keep
    /// only a fraction of the digits there: a subnormal t or t/<paramref name="correctionScale"/> (4.9e-319 where the bound
    /// is 3.1e-319), or a drop-out chance p times t/(α + T) that is subnormal inside the integral (1.4e-8 too high at
    /// α = 1e300, b = 1e12, fuzz seed 17).</summary>
    private protected static double? FirstOrderInHorizon(double shape, double rateScale, double horizon, double correction, double correctionScale)
    {
        double ratio = horizon / correctionScale;
        if (!(correction * ratio < 1e-17))
        {
            return null;
        }

        double rate = shape / rateScale;
        return double.IsFinite(rate) ? rate * horizon : null;
    }

    private protected static double Positive(double value, string name)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, string.Create(CultureInfo.InvariantCulture, $"Expected a positive finite value for {name}, got {value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}."));
        }

        if (value < MinParameter || value > MaxParameter)
        {
            throw new ArgumentOutOfRangeException(name, value, string.Create(CultureInfo.InvariantCulture,
                $"Expected {name} from 1e-300 to 1e300 (the range the model's arithmetic is checked on), got {value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}."));
        }

        return value;
    }

    private static void CheckLength(int count, int destination, string name)
    {
        if (destination < count)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Expected a destination of at least {count} elements, got {destination}."), name);
        }
    }
}
