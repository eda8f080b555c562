using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Cx.Domain.Assets;
using Cx.Domain.Primitives;
using Cx.Domain.Samples;
using NodaTime;

namespace Cx.Cli.Tests.Samples;

/// <summary>The sample company: deterministic to the byte, plausible, and valid input for every grid the tool offers.</summary>
/// <remarks>Lives here until the library's test project gets a Samples folder; it tests only the library.</remarks>
public sealed class SampleCompanyTests
{
    /// <summary>SHA-256 of the default company's revenue records rendered invariantly (see <see cref="Render"/>). If a
    /// change to the generator is intended, every published sample changes with it: update this and say so.</summary>
    private const string DefaultRevenueChecksum = "37033119864f6bb32e20006b66621915e23c5de6ce03f690a78d94b2727523e7";

    private static readonly SampleCompany Default = SampleCompany.Generate();

    [Fact]
    public void Generate_DefaultSeed_MatchesThePinnedChecksum()
    {
        Assert.Equal(DefaultRevenueChecksum, Checksum(Default));
    }

    [Fact]
    public void Generate_SameSeed_GivesTheSameCompany()
    {
        SampleCompany again = SampleCompany.Generate(SampleCompanyOptions.DefaultSeed);

        Assert.Equal(Default.Customers, again.Customers);
        Assert.Equal(Default.RevenueRecords, again.RevenueRecords);
    }

    [Fact]
    public void Generate_OtherSeed_GivesOtherData()
    {
        Assert.NotEqual(Checksum(Default), Checksum(SampleCompany.Generate(43)));
    }

    [Fact]
    public void Generate_Defaults_ThreeThousandCustomersOverThreeYearsInThreeSegments()
    {
        Assert.Equal(3_000, Default.Customers.Count);
        Assert.Equal(3_000, Default.Customers.Select(c => c.Id).Distinct().Count());
        Assert.Equal(Enumerable.Range(0, 3_000), Default.Customers.Select(c => c.Index));
        Assert.Equal("C-00001", Default.Customers[0].Id.Value);
        Assert.Equal(PeriodGrid.Monthly(new YearMonth(2023, 1), new YearMonth(2025, 12)), Default.Grid);
        Assert.Equal(SampleCompany.Segments.Order(StringComparer.Ordinal), Default.Customers.Select(c => c.Segment).Distinct().Order(StringComparer.Ordinal));
        Assert.All(Default.Customers, c => Assert.True(Default.Grid.TryFind(c.AcquiredOn, out _)));
        Assert.Equal("sample company (seed 42), 3000 customers, monthly 2023-01..2025-12 (36 periods)", Default.ToString());
    }

    [Fact]
    public void RevenueRecords_AreOrderedInTheGridAndStartOnEachCustomersAcquisition()
    {
        IReadOnlyList<AssetRecord> records = Default.RevenueRecords;
        Assert.InRange(records.Count, 30_000, 80_000);
        for (int i = 1; i < records.Count; i++)
        {
            Assert.True(records[i - 1].Date <= records[i].Date, $"record {i} is out of date order");
        }

        Assert.All(records, r => Assert.True(Default.Grid.TryFind(r.Date, out _)));
        Dictionary<CustomerId, LocalDate> first = records.GroupBy(r => r.Customer).ToDictionary(g => g.Key, g => g.Min(r => r.Date));
        Assert.Equal(Default.Customers.Count, first.Count);
        Assert.All(Default.Customers, c => Assert.Equal(c.AcquiredOn, first[c.Id]));
        Assert.All(records, r => Assert.Equal(Default.Customers[int.Parse(r.Customer.Value.AsSpan(2), CultureInfo.InvariantCulture) - 1].Segment, r.Segment));
    }

    [Fact]
    public void RevenueRecords_HaveRefundsButNoCustomerEverNetsBelowZeroInAWeek()
    {
        Assert.Contains(Default.RevenueRecords, r => r.Amount.MinorUnits < 0);
        var weeks = PeriodGrid.Weekly(Default.Grid.Start, Default.Grid.End);
        Assert.All(
            Default.RevenueRecords.GroupBy(r => (r.Customer, weeks.IndexOf(r.Date))),
            g => Assert.True(g.Sum(r => r.Amount.MinorUnits) > 0, $"{g.Key} nets {g.Sum(r => r.Amount.MinorUnits)}"));
    }

    [Fact]
    public void RevenueLedger_ShowsEveryMovementClassAtPlausibleRates()
    {
        AssetMovementReport report = new AssetMovementCalculator().Calculate(Default.RevenueLedger());

        Assert.All(report.Periods, p => Assert.True(p.Reconciles()));
        IEnumerable<PeriodMovement> later = report.Periods.Skip(12);
        Assert.All(later, p =>
        {
            Assert.True(p.New.CustomerCount > 0, $"{p.Period}: no new customers");
            Assert.True(p.Expansion.CustomerCount > 0, $"{p.Period}: no expansion");
            Assert.True(p.Contraction.CustomerCount > 0, $"{p.Period}: no contraction");
            Assert.True(p.Churned.CustomerCount > 0, $"{p.Period}: no churn");
            double churnRate = (double)p.Churned.CustomerCount / p.OpeningCustomerCount;
            Assert.InRange(churnRate, 0.002, 0.08);
        });
        Assert.True(later.Sum(p => p.Reactivated.CustomerCount) > 50);
        Assert.True(report.Periods[^1].Closing > report.Periods[12].Closing, "the company grows");
    }

    [Fact]
    public void Generate_Options_ShapeTheCompany()
    {
        SampleCompany small = SampleCompany.Generate(new SampleCompanyOptions { Seed = 5, CustomerCount = 50, FirstMonth = new YearMonth(2020, 7), MonthCount = 6 });

        Assert.Equal(50, small.Customers.Count);
        Assert.Equal(PeriodGrid.Monthly(new YearMonth(2020, 7), new YearMonth(2020, 12)), small.Grid);
        Assert.All(small.RevenueRecords, r => Assert.True(small.Grid.TryFind(r.Date, out _)));
    }

    [Fact]
    public void Generate_FewerCustomers_KeepsTheFirstCustomersAsTheyWere()
    {
        SampleCompany small = SampleCompany.Generate(new SampleCompanyOptions { CustomerCount = 100 });

        Assert.Equal(Default.Customers.Take(100), small.Customers);
        Assert.Equal(Default.RevenueRecords.Where(r => small.Customers.Any(c => c.Id == r.Customer)), small.RevenueRecords);
    }

    [Theory]
    [InlineData(0, 36)]
    [InlineData(1_000_001, 36)]
    [InlineData(10, 0)]
    [InlineData(10, 1_201)]
    public void Generate_OutOfRangeOptions_Throw(int customers, int months)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SampleCompany.Generate(new SampleCompanyOptions { CustomerCount = customers, MonthCount = months }));
    }

    /// <summary>One line per record: <c>C-00001,2023-01-05,141600,USD,Mid-market</c>; LF; UTF-8.</summary>
    private static string Render(SampleCompany company)
    {
        var text = new StringBuilder();
        foreach (AssetRecord r in company.RevenueRecords)
        {
            text.Append(CultureInfo.InvariantCulture, $"{r.Customer.Value},{r.Date.Year:D4}-{r.Date.Month:D2}-{r.Date.Day:D2},{r.Amount.MinorUnits},{r.Amount.Currency.Code},{r.Segment}\n");
        }

        return text.ToString();
    }

    private static string Checksum(SampleCompany company) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Render(company))));
}
