using System.Globalization;
using Cx.Domain.Assets;
using Cx.Domain.Primitives;
using NodaTime;

namespace Cx.Domain.Value;

/// <summary>How regular the time between a customer's purchases is, estimated with Wheat and Morrison's two-interval
/// method: the check of the Poisson purchasing that BG/NBD and Pareto/NBD assume.</summary>
/// <remarks>
/// <para>BG/NBD and Pareto/NBD assume that a live customer buys at random (a Poisson process: exponential times between
/// purchases). Wheat and Morrison (1990, "Estimating purchase regularity with two interpurchase times", <i>Journal of
/// Marketing Research</i> 27(1)) model the times between purchases as Erlang-k: for a customer's last two intervals
/// t₁ and t₂, M = t₁/(t₁ + t₂) follows Beta(k, k) whatever the customer's rate, with variance 1/(4(2k + 1)), so
/// k̂ = (1 − 4 Var(M)) / (8 Var(M)) over the customers. k = 1 is Poisson purchasing (M uniform); larger k is more regular
/// (the coefficient of variation of Erlang-k intervals is 1/√k); clock-like billing, such as a monthly subscription,
/// gives k in the hundreds. The same estimator is <c>estimateRegularity(method = "wheat")</c> of the R package BTYDplus (Platzer and
/// Reutterer 2016, "Ticking away the moments", <i>Marketing Science</i> 35(5)), except that it draws one of t₁/(t₁ + t₂)
/// and t₂/(t₁ + t₂) at random: here both enter, so Var(M) = mean((M − ½)²), and the estimate is deterministic.</para>
/// <para>Beside k̂, <see cref="EvenIntervalShare"/> counts the customers whose last two intervals are nearly equal: 5% of
/// customers who buy at random, most customers of a subscription. It is what marks billing on a schedule
/// (<see cref="IsClockLike"/>), since k̂, a moment estimate, is pulled down by a few irregular customers.</para>
/// <para>Purchases are the days a customer bought on, as in <see cref="CustomerSummarySet.FromRecords"/>: same-day records
/// merge, a day whose amounts sum below zero is not a purchase. Only days up to the calibration end count. Customers
/// need at least three purchase days (two intervals).</para>
/// </remarks>
public sealed class PurchaseRegularity
{
    /// <summary>The fewest customers with two intervals for an estimate (fewer give <see cref="Estimate"/> = null).</summary>
    public const int MinimumCustomers = 10;

    /// <summary>The estimate from which purchases count as regular: k̂ of 3 or more (a coefficient of variation of the
    /// intervals of about 0.58 or less), well above the 1 the models assume.</summary>
    public const double RegularFrom = 3;

    /// <summary>The largest |M − ½| of a customer whose last two intervals count as even: 1/40, so the shorter interval is
    /// at least 19/21 (about 90%) of the longer. For purchases at random (M uniform) 1 customer in 20 is even.</summary>
    public const double EvenTolerance = 1.0 / 40;

    /// <summary>The share of even customers (<see cref="EvenIntervalShare"/>) from which purchases count as clock-like, as
    /// in subscription or contract billing: one half, ten times the share for purchases at random.</summary>
    public const double ClockLikeFrom = 0.5;

    private PurchaseRegularity(int customerCount, double varianceOfShare, int evenCount, double medianIntervalDays)
    {
        MedianIntervalDays = medianIntervalDays;
        CustomerCount = customerCount;
        VarianceOfShare = varianceOfShare;
        EvenIntervalShare = customerCount == 0 ? double.NaN : (double)evenCount / customerCount;
        Estimate = customerCount < MinimumCustomers ? null
            : varianceOfShare <= 0 ? double.PositiveInfinity
            : (1 - (4 * varianceOfShare)) / (8 * varianceOfShare);
    }

    /// <summary>Gets how many customers had three or more purchase days by the calibration end (the customers measured).</summary>
    public int CustomerCount { get; }

    /// <summary>Gets Var(M), the variance of the share t₁/(t₁ + t₂) of a customer's last two intervals about ½ (1/12 for
    /// Poisson purchasing); NaN without customers.</summary>
    public double VarianceOfShare { get; }

    /// <summary>Gets k̂, the estimated regularity (1 for Poisson purchasing; may be below 1 for bursty purchasing, and
    /// infinite when every measured customer's last two intervals are equal); null with fewer than
    /// <see cref="MinimumCustomers"/> customers measured.</summary>
    public double? Estimate { get; }

    /// <summary>Gets the share of measured customers whose last two intervals are even (within
    /// <see cref="EvenTolerance"/>: the shorter at least about 90% of the longer); 0.05 for purchases at random, near 1 for
    /// billing on a schedule; NaN without customers.</summary>
    /// <remarks>A robust companion of <see cref="Estimate"/>: a few irregular customers (a one-off purchase between two
    /// monthly payments) inflate Var(M) and pull k̂ down, but leave this share high.</remarks>
    public double EvenIntervalShare { get; }

    /// <summary>Gets the median, over the measured customers, of the mean of their last two intervals, in days (30 for
    /// monthly billing); NaN without customers.</summary>
    public double MedianIntervalDays { get; }

    /// <summary>Gets a value indicating whether purchases are markedly more regular than the models assume
    /// (k̂ ≥ <see cref="RegularFrom"/>, or clock-like).</summary>
    public bool IsRegular => Estimate >= RegularFrom || IsClockLike;

    /// <summary>Gets a value indicating whether purchases are clock-like, as in subscription or contract billing: with at
    /// least <see cref="MinimumCustomers"/> customers measured, an <see cref="EvenIntervalShare"/> of at least
    /// <see cref="ClockLikeFrom"/>.</summary>
    public bool IsClockLike => CustomerCount >= MinimumCustomers && EvenIntervalShare >= ClockLikeFrom;

    /// <summary>Measures the regularity of dated purchase records.</summary>
    /// <param name="records">The records (the asset ledger's), in any order; refunds are negative amounts.</param>
    /// <param name="calibrationEnd">The last day that counts (inclusive).</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="calibrationEnd"/> or a record's date is not in the ISO calendar.</exception>
    /// <remarks>Records are not validated here (<see cref="CustomerSummarySet.FromRecords"/> does); an invalid record is
    /// read as it is.</remarks>
    public static PurchaseRegularity Measure(IEnumerable<AssetRecord> records, LocalDate calibrationEnd)
    {
        ArgumentNullException.ThrowIfNull(records);
        IsoOnly(calibrationEnd, nameof(calibrationEnd));
        var days = new Dictionary<(CustomerId Customer, LocalDate Date), long>();
        foreach (AssetRecord record in records)
        {
            IsoOnly(record.Date, nameof(records));
            if (record.Date <= calibrationEnd)
            {
                var key = (record.Customer, record.Date);
                days[key] = days.GetValueOrDefault(key) + record.Amount.MinorUnits;
            }
        }

        // The last three purchase days of each customer.
        var lastThree = new Dictionary<CustomerId, (LocalDate A, LocalDate B, LocalDate C, int Count)>();
        foreach (((CustomerId customer, LocalDate date), long net) in days)
        {
            if (net < 0)
            {
                continue;
            }

            (LocalDate a, LocalDate b, LocalDate c, int count) = lastThree.GetValueOrDefault(customer);
            lastThree[customer] = count == 0 ? (date, default, default, 1)
                : count == 1 ? Insert(a, date)
                : InsertThree(a, b, c, date, count);
        }

        var squares = new List<double>(lastThree.Count);
        var intervals = new List<double>(lastThree.Count);
        int even = 0;
        foreach ((LocalDate first, LocalDate second, LocalDate third, int count) in lastThree.Values)
        {
            if (count < 3)
            {
                continue;
            }

            // first < second < third: the last two intervals.
            double t1 = Period.Between(first, second, PeriodUnits.Days).Days;
            double t2 = Period.Between(second, third, PeriodUnits.Days).Days;
            double share = t1 / (t1 + t2);
            squares.Add((share - 0.5) * (share - 0.5));
            even += Math.Abs(share - 0.5) <= EvenTolerance ? 1 : 0;
            intervals.Add((t1 + t2) / 2);
        }

        // Summed in sorted order: the same bits whatever the order of the records.
        squares.Sort();
        double sum = 0;
        foreach (double square in squares)
        {
            sum += square;
        }

        intervals.Sort();
        double median = intervals.Count == 0 ? double.NaN
            : intervals.Count % 2 == 1 ? intervals[intervals.Count / 2]
            : (intervals[(intervals.Count / 2) - 1] + intervals[intervals.Count / 2]) / 2;
        return new PurchaseRegularity(squares.Count, squares.Count == 0 ? double.NaN : sum / squares.Count, even, median);

        static (LocalDate, LocalDate, LocalDate, int) Insert(LocalDate a, LocalDate date) =>
            date < a ? (date, a, default, 2) : (a, date, default, 2);
    }

    /// <summary>Returns the estimate and the customers measured.</summary>
    /// <returns>For example <c>regularity k = 1.21, 6.1% even (1,432 customers)</c>.</returns>
    public override string ToString() => Estimate is { } k
        ? string.Create(CultureInfo.InvariantCulture, $"regularity k = {k:G3}, {EvenIntervalShare * 100:F1}% even ({CustomerCount:N0} customers)")
        : string.Create(CultureInfo.InvariantCulture, $"regularity not estimated ({CustomerCount:N0} customers with three purchase days, {MinimumCustomers} needed)");

    /// <summary>Keeps the latest three of the sorted days a &lt; b (and c when count is 3) and a new day.</summary>
    private static (LocalDate, LocalDate, LocalDate, int) InsertThree(LocalDate a, LocalDate b, LocalDate c, LocalDate date, int count)
    {
        if (count == 2)
        {
            return date < a ? (date, a, b, 3) : date < b ? (a, date, b, 3) : (a, b, date, 3);
        }

        return date < a ? (a, b, c, 3) : date < b ? (date, b, c, 3) : date < c ? (b, date, c, 3) : (b, c, date, 3);
    }

    private static void IsoOnly(LocalDate date, string name)
    {
        if (date.Calendar != CalendarSystem.Iso)
        {
            throw new ArgumentException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected dates in the ISO calendar, got {date.Calendar.Id}."), name);
        }
    }
}
