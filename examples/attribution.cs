#:package Cx.Domain@0.1.0
#:property PublishAot=false
// Where along the journey the sample company earned and lost its customer asset: journey-stage attribution.
//   dotnet run attribution.cs -- [model] [attribution.html]      model: Linear (default), MarkovChain, Shapley, ...
using System.Globalization;
using Cx.Domain.Assets;
using Cx.Domain.Attribution;
using Cx.Domain.Reporting;
using Cx.Domain.Samples;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture; // the same output on every machine
AttributionModel model = args.Length > 0 ? Enum.Parse<AttributionModel>(args[0], ignoreCase: true) : AttributionModel.Linear;
string output = args.Length > 1 ? args[1] : "attribution.html";
SampleCompany company = SampleCompany.Generate();
AssetLedger ledger = company.RevenueLedger();
AttributionResult result = new JourneyAttributionCalculator().Calculate(company.Journey, ledger, company.ExperienceEvents, new AttributionOptions { Model = model });

Console.WriteLine(result);
foreach (StageCredit stage in result.Stages)
{
    Console.WriteLine($"  {stage}");
}

StageCredit weakest = result.Stages.MinBy(s => s.NetValue)!;
Console.WriteLine($"Weakest stage: {weakest.Stage.Name}, net {result.Unit.Name} {result.Unit.ToDecimal(weakest.NetValue):N2}.");

var page = new HtmlPage($"Journey attribution of the sample company ({model})")
    .AddSection("Earned and lost by stage", result.ToStageChart())
    .AddSection("The figures", result.ToHtml());
File.WriteAllText(output, page.ToString());
Console.WriteLine($"Wrote {output} ({new FileInfo(output).Length:N0} bytes).");
