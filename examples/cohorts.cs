#:package Cx.Domain@0.1.0
#:property PublishAot=false
// Cohort retention of the sample company: who stays, and how their value grows, by month of first purchase.
//   dotnet run cohorts.cs -- [cohorts.html]
using System.Globalization;
using Cx.Domain.Assets;
using Cx.Domain.Reporting;
using Cx.Domain.Samples;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture; // the same output on every machine
string output = args.Length > 0 ? args[0] : "cohorts.html";
SampleCompany company = SampleCompany.Generate();
AssetLedger ledger = company.RevenueLedger();
CohortMatrix cohorts = new CohortCalculator().Calculate(ledger);
var retention = new RetentionCalculator();
IReadOnlyList<CohortRetention> annual = retention.CohortMetrics(ledger, horizon: 12);
IReadOnlyList<PeriodRetention> monthly = retention.PeriodMetrics(new AssetMovementCalculator().Calculate(ledger));

Console.WriteLine(cohorts);
Console.WriteLine($"First cohort: {cohorts.Rows[0]}");
Console.WriteLine($"Its customers a year later: {Percent(cohorts.Rows[0].CustomerRetentionFraction(12))}; its value: {Percent(cohorts.Rows[0].ValueRetentionFraction(12))}");
Console.WriteLine($"Annual NRR, last month: {annual[^1]}");
Console.WriteLine($"Monthly NRR, last month: {monthly[^1]}");

var page = new HtmlPage("Cohort retention of the sample company")
    .AddSection("Customers", cohorts.ToHeatMap())
    .AddSection("Value", cohorts.ToValueHeatMap())
    .AddSection("Net and gross revenue retention over 12 months", annual.ToHtml())
    .AddSection("The matrix", cohorts.ToHtml());
File.WriteAllText(output, page.ToString());
Console.WriteLine($"Wrote {output} ({new FileInfo(output).Length:N0} bytes).");

static string Percent(double? fraction) => fraction is { } f ? (f * 100).ToString("F1", CultureInfo.InvariantCulture) + "%" : "-";
