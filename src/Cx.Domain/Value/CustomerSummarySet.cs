using System.Globalization;
using System.Collections.Immutable;
using Cx.Domain.Assets;
using Cx.Domain.Internal;
using Cx.Domain.Primitives;
using Cx.Domain.Validation;
using NodaTime;

namespace Cx.Domain.Value;

/// <summary>The validated customer summaries (x, t_x, T, mean repeat spend) the value models are fitted on and score,
/// with the calibration/holdout split they came from and what was merged or left out on the way.</summary>
/// <remarks>
/// <para>Built from the same dated money records as the asset ledger (<see cref="FromRecords"/>) or from summaries
/// computed elsewhere (<see cref="FromSummaries"/>). From records, <b>same-day purchases merge into one transaction</b>,
/// as the published CDNOW analyses do (Fader, Hardie and Lee 2005): a customer's transactions are the days on which
/// they bought, and a transaction's value is the day's net amount. A day whose records sum below zero (refunds only,
/// or refunds larger than the purchases) is not a purchase; it is counted in <see cref="RefundDayCount"/> and its amount
/// is in no spend. The first purchase day is the customer's birth; x counts the purchase days after it up to the
/// calibration end (inclusive), t_x is the last of them minus the first, T is the calibration end minus the first.
/// Customers whose first purchase comes after the calibration end are not summarised and are counted in
/// <see cref="CustomersFirstSeenAfterCalibration"/>. Nothing is dropped silently.</para>
/// <para>Summaries are ordered ordinally by customer id. Immutable and thread-safe.</para>
/// </remarks>
public sealed class CustomerSummarySet
{
    private readonly ImmutableArray<CustomerSummary> _summaries;
    private readonly ImmutableArray<long> _holdoutPerStep;

    private CustomerSummarySet(ImmutableArray<CustomerSummary> summaries, ValueTimeUnit unit, Currency? currency, LocalDate? calibrationEnd, LocalDate? holdoutEnd,
        double holdoutLength, ImmutableArray<long> holdoutPerStep, Counts counts)
    {
        _summaries = summaries;
        _holdoutPerStep = holdoutPerStep;
        TimeUnit = unit;
        Currency = currency;
        CalibrationEnd = calibrationEnd;
        HoldoutEnd = holdoutEnd;
        HoldoutLength = holdoutLength;
        RecordCount = counts.Records;
        MergedSameDayRecordCount = counts.Merged;
        RefundDayCount = counts.RefundDays;
        CustomersFirstSeenAfterCalibration = counts.FirstSeenAfter;
        CustomersWithoutPurchase = counts.WithoutPurchase;
        RecordsAfterHoldout = counts.AfterHoldout;
    }

    /// <summary>Gets the summaries, ordered ordinally by customer id.</summary>
    public IReadOnlyList<CustomerSummary> Summaries => _summaries;

    /// <summary>Gets the summaries as a span, for the bulk scoring methods.</summary>
    public ReadOnlySpan<CustomerSummary> AsSpan() => _summaries.AsSpan();

    /// <summary>Gets the number of customers summarised.</summary>
    public int CustomerCount => _summaries.Length;

    /// <summary>Gets the time unit of recency, age and the holdout length.</summary>
    public ValueTimeUnit TimeUnit { get; }

    /// <summary>Gets the currency of the spend, or null when the summaries were given directly without one.</summary>
    public Currency? Currency { get; }

    /// <summary>Gets the last day of calibration, or null when the summaries were given directly.</summary>
    public LocalDate? CalibrationEnd { get; }

    /// <summary>Gets the last day of the holdout period, or null when there is none.</summary>
    public LocalDate? HoldoutEnd { get; }

    /// <summary>Gets the length of the holdout period in <see cref="TimeUnit"/> (0 when there is none).</summary>
    public double HoldoutLength { get; }

    /// <summary>Gets the holdout purchases of all customers per time-unit step after the calibration end: element k counts
    /// purchase days in (end + k units, end + k + 1 units]. Empty when there is no holdout or the summaries were given
    /// directly.</summary>
    public IReadOnlyList<long> HoldoutPurchasesPerStep => _holdoutPerStep;

    /// <summary>Gets how many records were read (0 when the summaries were given directly).</summary>
    public long RecordCount { get; }

    /// <summary>Gets how many records were merged into another record of the same customer and day.</summary>
    public long MergedSameDayRecordCount { get; }

    /// <summary>Gets how many customer-days summed below zero and so are not purchases (their amounts are in no spend).</summary>
    public long RefundDayCount { get; }

    /// <summary>Gets how many customers made their first purchase after the calibration end (not summarised).</summary>
    public long CustomersFirstSeenAfterCalibration { get; }

    /// <summary>Gets how many customers have records but no purchase day (refunds only; not summarised).</summary>
    public long CustomersWithoutPurchase { get; }

    /// <summary>Gets how many records fell after the holdout end and were left out.</summary>
    public long RecordsAfterHoldout { get; }

    /// <summary>Gets the total of repeat purchases in calibration, Σ x.</summary>
    public long TotalRepeatPurchases => _summaries.Sum(s => (long)s.Frequency);

    /// <summary>Gets the total of holdout purchases.</summary>
    public long TotalHoldoutPurchases => _summaries.Sum(s => (long)s.HoldoutFrequency);

    /// <summary>Validates summaries computed elsewhere.</summary>
    /// <param name="summaries">The summaries, one per customer, in any order.</param>
    /// <param name="timeUnit">Their time unit.</param>
    /// <param name="holdoutLength">The length of the holdout period their <see cref="CustomerSummary.HoldoutFrequency"/> counts, in the time unit; 0 for none.</param>
    /// <returns>The set, ordered by customer id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="summaries"/> is null.</exception>
    /// <exception cref="CxValidationException">The time unit or holdout length is invalid, there are no summaries, a
    /// summary is invalid, or a customer appears twice: every failure with its position and field.</exception>
    public static CustomerSummarySet FromSummaries(IEnumerable<CustomerSummary> summaries, ValueTimeUnit timeUnit, double holdoutLength = 0)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        var failures = new FailureCollector();
        CheckUnit(timeUnit, failures);
        if (!(holdoutLength >= 0) || !double.IsFinite(holdoutLength))
        {
            failures.Add(null, "customer summaries", "HoldoutLength", CxErrorCodes.SummaryOptionsInvalid,
                string.Create(CultureInfo.InvariantCulture, $"Expected a finite holdout length of 0 or more, got {holdoutLength.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}."));
        }

        var list = new List<CustomerSummary>();
        var seen = new Dictionary<CustomerId, long>();
        CustomerSummaryValidator? validator = null;
        long position = 0;
        foreach (CustomerSummary summary in summaries)
        {
            if (!CustomerSummaryValidator.IsValid(summary))
            {
                validator ??= new CustomerSummaryValidator();
                failures.AddRange(position, validator.Validate(summary));
            }
            else if (seen.TryGetValue(summary.Customer, out long first))
            {
                failures.Add(position, null, "Customer", CxErrorCodes.SummaryDuplicateCustomer,
                    string.Create(CultureInfo.InvariantCulture, $"Expected one summary per customer, got a second one for customer '{summary.Customer}' (the first is record #{first}). Merge the two."));
            }
            else
            {
                seen.Add(summary.Customer, position);
                list.Add(summary);
            }

            position++;
        }

        if (position == 0)
        {
            failures.Add(null, "customer summaries", "Summaries", CxErrorCodes.ValueInputEmpty, "Expected at least one customer summary, got none.");
        }

        failures.ThrowIfAny("customer summaries");
        list.Sort((a, b) => a.Customer.CompareTo(b.Customer));
        return new CustomerSummarySet([.. list], timeUnit, null, null, null, holdoutLength, [], default);
    }

    /// <summary>Summarises dated purchase records (the asset ledger's records) per customer, merging same-day purchases.</summary>
    /// <param name="records">The records, in any order; refunds are negative amounts.</param>
    /// <param name="options">The time unit and the calibration/holdout split; defaults (weeks, no holdout) when null.</param>
    /// <returns>The summaries, with the holdout counts when there is a holdout period.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> is null.</exception>
    /// <exception cref="CxValidationException">The options are invalid, a record is invalid (customer, date, currency,
    /// segment), amounts overflow, or no customer made a purchase by the calibration end.</exception>
    public static CustomerSummarySet FromRecords(IEnumerable<AssetRecord> records, CustomerSummaryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        options ??= new CustomerSummaryOptions();
        var failures = new FailureCollector();
        CheckUnit(options.TimeUnit, failures);
        CheckIsoDates(options.CalibrationEnd, options.HoldoutEnd, "customer summary options", CxErrorCodes.SummaryOptionsInvalid, failures);
        if (options.CalibrationEnd is { Calendar.Id: "ISO" } ce && options.HoldoutEnd is { Calendar.Id: "ISO" } he && he <= ce)
        {
            failures.Add(null, "customer summary options", "HoldoutEnd", CxErrorCodes.SummaryOptionsInvalid,
                string.Create(CultureInfo.InvariantCulture, $"Expected a holdout end after the calibration end {ce:uuuu-MM-dd}, got {he:uuuu-MM-dd}."));
        }

        failures.ThrowIfAny("customer summary options");
        var index = new Dictionary<CustomerId, int>();
        var customers = new List<CustomerId>();
        var entries = new List<Entry>();
        Currency? currency = null;
        AssetRecordValidator? validator = null;
        long position = 0;
        foreach (AssetRecord record in records)
        {
            if (currency is null && record.Amount.Currency != Primitives.Currency.None)
            {
                currency = record.Amount.Currency;
            }

            if (!AssetRecordValidator.IsValid(record, currency))
            {
                if (validator is null || validator.Currency != currency)
                {
                    validator = new AssetRecordValidator(currency);
                }

                failures.AddRange(position, validator.Validate(record));
            }
            else
            {
                if (!index.TryGetValue(record.Customer, out int slot))
                {
                    slot = customers.Count;
                    index.Add(record.Customer, slot);
                    customers.Add(record.Customer);
                }

                entries.Add(new Entry(slot, record.Date, record.Amount.MinorUnits, record.Segment, position));
            }

            position++;
        }

        if (position == 0)
        {
            failures.Add(null, "purchase records", "Records", CxErrorCodes.ValueInputEmpty, "Expected purchase records, got none.");
        }

        failures.ThrowIfAny("purchase records");
        entries.Sort(static (a, b) => a.Customer != b.Customer ? a.Customer.CompareTo(b.Customer) : a.Date != b.Date ? a.Date.CompareTo(b.Date) : a.Position.CompareTo(b.Position));
        LocalDate last = entries.Max(e => e.Date);
        LocalDate calibrationEnd = options.CalibrationEnd ?? last;
        LocalDate holdoutEnd = options.HoldoutEnd ?? (options.CalibrationEnd is null ? calibrationEnd : Max(last, calibrationEnd));
        bool hasHoldout = holdoutEnd > calibrationEnd;
        double daysPerUnit = options.TimeUnit == ValueTimeUnit.Weeks ? 7 : 1;
        int holdoutDays = hasHoldout ? Period.Between(calibrationEnd, holdoutEnd, PeriodUnits.Days).Days : 0;
        if (holdoutDays > SupportedRange.MaxDurationDays)
        {
            // The holdout is compared step by step (a week or a day each); past the supported range's longest duration
            // there is nothing to compare and only time to lose (9998-12-31 gave 417,000 weekly steps).
            failures.Add(null, "customer summary options", "HoldoutEnd", CxErrorCodes.SummaryOptionsInvalid,
                string.Create(CultureInfo.InvariantCulture, $"Expected a holdout period of at most {SupportedRange.MaxDurationDays} days (100 years, the longest duration Cx.Domain computes with), got {holdoutDays} days from {calibrationEnd:uuuu-MM-dd} to {holdoutEnd:uuuu-MM-dd}. End the holdout at the last purchase or a date near it."));
            failures.ThrowIfAny("customer summary options");
        }

        long[] perStep = new long[hasHoldout ? (int)Math.Ceiling(holdoutDays / daysPerUnit) : 0];
        long minorPerMajor = currency?.MinorUnitsPerMajorUnit ?? 1;

        var summaries = new List<CustomerSummary>(customers.Count);
        var counts = new Counts { Records = position };
        int i = 0;
        while (i < entries.Count)
        {
            int customer = entries[i].Customer;
            int end = i;
            while (end < entries.Count && entries[end].Customer == customer)
            {
                end++;
            }

            Summarise(entries, i, end, customers[customer], calibrationEnd, holdoutEnd, daysPerUnit, minorPerMajor, perStep, summaries, ref counts, failures);
            i = end;
        }

        if (summaries.Count == 0)
        {
            failures.Add(null, "purchase records", "Records", CxErrorCodes.ValueInputEmpty,
                string.Create(CultureInfo.InvariantCulture, $"Expected at least one customer with a purchase on or before the calibration end {calibrationEnd:uuuu-MM-dd}, got none. Move the calibration end later."));
        }

        failures.ThrowIfAny("purchase records");
        summaries.Sort((a, b) => a.Customer.CompareTo(b.Customer));
        return new CustomerSummarySet([.. summaries], options.TimeUnit, currency, calibrationEnd, hasHoldout ? holdoutEnd : null, holdoutDays / daysPerUnit, [.. perStep], counts);
    }

    private static void Summarise(List<Entry> entries, int from, int to, CustomerId customer, LocalDate calibrationEnd, LocalDate holdoutEnd, double daysPerUnit,
        long minorPerMajor, long[] perStep, List<CustomerSummary> summaries, ref Counts counts, FailureCollector failures)
    {
        LocalDate? first = null;
        LocalDate lastRepeat = default;
        int repeats = 0;
        int holdout = 0;
        Int128 repeatSpend = 0;
        string? segment = null;
        LocalDate segmentDate = default;
        bool late = false;
        int k = from;
        while (k < to)
        {
            LocalDate day = entries[k].Date;
            long net = 0;
            int start = k;
            bool overflow = false;
            while (k < to && entries[k].Date == day)
            {
                Entry e = entries[k];
                if (day > holdoutEnd)
                {
                    counts.AfterHoldout++;
                }

                try
                {
                    net = checked(net + e.Amount);
                }
                catch (OverflowException)
                {
                    overflow = true;
                }

                if (e.Segment is not null && day <= calibrationEnd && (segment is null || day > segmentDate || (day == segmentDate && string.CompareOrdinal(e.Segment, segment) > 0)))
                {
                    segment = e.Segment;
                    segmentDate = day;
                }

                k++;
            }

            counts.Merged += k - start - 1;
            if (late)
            {
                continue;
            }

            if (overflow)
            {
                failures.Add(null, string.Create(CultureInfo.InvariantCulture, $"customer '{customer}', day {day:uuuu-MM-dd}"), "Amount", CxErrorCodes.ValueOverflow,
                    "Expected the day's amounts to sum within 64-bit minor units, got an overflow. Check the amounts.");
                continue;
            }

            if (day > holdoutEnd)
            {
                continue;
            }

            if (net < 0)
            {
                counts.RefundDays++;
                continue;
            }

            if (first is null)
            {
                first = day;
                late = day > calibrationEnd;
                continue;
            }

            if (day <= calibrationEnd)
            {
                repeats++;
                lastRepeat = day;
                // Exact in 128 bits: at most int.MaxValue days of at most long.MaxValue each cannot overflow it.
                repeatSpend += net;
            }
            else
            {
                holdout++;
                int daysAfter = Period.Between(calibrationEnd, day, PeriodUnits.Days).Days;
                perStep[(int)((daysAfter - 1) / daysPerUnit)]++;
            }
        }

        if (late)
        {
            counts.FirstSeenAfter++;
            return;
        }

        if (first is not { } birth)
        {
            counts.WithoutPurchase++;
            return;
        }

        double age = Period.Between(birth, calibrationEnd, PeriodUnits.Days).Days / daysPerUnit;
        double recency = repeats == 0 ? 0 : Period.Between(birth, lastRepeat, PeriodUnits.Days).Days / daysPerUnit;
        double spend = repeats == 0 ? 0 : (double)repeatSpend / repeats / minorPerMajor;
        summaries.Add(new CustomerSummary(customer, repeats, recency, age, spend, holdout, segment));
    }

    private static LocalDate Max(LocalDate a, LocalDate b) => a > b ? a : b;

    /// <summary>Refuses a calibration or holdout end outside the ISO calendar (records are dated in it; dates of two
    /// calendars cannot be compared).</summary>
    internal static void CheckIsoDates(LocalDate? calibrationEnd, LocalDate? holdoutEnd, string subject, string code, FailureCollector failures)
    {
        foreach ((string field, LocalDate? date) in new[] { ("CalibrationEnd", calibrationEnd), ("HoldoutEnd", holdoutEnd) })
        {
            if (date is { } d && d.Calendar != CalendarSystem.Iso)
            {
                failures.Add(null, subject, field, code, string.Create(CultureInfo.InvariantCulture, $"Expected a date in the ISO calendar, got {d.Calendar.Id}. Convert it with WithCalendar(CalendarSystem.Iso)."));
            }
        }
    }

    private static void CheckUnit(ValueTimeUnit unit, FailureCollector failures)
    {
        if (unit is not (ValueTimeUnit.Days or ValueTimeUnit.Weeks))
        {
            failures.Add(null, "customer summary options", "TimeUnit", CxErrorCodes.SummaryOptionsInvalid, string.Create(CultureInfo.InvariantCulture, $"Expected a time unit of Days or Weeks, got {EnumText.Of(unit)}."));
        }
    }

    private readonly record struct Entry(int Customer, LocalDate Date, long Amount, string? Segment, long Position);

    private struct Counts
    {
        public long Records;
        public long Merged;
        public long RefundDays;
        public long FirstSeenAfter;
        public long WithoutPurchase;
        public long AfterHoldout;
    }
}
