#:package Cx.Domain@0.1.0
#:property PublishAot=false
// The customer-asset bridge of your sales CSV, printed and drawn to an HTML page.
//   dotnet run bridge.cs -- [sales.csv] [bridge.html]
// The CSV has a header and one row per purchase, invoice line or refund (refunds negative):
//   customer_id,date,amount,segment      (date yyyy-MM-dd, amount with '.' decimals, segment optional)
// This reader splits on commas and knows no quoting; for real exports (quoted fields, other delimiters and date formats)
// use the Cx.Domain.Csv package or the cx tool.
using System.Globalization;
using System.Runtime.CompilerServices;
using Cx.Domain.Assets;
using Cx.Domain.Primitives;
using Cx.Domain.Reporting;
using NodaTime.Text;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture; // the same output on every machine
string input = args.Length > 0 ? args[0] : Path.Combine(Path.GetDirectoryName(Here())!, "data", "sales.csv");
string output = args.Length > 1 ? args[1] : "bridge.html";

var records = new List<AssetRecord>();
string[] header = [];
int line = 0;
foreach (string row in File.ReadLines(input))
{
    line++;
    string[] cells = row.Split(',');
    if (line == 1)
    {
        header = cells;
        continue;
    }

    string Cell(string name) => cells[Array.IndexOf(header, name)];
    records.Add(new AssetRecord(
        CustomerId.From(Cell("customer_id")),
        LocalDatePattern.Iso.Parse(Cell("date")).GetValueOrThrow(),
        Money.FromDecimal(decimal.Parse(Cell("amount"), NumberStyles.Number | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture), Currency.Usd),
        Array.IndexOf(header, "segment") >= 0 && Cell("segment").Length > 0 ? Cell("segment") : null));
}

// A monthly grid from the first sale to the last; every problem in the rows is reported with its position and field.
PeriodGrid grid = PeriodGrid.MonthlyCovering(records);
AssetLedger ledger = AssetLedger.FromRecords(records, grid);
AssetMovementReport report = new AssetMovementCalculator().Calculate(ledger);
var about = new ReportOptions { Source = Path.GetFileName(input), RecordCount = ledger.RecordCount };

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

static string Here([CallerFilePath] string path = "") => path;
