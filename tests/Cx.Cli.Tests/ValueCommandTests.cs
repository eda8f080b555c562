using System.Globalization;
using System.Text;
using System.Text.Json;
using Cx.Cli.Tests.TestData;
using Cx.Domain.Assets;
using Cx.Domain.Primitives;
using Cx.Domain.Reporting;
using Cx.Domain.Samples;
using Cx.Domain.Value;
using NodaTime;
using NodaTime.Text;

namespace Cx.Cli.Tests;

/// <summary><c>cx value</c> end to end, in-process: the published BG/NBD, Pareto/NBD and Gamma-Gamma estimates from the
/// CDNOW purchase log through the command, the figures against the library's, the options, and bad input. Every format on
/// the small fixture (<c>Fixtures/value/small.csv</c>) and on the sample company is pinned byte for byte with the other
/// commands' outputs in <see cref="OutputGoldenTests"/> (<c>Fixtures/golden/value-*</c>).</summary>
public sealed class ValueCommandTests
{
    private static string Small => Tool.Fixture("value/small.csv");

    [Fact]
    public void Value_CdnowPurchaseLog_ReproducesThePublishedEstimates()
    {
        // CDNOW_sample.txt (tests/data/cdnow, MIT) turned into the revenue CSV cx reads: customer = the sample id,
        // date as yyyyMMdd, the dollar value. Fader, Hardie and Lee (2005), "Counting your customers the easy way",
        // Marketing Science 24(2), section 4: BG/NBD r = 0.243, alpha = 4.414, a = 0.793, b = 2.426, LL = -9582.4 on the
        // 2,357 customers and 39 weeks to 1997-09-30. Fader and Hardie (2013), "The Gamma-Gamma model of monetary value":
        // p = 6.25, q = 3.74, gamma = 15.44, LL = -4055.92 on the 946 repeat buyers. Three significant digits.
        using var folder = new TempFolder();
        string csv = folder.File("cdnow.csv");
        File.WriteAllText(csv, CdnowCsv());

        CliRun run = Tool.Run("value", "--input", csv, "--date-format", "yyyyMMdd", "--calibration-end", "1997-09-30", "--format", "json");

        Assert.True(run.ExitCode == 0, run.Stderr);
        using JsonDocument doc = JsonDocument.Parse(run.Stdout);
        JsonElement root = doc.RootElement;
        JsonElement data = root.GetProperty("data");
        Assert.Equal(6919, data.GetProperty("records").GetInt64());
        Assert.Equal(2357, data.GetProperty("customers").GetInt32());
        Assert.Equal(2457, data.GetProperty("repeatPurchases").GetInt64());
        Assert.Equal(223, data.GetProperty("mergedSameDayRecords").GetInt64());
        JsonElement fit = root.GetProperty("fit");
        Assert.Equal("converged", fit.GetProperty("status").GetString());
        Assert.Equal(["r", "alpha", "a", "b"], fit.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        double[] bgnbd = [.. fit.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("value").GetDouble())];
        Significant(0.243, bgnbd[0]);
        Significant(4.414, bgnbd[1]);
        Significant(0.793, bgnbd[2]);
        Significant(2.426, bgnbd[3]);
        Significant(-9582.4, fit.GetProperty("logLikelihood").GetDouble());
        JsonElement spend = root.GetProperty("spend");
        Assert.Equal("gammaGamma", spend.GetProperty("source").GetString());
        Assert.Equal(946, spend.GetProperty("repeatBuyers").GetInt32());
        double[] gg = [.. spend.GetProperty("fit").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("value").GetDouble())];
        Significant(6.25, gg[0]);
        Significant(3.74, gg[1]);
        Significant(15.44, gg[2]);
        Significant(-4055.92, spend.GetProperty("fit").GetProperty("logLikelihood").GetDouble());
        // The holdout: 1,882 repeat purchases by these customers in weeks 40 to 78.
        Assert.Equal(1882, root.GetProperty("holdout").GetProperty("actual").GetInt64());
        Assert.Equal(39, root.GetProperty("holdout").GetProperty("steps").GetArrayLength());
        Assert.Equal(0, root.GetProperty("findings").GetArrayLength());
    }

    [Fact]
    public void Value_CdnowParetoNbd_ReproducesThePublishedEstimates()
    {
        // Fader, Hardie and Lee (2005), section 4: Pareto/NBD r = 0.553, alpha = 10.578, s = 0.606, beta = 11.669,
        // LL = -9595.0.
        using var folder = new TempFolder();
        string csv = folder.File("cdnow.csv");
        File.WriteAllText(csv, CdnowCsv());

        CliRun run = Tool.Run("value", "-i", csv, "--date-format", "yyyyMMdd", "--calibration-end", "1997-09", "-m", "pareto-nbd", "-f", "json");

        Assert.True(run.ExitCode == 0, run.Stderr);
        using JsonDocument doc = JsonDocument.Parse(run.Stdout);
        Assert.Equal("pareto-nbd", doc.RootElement.GetProperty("model").GetString());
        double[] p = [.. doc.RootElement.GetProperty("fit").GetProperty("parameters").EnumerateArray().Select(e => e.GetProperty("value").GetDouble())];
        Significant(0.553, p[0]);
        Significant(10.578, p[1]);
        Significant(0.606, p[2]);
        Significant(11.669, p[3]);
        Significant(-9595.0, doc.RootElement.GetProperty("fit").GetProperty("logLikelihood").GetDouble());
        Assert.True(doc.RootElement.GetProperty("value").GetProperty("closedFormValue").GetDouble() > 0);
    }

    [Fact]
    public void Value_SmallFixture_FiguresEqualTheLibrarys()
    {
        CustomerValueAnalysis expected = CustomerValueAnalysis.Run(ReadSmall(), new CustomerValueAnalysisOptions
        {
            CalibrationEnd = new LocalDate(2024, 9, 30),
            Model = PurchaseModelKind.ParetoNbd,
            TimeUnit = ValueTimeUnit.Days,
            Value = new CustomerValueOptions { AnnualDiscountRate = 0.08, HorizonPeriods = 24, Margin = 0.4 },
            AtRisk = new AtRiskOptions { ProbabilityAliveThreshold = 0.3, MaxCustomers = 7 },
        });

        CliRun run = Tool.Run("value", "-i", Small, "--calibration-end", "2024-09-30", "--model", "pareto-nbd", "--unit", "days",
            "--discount-rate", "8%", "--horizon", "24", "--margin", "0.4", "--at-risk-threshold", "30%", "--top", "7", "--format", "json");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(expected.ToJson(), run.Stdout);
        using JsonDocument doc = JsonDocument.Parse(run.Stdout);
        JsonElement root = doc.RootElement;
        Assert.Equal(expected.PurchaseFit.LogLikelihood, root.GetProperty("fit").GetProperty("logLikelihood").GetDouble());
        Assert.Equal(expected.PurchaseFit.Estimates.Select(e => e.Value), root.GetProperty("fit").GetProperty("parameters").EnumerateArray().Select(e => e.GetProperty("value").GetDouble()));
        JsonElement value = root.GetProperty("value");
        Assert.Equal(0.08, value.GetProperty("annualDiscountRate").GetDouble());
        Assert.Equal(24, value.GetProperty("horizonPeriods").GetInt32());
        Assert.Equal(0.4, value.GetProperty("margin").GetDouble());
        Assert.Equal(expected.Values!.TotalResidualValue, value.GetProperty("residualValue").GetDouble());
        Assert.Equal(expected.Values.TotalClosedFormValue, value.GetProperty("closedFormValue").GetDouble());
        JsonElement atRisk = root.GetProperty("atRisk");
        Assert.Equal(0.3, atRisk.GetProperty("threshold").GetDouble());
        Assert.Equal(expected.AtRisk!.SelectedCount, atRisk.GetProperty("customers").GetInt32());
        Assert.Equal(7, atRisk.GetProperty("top").GetArrayLength());
        Assert.Equal(expected.AtRisk.Customers.Select(c => c.Customer.Value), atRisk.GetProperty("top").EnumerateArray().Select(c => c.GetProperty("customer").GetString()));
        Assert.Equal(expected.AtRisk.Customers.Select(c => c.ValueAtRisk), atRisk.GetProperty("top").EnumerateArray().Select(c => c.GetProperty("valueAtRisk").GetDouble()));
        Assert.Equal(expected.AtRisk.Segments.Sum(s => s.CustomerCount), atRisk.GetProperty("segments").EnumerateArray().Sum(s => s.GetProperty("customers").GetInt32()));
    }

    [Fact]
    public void Value_SmallFixture_TableNamesTheSplitTheFitAndTheList()
    {
        CliRun run = Tool.Run(CxConsole.Redirected with { IsOutputRedirected = false }, "value", "-i", Small, "--top", "3");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        string[] lines = run.Stdout.Split('\n');
        Assert.Equal("Customer value from small.csv", lines[0]);
        // The default calibration end: two thirds of 2024-01-01..2025-03-29 (453 days): 302 days, 2024-10-29.
        Assert.StartsWith("985 records from 2024-01-01 to 2025-03-29, in weeks and USD. Calibration to 2024-10-29 (43.14 weeks): 120 customers", lines[2], StringComparison.Ordinal);
        Assert.Contains("1 customer first seen in the holdout (not in the fit); 1 customer with refunds only (not valued)", lines[2], StringComparison.Ordinal);
        Assert.Contains("Purchase model (BG/NBD):", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Holdout check:", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Spend model (Gamma-Gamma):", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("rank  customer  segment    repeat purchases  weeks silent  P(alive)  value if alive  expected value  value at risk", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("By segment, all customers at risk:", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Value_Sample_SaysTheModelDoesNotFitAndListsNoValues()
    {
        CliRun run = Tool.Run("value", "--sample", "--format", "table");

        Assert.Equal(0, run.ExitCode);
        // The sample's purchases are scheduled, not buy-till-you-die: the search runs off along r, alpha -> infinity and stops
        // where the Hessian is not negative definite (since issue 13 the likelihood is right there, at r of 1e7 and more).
        Assert.Contains("BG/NBD fitted on 1,850 customers: no proper maximum", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("billing on a schedule, as in a subscription or a lease", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Customers at risk", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Holdout check", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Value_SampleAsCsv_WritesTheHeaderAndTheNotesToStandardError()
    {
        CliRun run = Tool.Run("value", "--sample", "--format", "csv");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("rank,customer,segment,repeat_purchases,recency,age,time_unit,p_alive,expected_purchases,expected_spend,residual_value,residual_value_if_alive,value_at_risk,closed_form_value,currency\n", run.Stdout);
        Assert.Equal(3, run.ErrorLines.Length);
        Assert.All(run.ErrorLines, line => Assert.StartsWith("cx: note: ", line, StringComparison.Ordinal));
        Assert.Contains("subscription", run.ErrorLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Value_SampleWithSeed_MatchesTheLibrary()
    {
        CustomerValueAnalysis expected = CustomerValueAnalysis.Run(SampleCompany.Generate(7).RevenueRecords);

        CliRun run = Tool.Run("value", "--sample", "--seed", "7", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(expected.ToJson(), run.Stdout);
    }

    [Fact]
    public void Value_NoFormatAndStdoutRedirected_WritesJson()
    {
        CliRun run = Tool.Run("value", "-i", Small);

        Assert.Equal(0, run.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(run.Stdout);
        Assert.Equal("bgnbd", doc.RootElement.GetProperty("model").GetString());
    }

    [Fact]
    public void Value_Output_WritesTheFileWholeByItsExtension()
    {
        using var folder = new TempFolder();
        string output = folder.File("value.md");
        File.WriteAllText(output, "previous report");

        CliRun run = Tool.Run("value", "-i", Small, "--output", output);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.StartsWith("## Customer value from small.csv\n", File.ReadAllText(output), StringComparison.Ordinal);
        Assert.Equal([output], Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void Value_BadInput_LeavesTheOutputFileAsItWasAndNoTemporaryFile()
    {
        using var folder = new TempFolder();
        string output = folder.File("value.json");
        File.WriteAllText(output, "previous report");

        CliRun run = Tool.Run("value", "-i", Tool.Fixture("bad.csv"), "--output", output);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("previous report", File.ReadAllText(output));
        Assert.Equal([output], Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void Value_BadRows_ReportsEachWithLineAndColumnAsMovementsDoes()
    {
        CliRun value = Tool.Run("value", "--input", Tool.Fixture("bad.csv"));
        CliRun movements = Tool.Run("movements", "--input", Tool.Fixture("bad.csv"));

        Assert.Equal(2, value.ExitCode);
        Assert.Equal(string.Empty, value.Stdout);
        Assert.Equal("bad.csv line 3, column 'date': expected a date such as 2024-03-15 (format yyyy-MM-dd, set with --date-format); got '2024-02-30'.", value.ErrorLines[0]);
        Assert.Equal("cx: 14 problems in bad.csv; nothing was written.", value.ErrorLines[^1]);
        Assert.Equal(movements.ErrorLines, value.ErrorLines);
    }

    [Theory]
    [InlineData("empty.csv")]
    [InlineData("header-only.csv")]
    public void Value_NoDataRows_IsBadInput(string fixture)
    {
        CliRun run = Tool.Run("value", "-i", Tool.Fixture(fixture));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains($"cx: 1 problem in {fixture}; nothing was written.", run.ErrorLines);
    }

    [Fact]
    public void Value_CalibrationEndBeforeTheFirstRecord_NamesTheOptionAndTheRange()
    {
        CliRun run = Tool.Run("value", "-i", Small, "--calibration-end", "2023-12-31");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Equal(
            ["cx: --calibration-end: 2023-12-31 is before the first record (2024-01-01), so no customer has bought by then; give a day between 2024-01-01 and 2025-03-29."],
            run.ErrorLines);
    }

    [Fact]
    public void Value_HoldoutEndNotAfterTheCalibrationEnd_IsBadInput()
    {
        CliRun given = Tool.Run("value", "-i", Small, "--calibration-end", "2024-09-30", "--holdout-end", "2024-09-30");
        CliRun defaulted = Tool.Run("value", "-i", Small, "--holdout-end", "2024-06");

        Assert.Equal(2, given.ExitCode);
        Assert.Equal(["cx: --holdout-end: expected a day after --calibration-end 2024-09-30, got 2024-09-30."], given.ErrorLines);
        Assert.Equal(2, defaulted.ExitCode);
        Assert.Equal(
            ["cx: --holdout-end: expected a day after the calibration end 2024-10-29 (two thirds of the data's date range; set it with --calibration-end), got 2024-06-30."],
            defaulted.ErrorLines);
    }

    [Fact]
    public void Value_HoldoutEndBeforeTheLastRecord_ValuesAsOfItAndCountsTheLaterRecords()
    {
        CliRun run = Tool.Run("value", "-i", Small, "--calibration-end", "2024-08-31", "--holdout-end", "2024-12-31", "-f", "json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(run.Stdout);
        JsonElement data = doc.RootElement.GetProperty("data");
        Assert.Equal("2024-12-31", data.GetProperty("asOf").GetString());
        Assert.Equal("2024-12-31", doc.RootElement.GetProperty("value").GetProperty("asOf").GetString());
        Assert.True(data.GetProperty("recordsAfterHoldout").GetInt64() > 0);
    }

    [Fact]
    public void Value_CalibrationToTheLastRecord_HasNoHoldoutAndANote()
    {
        CliRun run = Tool.Run("value", "-i", Small, "--calibration-end", "2025-03-29", "-f", "json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(run.Stdout);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("holdout").ValueKind);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("data").GetProperty("holdoutEnd").ValueKind);
        Assert.Equal("noHoldout", doc.RootElement.GetProperty("findings")[0].GetProperty("kind").GetString());
    }

    [Fact]
    public void Value_AHoldoutEndCenturiesAway_IsExit2NamingTheOption()
    {
        // Found by the CLI fuzz run of issue 13: --holdout-end 9998-12 compared 417,000 weekly steps and did not end.
        CliRun run = Tool.Run("value", "-i", Small, "--holdout-end", "9998-12", "--format", "json");

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.StartsWith("cx: --holdout-end: Expected a holdout period of at most 36525 days (100 years", run.ErrorLines[0], StringComparison.Ordinal);
        Assert.EndsWith("[CX0908]", run.ErrorLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Value_SharesInExponentNotation_AreAccepted()
    {
        // Found by the CLI fuzz run of issue 13: --discount-rate 1e-3 was refused as "expected a yearly rate from 0 to 1".
        CliRun run = Tool.Run("value", "-i", Small, "--calibration-end", "2024-09-30", "--discount-rate", "5e-2", "--at-risk-threshold", "2.5E-1", "--format", "json");

        Assert.True(run.ExitCode == 0, run.Stderr);
        using JsonDocument doc = JsonDocument.Parse(run.Stdout);
        Assert.Equal(0.05, doc.RootElement.GetProperty("value").GetProperty("annualDiscountRate").GetDouble());
        Assert.Equal(0.25, doc.RootElement.GetProperty("atRisk").GetProperty("threshold").GetDouble());
    }

    [Theory]
    [InlineData("--discount-rate", "abc", "cx: --discount-rate: expected a yearly rate from 0 to 1 such as 0.1, or a percentage such as 10%; got 'abc'.")]
    [InlineData("--discount-rate", "150%", "cx: --discount-rate: expected a yearly rate from 0 to 1 such as 0.1, or a percentage such as 10%; got '150%'.")]
    [InlineData("--discount-rate", "-0.1", "cx: --discount-rate: expected a yearly rate from 0 to 1 such as 0.1, or a percentage such as 10%; got '-0.1'.")]
    [InlineData("--margin", "0", "cx: --margin: expected a share above 0 and at most 1 such as 0.3, or a percentage such as 30%; got '0'.")]
    [InlineData("--at-risk-threshold", "1.5", "cx: --at-risk-threshold: expected a probability above 0 and at most 1 such as 0.5, or a percentage such as 50%; got '1.5'.")]
    [InlineData("--at-risk-threshold", "NaN", "cx: --at-risk-threshold: expected a probability above 0 and at most 1 such as 0.5, or a percentage such as 50%; got 'NaN'.")]
    [InlineData("--top", "0", "cx: --top: expected 1 to 1000000 customers, got 0.")]
    [InlineData("--horizon", "0", "cx: --horizon: expected 1 to 1200 months, got 0.")]
    [InlineData("--calibration-end", "30/09/2024", "cx: --calibration-end: expected a date such as 2024-03-15 or a month such as 2024-03, got '30/09/2024'.")]
    [InlineData("--model", "pareto", "cx: Argument 'pareto' not recognized. Must be one of:\n\t'bgnbd'\n\t'pareto-nbd'")]
    [InlineData("--unit", "months", "cx: Argument 'months' not recognized. Must be one of:\n\t'weeks'\n\t'days'")]
    public void Value_BadOption_ExitsWithTwoAndSaysWhatIsExpected(string option, string text, string message)
    {
        CliRun run = Tool.Run("value", "-i", Small, option, text);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.StartsWith(message + "\n", run.Stderr, StringComparison.Ordinal);
        Assert.EndsWith("Run 'cx value --help' for usage.\n", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Value_InputAndSample_IsBadInput()
    {
        CliRun both = Tool.Run("value", "-i", Small, "--sample");
        CliRun neither = Tool.Run("value");

        Assert.Equal(2, both.ExitCode);
        Assert.StartsWith("cx: Give either --input or --sample, not both", both.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, neither.ExitCode);
        Assert.Equal(["cx: Give --input FILE (a CSV of dated amounts; '-' for standard input), or --sample for the built-in sample company. See 'cx value --help'."], neither.ErrorLines);
    }

    [Fact]
    public void Value_StandardInput_ReadsTheCsv()
    {
        byte[] bytes = File.ReadAllBytes(Small);
        CxConsole console = CxConsole.Redirected with { OpenStandardInput = () => new MemoryStream(bytes) };

        CliRun piped = Tool.Run(console, "value", "-i", "-", "-f", "json");
        CliRun file = Tool.Run("value", "-i", Small, "-f", "json");

        Assert.Equal(0, piped.ExitCode);
        Assert.Equal(file.Stdout, piped.Stdout);
    }

    [Fact]
    public void Value_Help_ListsEveryOption()
    {
        CliRun run = Tool.Run("value", "--help");

        Assert.Equal(0, run.ExitCode);
        foreach (string option in (string[])["--input", "--sample", "--calibration-end", "--holdout-end", "--model", "--unit", "--discount-rate", "--horizon", "--margin", "--at-risk-threshold", "--top", "--format", "--output", "--date-format", "--delimiter"])
        {
            Assert.Contains(option, run.Stdout, StringComparison.Ordinal);
        }
    }

    /// <summary>The records of small.csv, read here without the tool: customer, date, amount, segment.</summary>
    private static List<AssetRecord> ReadSmall() =>
        [.. File.ReadLines(Small).Skip(1).Select(line => line.Split(','))
            .Select(f => new AssetRecord(CustomerId.From(f[0]), LocalDatePattern.Iso.Parse(f[1]).Value, Money.FromDecimal(decimal.Parse(f[2], CultureInfo.InvariantCulture), Currency.Usd), f[3]))];

    /// <summary>CDNOW_sample.txt (master id, sample id, yyyyMMdd, CDs, dollars; blank separated) as a revenue CSV.</summary>
    private static string CdnowCsv()
    {
        var csv = new StringBuilder("customer_id,date,amount\n");
        foreach (string line in File.ReadLines(Path.Combine(RepositoryRoot(), "tests", "data", "cdnow", "CDNOW_sample.txt")))
        {
            string[] f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length == 5)
            {
                csv.Append(f[1]).Append(',').Append(f[2]).Append(',').Append(f[4]).Append('\n');
            }
        }

        return csv.ToString();
    }

    /// <summary>Asserts that <paramref name="actual"/> equals <paramref name="expected"/> to three significant digits: within
    /// half a unit of the third significant digit of the published figure.</summary>
    private static void Significant(double expected, double actual, int digits = 3)
    {
        double scale = Math.Pow(10, Math.Floor(Math.Log10(Math.Abs(expected))) - digits + 1);
        Assert.True(Math.Abs(expected - actual) <= 0.5 * scale, string.Create(CultureInfo.InvariantCulture, $"expected {expected} to {digits} significant digits, got {actual}"));
    }

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Cx.Domain.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Cx.Domain.sln not found above {AppContext.BaseDirectory}.");
    }
}
