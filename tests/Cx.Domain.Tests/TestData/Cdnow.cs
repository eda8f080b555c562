using System.Globalization;
using Cx.Domain.Assets;
using Cx.Domain.Primitives;
using Cx.Domain.Value;
using NodaTime;
using NodaTime.Text;

namespace Cx.Domain.Tests.TestData;

/// <summary>The CDNOW sample of the customer-base analysis literature (tests/data/cdnow): the 2,357-customer purchase log
/// and its published 39-week calibration summary.</summary>
public static class Cdnow
{
    /// <summary>The last day of the 39-week calibration period: 1997-01-01 plus 272 days.</summary>
    public static readonly LocalDate CalibrationEnd = new(1997, 9, 30);

    /// <summary>The last day of the data, the end of week 78.</summary>
    public static readonly LocalDate HoldoutEnd = new(1998, 6, 30);

    private static readonly Lazy<AssetRecord[]> SampleRecords = new(() =>
    {
        LocalDatePattern pattern = LocalDatePattern.CreateWithInvariantCulture("yyyyMMdd");
        return File.ReadLines(TestFiles.PathOf("cdnow/CDNOW_sample.txt"))
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length == 5)
            .Select(f => new AssetRecord(CustomerId.From(int.Parse(f[1], CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)),
                pattern.Parse(f[2]).Value, Money.FromDecimal(decimal.Parse(f[4], CultureInfo.InvariantCulture), Currency.Usd)))
            .ToArray();
    });

    private static readonly Lazy<CustomerSummarySet> PublishedSummary = new(() => CustomerSummarySet.FromSummaries(
        File.ReadLines(TestFiles.PathOf("cdnow/cdnow_customers_summary.csv")).Skip(1)
            .Select(line => line.Split(','))
            .Select(f => new CustomerSummary(CustomerId.From(f[0]), int.Parse(f[1], CultureInfo.InvariantCulture),
                double.Parse(f[2], CultureInfo.InvariantCulture), double.Parse(f[3], CultureInfo.InvariantCulture))),
        ValueTimeUnit.Weeks));

    private static readonly Lazy<CustomerSummarySet> SampleSplit = new(() => CustomerSummarySet.FromRecords(Sample,
        new CustomerSummaryOptions { CalibrationEnd = CalibrationEnd, HoldoutEnd = HoldoutEnd, TimeUnit = ValueTimeUnit.Weeks }));

    /// <summary>Gets the purchases of CDNOW_sample.txt, customer id = the sample id (1 to 2357).</summary>
    public static IReadOnlyList<AssetRecord> Sample => SampleRecords.Value;

    /// <summary>Gets cdnow_customers_summary.csv: x, t_x, T in weeks, rounded to two decimals.</summary>
    public static CustomerSummarySet Published => PublishedSummary.Value;

    /// <summary>Gets the sample summarised here: 39-week calibration, holdout weeks 40 to 78, same-day purchases merged.</summary>
    public static CustomerSummarySet Split => SampleSplit.Value;
}
