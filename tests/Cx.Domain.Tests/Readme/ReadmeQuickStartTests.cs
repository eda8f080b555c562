using System.Text.RegularExpressions;
using Cx.Domain.Assets;
using Cx.Domain.Primitives;
using Cx.Domain.Tests.TestData;
using NodaTime;

namespace Cx.Domain.Tests.Readme;

/// <summary>The README's quick start is compiled and run here, so it cannot rot: the test checks that the README's code
/// block is this method's body, line for line, and that it prints the bridge it promises.</summary>
public sealed partial class ReadmeQuickStartTests
{
    private static void QuickStart(TextWriter console)
    {
        // README quick start: begin
        var grid = PeriodGrid.Monthly(new YearMonth(2024, 1), new YearMonth(2024, 3));
        AssetRecord Sale(string who, int month, decimal usd) =>
            new(CustomerId.From(who), new LocalDate(2024, month, 15), Money.FromDecimal(usd, Currency.Usd));

        var ledger = AssetLedger.FromRecords([Sale("A", 1, 100m), Sale("A", 2, 150m), Sale("B", 2, 80m), Sale("B", 3, 60m)], grid);
        var report = new AssetMovementCalculator().Calculate(ledger);

        foreach (var p in report.Periods)
            console.WriteLine($"{p.Period}: {report.ToMoney(p.Opening)} -> {report.ToMoney(p.Closing)}" +
                $" (new {p.New.CustomerCount}, expanded {p.Expansion.CustomerCount}, contracted {p.Contraction.CustomerCount}, churned {p.Churned.CustomerCount})");
        // README quick start: end
    }

    [Fact]
    public void QuickStart_AsWrittenInTheReadme_PrintsTheBridge()
    {
        using var output = new StringWriter();
        QuickStart(output);

        Assert.Equal(
            [
                "2024-01: USD 0.00 -> USD 100.00 (new 1, expanded 0, contracted 0, churned 0)",
                "2024-02: USD 100.00 -> USD 230.00 (new 1, expanded 1, contracted 0, churned 0)",
                "2024-03: USD 230.00 -> USD 60.00 (new 0, expanded 0, contracted 1, churned 1)",
            ],
            output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public void QuickStart_ReadmeBlock_IsTheCompiledCode()
    {
        string readme = File.ReadAllText(Path.Combine(TestFiles.RepositoryRoot, "README.md"));
        Match block = ReadmeBlock().Match(readme);
        Assert.True(block.Success, "README.md has no ```csharp block after '## Quick start'.");
        string[] readmeLines = Lines(block.Groups["code"].Value).Where(l => !l.StartsWith("using ", StringComparison.Ordinal)).ToArray();

        string source = File.ReadAllText(Path.Combine(TestFiles.RepositoryRoot, "tests", "Cx.Domain.Tests", "Readme", "ReadmeQuickStartTests.cs"));
        int begin = source.IndexOf("// README quick start: begin", StringComparison.Ordinal);
        int end = source.IndexOf("// README quick start: end", StringComparison.Ordinal);
        string[] codeLines = Lines(source[begin..end]).Skip(1).Select(l => l.Replace("console.WriteLine", "Console.WriteLine", StringComparison.Ordinal)).ToArray();

        Assert.Equal(codeLines, readmeLines);
    }

    private static IEnumerable<string> Lines(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);

    [GeneratedRegex(@"## Quick start.*?```csharp\r?\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex ReadmeBlock();
}
