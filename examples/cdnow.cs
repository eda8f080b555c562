#:package Cx.Domain@0.1.0
#:property PublishAot=false
// CDNOW end to end: 69,659 purchases of the 23,570 customers who first bought in the first quarter of 1997, read as
// they come (whitespace-separated, yyyyMMdd dates), turned into the customer-asset bridge, cohorts and retention.
//   dotnet run cdnow.cs -- [CDNOW_master.txt] [cdnow.html]
// The data set is MIT-licensed (see tests/data/cdnow/LICENSE.lifetimes.txt in the repository).
using System.Globalization;
using System.Runtime.CompilerServices;
using Cx.Domain.Assets;
using Cx.Domain.Primitives;
using Cx.Domain.Reporting;
using NodaTime.Text;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture; // the same output on every machine
string input = args.Length > 0 ? args[0] : Path.Combine(Path.GetDirectoryName(Here())!, "..", "tests", "data", "cdnow", "CDNOW_master.txt");
string output = args.Length > 1 ? args[1] : "cdnow.html";

// Columns: customer id, date (yyyyMMdd), number of CDs, dollar value; a header line first.
LocalDatePattern yyyyMMdd = LocalDatePattern.CreateWithInvariantCulture("yyyyMMdd");
var records = new List<AssetRecord>();
foreach (string line in File.ReadLines(input).Skip(1))
{
    string[] f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    records.Add(new AssetRecord(
        CustomerId.From(f[0]), yyyyMMdd.Parse(f[1]).GetValueOrThrow(),
        Money.FromDecimal(decimal.Parse(f[3], NumberStyles.Number, CultureInfo.InvariantCulture), Currency.Usd)));
}

PeriodGrid grid = PeriodGrid.MonthlyCovering(records);
AssetLedger ledger = AssetLedger.FromRecords(records, grid);
var calculator = new AssetMovementCalculator();
AssetMovementReport monthly = calculator.Calculate(ledger);
// A retail file: a customer counts as active when they bought in the last 12 months.
AssetMovementReport yearly = calculator.Calculate(ledger, new AssetMovementOptions { ActivityWindow = 12 });
CohortMatrix cohorts = new CohortCalculator().Calculate(ledger);

Console.WriteLine($"{records.Count:N0} purchases, {ledger.CustomerCount:N0} customers, {grid}");
Console.WriteLine($"Revenue 1997-Q1: USD {monthly.Unit.ToDecimal(monthly.Periods.Take(3).Sum(p => p.Closing)):N2}; 1998-Q2: USD {monthly.Unit.ToDecimal(monthly.Periods.TakeLast(3).Sum(p => p.Closing)):N2}");
Console.WriteLine($"Active in the last 12 months at the end: {yearly.Periods[^1].Customers.ActiveCount:N0} customers");
Console.WriteLine($"Of the January 1997 cohort ({cohorts.Rows[0].CustomerCount:N0}), active 12 months later: {cohorts.Rows[0].CustomerRetentionFraction(12) * 100:F1}%");

var about = new ReportOptions { Source = Path.GetFileName(input), RecordCount = ledger.RecordCount };
var page = new HtmlPage("CDNOW, January 1997 to June 1998")
    .AddSection("The customer asset", monthly.ToWaterfallChart(), monthly.ToHtml(about))
    .AddSection("Customers by month of first purchase", cohorts.ToHeatMap(), cohorts.ToValueHeatMap())
    .AddSection("Customers active in the last 12 months", yearly.ToHtml(about));
File.WriteAllText(output, page.ToString());
Console.WriteLine($"Wrote {output} ({new FileInfo(output).Length:N0} bytes).");

static string Here([CallerFilePath] string path = "") => path;
