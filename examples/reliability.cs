#:package Cx.Domain@0.1.0
#:property PublishAot=false
// Are the processes behind the sample company's key touchpoints meeting their standards, and did the early warnings
// come before the breaches? Status as of the last measurement, and a backtest over the whole history.
//   dotnet run reliability.cs -- [reliability.html]
using System.Globalization;
using Cx.Domain.Reliability;
using Cx.Domain.Reporting;
using Cx.Domain.Samples;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture; // the same output on every machine
string output = args.Length > 0 ? args[0] : "reliability.html";
SampleCompany company = SampleCompany.Generate();
var evaluator = new ReliabilityEvaluator();
var asOf = company.ReliabilityMeasurements.Max(m => m.At);
ReliabilityReport status = evaluator.Evaluate(company.ReliabilityStandards, company.ReliabilityMeasurements, asOf);
ReliabilityBacktest backtest = evaluator.Backtest(company.ReliabilityStandards, company.ReliabilityMeasurements);

Console.WriteLine(status);
foreach (StandardEvaluation e in status.Standards)
{
    Console.WriteLine($"  {e.Standard.Id}: {e.Status} ({e.CurrentWindow})");
}

Console.WriteLine($"Backtest: {backtest}");

var page = new HtmlPage("Reliability of the sample company's key processes")
    .AddSection("Status", status.ToHtml())
    .AddSection("Run charts", [.. status.Standards.Select(e => (object)e.ToRunChart(company.ReliabilityMeasurements))])
    .AddSection("Backtest of the early warnings", [.. backtest.Standards.Where(s => s.Breaches.Count > 0).Select(s => (object)s.ToRunChart(company.ReliabilityMeasurements)), backtest.ToHtml()]);
File.WriteAllText(output, page.ToString());
Console.WriteLine($"Wrote {output} ({new FileInfo(output).Length:N0} bytes).");
