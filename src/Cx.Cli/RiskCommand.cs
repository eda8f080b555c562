using System.CommandLine;
using Cx.Cli.Output;
using Cx.Domain.EarlyWarning;
using Cx.Domain.Primitives;
using Cx.Domain.Reporting;

namespace Cx.Cli;

/// <summary><c>cx risk</c>: the early-warning list of one period — every reliability standard with a warning episode open or breached, with its
/// stage, owner, the customers and value its failures exposed, and the revenue at risk with its interval — as a table,
/// Markdown, CSV or JSON; from the sample company or from files (the same inputs as <c>cx room</c>, without feedback).</summary>
/// <remarks>Thin by design: every figure comes from <see cref="RevenueErosionCalculator"/>, every rendering from
/// <see cref="EarlyWarningRenderer"/>.</remarks>
internal static class RiskCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, CxConsole console)
    {
        RoomCommand.Inputs inputs = RoomCommand.Inputs.Create(withFeedback: false);
        Option<string?> format = OutputFormats.CreateFormatOption();
        Option<string?> output = OutputFormats.CreateOutputOption();
        var command = new Command("risk", "The early-warning list: every reliability standard on watch or breached in a period, with its stage, owner and moment of truth, the customers and value its failures exposed, and the revenue at risk with its interval (or why there is too little evidence).");
        inputs.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(output);
        command.SetAction(parse => Run(inputs.Read(parse), parse.GetValue(format), parse.GetValue(output), stdout, stderr, console));
        return command;
    }

    internal static int Run(RoomCommand.Settings settings, string? format, string? output, TextWriter stdout, TextWriter stderr, CxConsole console)
    {
        OutputFormat chosen = OutputFormats.Choose(format, output, console.IsOutputRedirected);
        EarlyWarningOptions options = RoomCommand.Options(settings); // a bad --policy fails before the files are read
        RoomCommand.Loaded loaded = RoomCommand.Load(settings, stderr, console);
        GridPeriod period = RoomCommand.PeriodOf(settings, loaded.Input.Ledger.Grid);
        ErosionReport report = RoomCommand.Calculate(loaded, () => new RevenueErosionCalculator(options).Report(loaded.Input, period));
        var about = new ReportOptions { Source = loaded.Source };
        string text = chosen switch
        {
            OutputFormat.Json => report.ToWarningListJson(about),
            OutputFormat.Csv => report.ToWarningListCsv(),
            OutputFormat.Markdown => report.ToWarningListMarkdown(about),
            _ => report.ToWarningListText(about),
        };
        OutputFile.Write(output, stdout, writer => writer.Write(text), console, RoomCommand.InputFilesOf(settings));
        return CxApp.Ok;
    }
}
