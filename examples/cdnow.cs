#:package Cx.Domain@0.1.0
#:package Cx.Domain.IO@0.1.0
#:property PublishAot=false
// CDNOW end to end: 69,659 purchases of the 23,570 customers who first bought in the first quarter of 1997, read as
// they come (whitespace-separated, yyyyMMdd dates, amounts in dollar_value) by Cx.Domain.IO, turned into the
// customer-asset bridge, the 12-month customer view and the cohorts.
//   dotnet run cdnow.cs -- [CDNOW_master.txt] [cdnow.html]
// The data set is MIT-licensed (see tests/data/cdnow/LICENSE.lifetimes.txt in the repository).
using System.Globalization;
using System.Runtime.CompilerServices;
using Cx.Domain.Assets;
using Cx.Domain.IO;
using Cx.Domain.Primitives;
using Cx.Domain.Reporting;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture; // the same output on every machine
string input = args.Length > 0 ? args[0] : Path.Combine(Path.GetDirectoryName(Here())!, "..", "tests", "data", "cdnow", "CDNOW_master.txt");
string output = args.Length > 1 ? args[1] : "cdnow.html";

RevenueFile file = RevenueFileReader.Read(input, new RevenueFileOptions
{
    Amount = ColumnRef.Named("dollar_value"),
    DateFormat = "yyyyMMdd",
    Text = new TextFileOptions { Delimiter = Delimiter.Whitespace },
});
foreach (FileProblem problem in file.Problems)
{
    Console.Error.WriteLine(problem.Format(file.Name)); // every row that cannot be read, with its line and column
}

PeriodGrid grid = PeriodGrid.Monthly(file.FirstDate!.Value, file.LastDate!.Value);
AssetLedger ledger = AssetLedger.FromColumns(file.Columns, grid);
var calculator = new AssetMovementCalculator();
AssetMovementReport monthly = calculator.Calculate(ledger);
// A retail file: a customer counts as active when they bought in the last 12 months.
AssetMovementReport yearly = calculator.Calculate(ledger, new AssetMovementOptions { ActivityWindow = 12 });
CohortMatrix cohorts = new CohortCalculator().Calculate(ledger);

Console.WriteLine($"{file.RowCount:N0} purchases, {ledger.CustomerCount:N0} customers, {grid}");
Console.WriteLine($"Revenue 1997-Q1: USD {monthly.Unit.ToDecimal(monthly.Periods.Take(3).Sum(p => p.Closing)):N2}; 1998-Q2: USD {monthly.Unit.ToDecimal(monthly.Periods.TakeLast(3).Sum(p => p.Closing)):N2}");
Console.WriteLine($"Active in the last 12 months at the end: {yearly.Periods[^1].Customers.ActiveCount:N0} customers");
Console.WriteLine($"Of the January 1997 cohort ({cohorts.Rows[0].CustomerCount:N0}), active 12 months later: {cohorts.Rows[0].CustomerRetentionFraction(12) * 100:F1}%");

var about = new ReportOptions { Source = file.Name, RecordCount = ledger.RecordCount };
var page = new HtmlPage("CDNOW, January 1997 to June 1998")
    .AddSection("The customer asset", monthly.ToWaterfallChart(), monthly.ToHtml(about))
    .AddSection("Customers by month of first purchase", cohorts.ToHeatMap(), cohorts.ToValueHeatMap())
    .AddSection("Customers active in the last 12 months", yearly.ToHtml(about));
File.WriteAllText(output, page.ToString());
Console.WriteLine($"Wrote {output} ({new FileInfo(output).Length:N0} bytes).");

static string Here([CallerFilePath] string path = "") => path;
