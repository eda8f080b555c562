#:package Cx.Domain@0.1.0
#:package Cx.Domain.IO@0.1.0
#:property PublishAot=false
// The customer-asset bridge of your sales CSV, printed and drawn to an HTML page.
//   dotnet run bridge.cs -- [sales.csv] [bridge.html]
// The CSV has a header and one row per purchase, invoice line or refund (refunds negative):
//   customer_id,date,amount,segment      (date yyyy-MM-dd, amount with '.' decimals, segment optional)
// Cx.Domain.IO reads it (quoted fields, other delimiters, date formats, decimal commas and encodings are options of
// RevenueFileOptions) and reports every row it cannot read with its line and column.
using System.Globalization;
using System.Runtime.CompilerServices;
using Cx.Domain.Assets;
using Cx.Domain.IO;
using Cx.Domain.Primitives;
using Cx.Domain.Reporting;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture; // the same output on every machine
string input = args.Length > 0 ? args[0] : Path.Combine(Path.GetDirectoryName(Here())!, "data", "sales.csv");
string output = args.Length > 1 ? args[1] : "bridge.html";

RevenueFile file = RevenueFileReader.Read(input);
foreach (FileProblem problem in file.Problems)
{
    Console.Error.WriteLine(problem.Format(file.Name));
}

if (file.ProblemCount > 0)
{
    Console.Error.WriteLine($"{file.ProblemCount} row(s) could not be read; fix them and run again.");
    return 2;
}

// A monthly grid from the first sale to the last; every problem of the records is reported with its row and field.
PeriodGrid grid = PeriodGrid.Monthly(file.FirstDate!.Value, file.LastDate!.Value);
AssetLedger ledger = AssetLedger.FromColumns(file.Columns, grid);
AssetMovementReport report = new AssetMovementCalculator().Calculate(ledger);
var about = new ReportOptions { Source = file.Name, RecordCount = ledger.RecordCount };

Console.Write(report.ToText(about));
PeriodMovement last = report.Periods[^1];
Console.WriteLine();
Console.WriteLine($"Last period: {last}");

var page = new HtmlPage($"Customer asset bridge of {Path.GetFileName(input)}")
    .AddSection("From the first month to the last", report.ToWaterfallChart(), report.ToWaterfallChart(last.Period))
    .AddSection("Month by month", report.ToHtml(about))
    .AddSection("By segment", new AssetMovementCalculator().BySegment(ledger).ToHtml());
File.WriteAllText(output, page.ToString());
Console.WriteLine($"Wrote {output} ({new FileInfo(output).Length:N0} bytes): open it in a browser.");
return 0;

static string Here([CallerFilePath] string path = "") => path;
