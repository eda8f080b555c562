using System.Collections.Immutable;
using System.Globalization;
using Cx.Domain.Assets;
using Cx.Domain.Internal;
using Cx.Domain.Primitives;
using NodaTime;

namespace Cx.Domain.Samples;

/// <summary>A made-up car company that leases cars to a few thousand business customers, generated from a seed: data to
/// try the calculators on, to demo the tool, and to test with.</summary>
/// <remarks>
/// <para>The company leases cars to business fleets and bills each customer monthly in USD, per car on the lease, to
/// customers in three segments (<see cref="Segments"/>). Over its months customers sign up (more and more over time), add
/// cars to their fleet and return some, pay excess-mileage charges now and then, get partial credits (at most half a
/// charge, in the same week and month as the charge, so no customer nets below zero in a month, quarter or week), see a
/// price uplift on each anniversary, churn, and some come back later: every movement class of the customer-asset bridge
/// shows up. Their experiences follow the car-buying journey of <see cref="Journey"/> (research, test drive, purchase
/// and financing, delivery, service, lease renewal), and the processes behind its key touchpoints have reliability
/// standards and measurements (<see cref="ReliabilityStandards"/>).</para>
/// <para>Deterministic: the same options give the same customers and records, byte for byte, on any machine, culture
/// and .NET version (the generator is implemented here with integer arithmetic only, not <see cref="System.Random"/>).
/// Each data set draws from its own random stream per customer, so the data sets added in later versions (journey
/// events, measurements, feedback, all about these same customers) leave the existing ones unchanged.</para>
/// <para>Immutable and thread-safe; each data set is generated once, on first use.</para>
/// </remarks>
public sealed partial class SampleCompany
{
    /// <summary>The segment of large fleets (about 10% of customers): many cars, a fleet-management fee, low churn.</summary>
    public const string EnterpriseSegment = "Enterprise";

    /// <summary>The segment of mid-sized fleets (about 30% of customers).</summary>
    public const string MidMarketSegment = "Mid-market";

    /// <summary>The segment of small businesses (about 60% of customers): a few cars, the highest churn.</summary>
    public const string SmallBusinessSegment = "Small business";

    // Random stream numbers of the data sets. Never renumber or reuse one: that would change published samples.
    private const ulong CustomerStream = 1;
    private const ulong RevenueStream = 2;

    private readonly Lazy<ImmutableArray<AssetRecord>> _revenueRecords;

    private SampleCompany(ulong seed, int customerCount, YearMonth firstMonth, int monthCount)
    {
        Seed = seed;
        FirstMonth = firstMonth;
        MonthCount = monthCount;
        LocalDate start = firstMonth.OnDayOfMonth(1);
        Grid = PeriodGrid.Monthly(start, start.PlusMonths(monthCount - 1));
        Customers = GenerateCustomers(customerCount);
        _revenueRecords = new Lazy<ImmutableArray<AssetRecord>>(GenerateRevenue, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Gets the segment names, in the order of <see cref="EnterpriseSegment"/>, <see cref="MidMarketSegment"/>, <see cref="SmallBusinessSegment"/>.</summary>
    public static IReadOnlyList<string> Segments { get; } = ImmutableArray.Create(EnterpriseSegment, MidMarketSegment, SmallBusinessSegment);

    /// <summary>Gets the seed the company was generated from.</summary>
    public ulong Seed { get; }

    /// <summary>Gets the first month with data.</summary>
    public YearMonth FirstMonth { get; }

    /// <summary>Gets the number of months with data.</summary>
    public int MonthCount { get; }

    /// <summary>Gets the monthly grid from <see cref="FirstMonth"/> through the last month with data.</summary>
    public PeriodGrid Grid { get; }

    /// <summary>Gets the currency of every amount: <see cref="Currency.Usd"/>.</summary>
    public Currency Currency => Currency.Usd;

    /// <summary>Gets every customer the company ever had, ordered by id (which is also their position).</summary>
    public IReadOnlyList<SampleCustomer> Customers { get; }

    /// <summary>Gets the revenue records: monthly subscription charges, usage overage and refunds (negative amounts),
    /// with each customer's segment, ordered by date, then customer id, then charge before refund.</summary>
    /// <remarks>Generated on first use (about 16 records per customer with the default options); every date falls in <see cref="Grid"/>.</remarks>
    public IReadOnlyList<AssetRecord> RevenueRecords => _revenueRecords.Value;

    /// <summary>Generates the default company (3,000 customers, 2023 to 2025) from a seed.</summary>
    /// <param name="seed">The seed; <see cref="SampleCompanyOptions.DefaultSeed"/> when omitted.</param>
    /// <returns>The company.</returns>
    public static SampleCompany Generate(ulong seed = SampleCompanyOptions.DefaultSeed) => Generate(new SampleCompanyOptions { Seed = seed });

    /// <summary>Generates a company as the options say.</summary>
    /// <param name="options">The seed, size and time span.</param>
    /// <returns>The company.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The customer count or month count is out of range, or the first month
    /// is not in the ISO calendar.</exception>
    /// <exception cref="Validation.CxValidationException">The months do not lie in the supported range of time, 0001-01 to
    /// 9998-12 (<see cref="SupportedRange"/>; code CX0114).</exception>
    public static SampleCompany Generate(SampleCompanyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        int customerCount = Guard.InRange(options.CustomerCount, 1, SampleCompanyOptions.MaxCustomerCount, "options.CustomerCount");
        int monthCount = Guard.InRange(options.MonthCount, 1, SampleCompanyOptions.MaxMonthCount, "options.MonthCount");
        YearMonth first = options.FirstMonth;
        if (first.Calendar != CalendarSystem.Iso)
        {
            throw new ArgumentOutOfRangeException(nameof(options), first,
                string.Create(CultureInfo.InvariantCulture, $"Expected an ISO first month, got {first} in {first.Calendar.Id}."));
        }

        long firstMonthNumber = (first.Year * 12L) + first.Month - 1;
        if (first.Year < 1 || firstMonthNumber + monthCount > 9999L * 12)
        {
            var failures = new FailureCollector();
            failures.Add(null, "sample company options", "FirstMonth", Validation.CxErrorCodes.TimeOutOfRange, string.Create(CultureInfo.InvariantCulture,
                $"Expected {monthCount} months from the first month to lie in the supported range of time, 0001-01 to 9998-12, got a first month of {TimeRangeText.Date(first.OnDayOfMonth(1))[..^3]}. Choose a first month from 0001-01 on, and early enough for the months to end by 9998-12."));
            failures.ThrowIfAny("sample company options");
        }

        return new SampleCompany(options.Seed, customerCount, first, monthCount);
    }

    /// <summary>Builds the ledger of the revenue records over <see cref="Grid"/>.</summary>
    /// <param name="options">The ledger options; defaults when null.</param>
    /// <returns>The ledger, ready for <see cref="AssetMovementCalculator"/> and the other asset calculators.</returns>
    /// <exception cref="Validation.CxValidationException">The options are invalid.</exception>
    public AssetLedger RevenueLedger(AssetLedgerOptions? options = null) => AssetLedger.FromRecords(RevenueRecords, Grid, options);

    /// <summary>Returns a short description.</summary>
    /// <returns>For example <c>sample company (seed 42), 3000 customers, monthly 2023-01..2025-12 (36 periods)</c>.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"sample company (seed {Seed}), {Customers.Count} customers, {Grid}");

    private ImmutableArray<SampleCustomer> GenerateCustomers(int count)
    {
        // Sign-ups: 15% are the base the company already has in its first month; the rest arrive over the later
        // months, more each month (weight 100 + 4 x month).
        int months = MonthCount;
        long totalWeight = 0;
        for (int m = 1; m < months; m++)
        {
            totalWeight += 100 + (4 * m);
        }

        string digits = "D" + Math.Max(5, count.ToString(CultureInfo.InvariantCulture).Length).ToString(CultureInfo.InvariantCulture);
        LocalDate start = FirstMonth.OnDayOfMonth(1);
        var customers = ImmutableArray.CreateBuilder<SampleCustomer>(count);
        for (int i = 0; i < count; i++)
        {
            SampleRandom random = SampleRandom.ForStream(Seed, CustomerStream, (ulong)i);
            int roll = random.NextInt(1000);
            string segment = roll < 100 ? EnterpriseSegment : roll < 400 ? MidMarketSegment : SmallBusinessSegment;
            int month = months == 1 || random.Chance(150) ? 0 : PickMonth(random, months, totalWeight);
            int day = random.NextInt(1, 28);
            var id = CustomerId.From("C-" + (i + 1).ToString(digits, CultureInfo.InvariantCulture));
            customers.Add(new SampleCustomer(i, id, segment, start.PlusMonths(month).PlusDays(day - 1)));
        }

        return customers.MoveToImmutable();
    }

    private static int PickMonth(SampleRandom random, int months, long totalWeight)
    {
        // totalWeight is at most about 1200 x 4900, well inside int.
        int r = random.NextInt((int)totalWeight);
        for (int m = 1; m < months; m++)
        {
            r -= 100 + (4 * m);
            if (r < 0)
            {
                return m;
            }
        }

        return months - 1;
    }
}
