using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Cx.Cli.Tests.TestData;
using Xunit.Abstractions;

namespace Cx.Cli.Tests;

/// <summary>A seeded fuzzer of the tool (issue #13): the sample company's files with damaged cells, lines, headers, bytes
/// and JSON values, and options at the ends of their ranges, through every command in every format. Whatever the input,
/// the tool exits 0 or 2 (never the internal error's 1), says why on standard error without a stack trace or a raw
/// control character, leaves its inputs untouched and no output behind when it refuses, writes CSV cells a spreadsheet
/// cannot run, Markdown tables whose rows keep their cells, HTML without script, and the same bytes under a culture with
/// a comma for a decimal point.</summary>
/// <remarks>CX_FUZZ_SEED changes the seed (default 13), CX_FUZZ_CASES the number of cases (default 48); a finding names
/// its case, its arguments and the damage done, and <c>CX_FUZZ_CASE</c> runs that one case alone.</remarks>
public sealed class CliFuzzTests : IClassFixture<CliFuzzTests.SampleFiles>
{
    private static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(120);

    private static readonly string[] HostileCells =
    [
        "", " ", "9999-12-31", "-9998-01-01", "0001-01-01", "2024-02-30", "2024-13-01", "1e308", "-1e308", "NaN", "Infinity",
        "-0", "99999999999999999999.99", "92233720368547758.07", "-92233720368547758.08", "9223372036854775807", "0.001",
        "1,5", "+5", "0x10", "=cmd|' /C calc'!A0", "@SUM(A1)", "-x", "a|b", "line\nbreak", "\u001b[31mred\u001b[0m",
        "<script>alert(1)</script>", "\"", "a\"b", "\u00e9t\u00e9", "\ud800", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z",
        "-9998-01-01T00:00:00Z", "2024-01-01T25:00:00Z", "2024-06-01T00:00:00+14:00", "2024-06-01", "reliable", "unreliable",
        "complaint", "nps", "10", "-1", "0", "1000000", new string('x', 5000),
    ];

    private static readonly string[] HostileJsonValues =
    [
        "0", "-1", "1e308", "-1e308", "1e400", "0.5", "1", "2147483648", "-2147483649", "null", "true", "[]", "{}", "\"\"",
        "\"1000000w\"", "\"100000y\"", "\"0d\"", "\"-5d\"", "\"9999-12-31\"", "\"-9998-01-01\"", "\"9999-12-31T23:59:59Z\"",
        "\"0001-01-01T00:00:00Z\"", "\"Mars/Olympus\"", "\"a|b\"", "\"=HYPERLINK(\\\"x\\\")\"", "\"\\u001b[2J\"", "\"x\\ny\"",
        "\"<script>alert(1)</script>\"", "\"lte\"", "\"gt\"", "\"month\"", "\"week\"", "\"quarter\"", "\"day\"", "NaN",
    ];

    /// <summary>A culture as a German machine's would format numbers and dates (the tests run in invariant globalization).</summary>

    private static readonly string[] AttributionModels = ["first-touch", "last-touch", "linear", "time-decay", "position-based", "markov", "shapley", "nonsense"];

    private readonly SampleFiles _files;

    private readonly ITestOutputHelper _output;

    public CliFuzzTests(SampleFiles files, ITestOutputHelper output)
    {
        _files = files;
        _output = output;
    }

    private static int Cases => int.TryParse(Environment.GetEnvironmentVariable("CX_FUZZ_CASES"), NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0 ? n : 48;

    private static int Seed => int.TryParse(Environment.GetEnvironmentVariable("CX_FUZZ_SEED"), NumberStyles.None, CultureInfo.InvariantCulture, out int s) ? s : 13;

    [Fact]
    public void EveryCommand_OnDamagedFilesAndExtremeOptions_ExitsZeroOrTwoAndHarmsNothing()
    {
        int? only = int.TryParse(Environment.GetEnvironmentVariable("CX_FUZZ_CASE"), NumberStyles.None, CultureInfo.InvariantCulture, out int c) ? c : null;
        var findings = new List<string>();
        int refused = 0;
        int ran = 0;
        for (int i = 0; i < Cases; i++)
        {
            if (only is not null && only != i)
            {
                continue;
            }

            (bool ok, string? finding, string summary) = RunCase(i);
            _output.WriteLine(summary);
            ran++;
            refused += ok ? 0 : 1;
            if (finding is not null)
            {
                findings.Add(finding);
            }
        }

        Assert.True(findings.Count == 0, $"{findings.Count} of {ran} case(s) (seed {Seed}) broke a rule:\n\n" + string.Join("\n\n", findings.Take(20)));

        // A fuzzer whose every case is refused (or none is) tests only one path.
        if (only is null)
        {
            Assert.InRange(refused, 1, ran - 1);
        }
    }

    /// <summary>Runs case <paramref name="index"/>; returns whether the tool succeeded, and what rule it broke, if any.</summary>
    private (bool Succeeded, string? Finding, string Summary) RunCase(int index)
    {
        var random = new Random(HashCode.Combine(Seed, index) & int.MaxValue);
        using var folder = new TempFolder();
        var damage = new List<string>();
        Command command = Commands[random.Next(Commands.Length)];
        // Half the cases damage one of the command's files (a few of them a second one too), half none.
        var damaged = new HashSet<string>(StringComparer.Ordinal);
        for (double chance = 0.5; random.NextDouble() < chance; chance = 0.2)
        {
            damaged.Add(command.Files[random.Next(command.Files.Length)]);
        }

        foreach (string name in command.Files)
        {
            byte[] content = _files.Bytes[name];
            if (damaged.Contains(name))
            {
                content = name.EndsWith(".json", StringComparison.Ordinal) ? DamageJson(random, content, damage, name) : DamageCsv(random, content, damage, name);
            }

            File.WriteAllBytes(folder.File(name), content);
        }

        var args = new List<string> { command.Name };
        args.AddRange(command.Arguments(folder, random));
        foreach ((string option, string[] values) in command.Options)
        {
            if (random.NextDouble() < 0.1)
            {
                args.Add(option);
                if (values.Length > 0)
                {
                    args.Add(values[random.Next(values.Length)]);
                }
            }
        }

        string format = command.Formats[random.Next(command.Formats.Length)];
        string? output = null;
        if (random.NextDouble() < 0.5)
        {
            output = folder.File("out." + (format == "markdown" ? "md" : format == "table" ? "txt" : format));
            args.Add("--output");
            args.Add(output);
        }

        if (format != "html" || output is null)
        {
            args.Add("--format");
            args.Add(format);
        }

        Dictionary<string, string> before = Directory.GetFiles(folder.Path).ToDictionary(p => Path.GetFileName(p), Hash, StringComparer.Ordinal);
        string repro = $"case {index}: cx {string.Join(' ', args.Select(Quote))}\n  damage: {(damage.Count == 0 ? "none" : string.Join("; ", damage))}";
        CliRun? run = RunWithin(args.ToArray(), CultureInfo.InvariantCulture);
        if (run is null)
        {
            return (false, $"{repro}\n  did not end within {CaseTimeout.TotalSeconds} s", repro);
        }

        var broken = new List<string>();
        if (run.ExitCode is not (0 or 2))
        {
            broken.Add($"exit code {run.ExitCode}");
        }

        if (run.Stderr.Contains("internal error", StringComparison.OrdinalIgnoreCase) || run.Stderr.Contains("Exception", StringComparison.Ordinal) || run.Stderr.Contains("\n   at ", StringComparison.Ordinal))
        {
            broken.Add("an internal error or a stack trace on standard error");
        }

        if (HasRawControl(run.Stderr))
        {
            broken.Add("a raw control character on standard error");
        }

        foreach ((string name, string hash) in before)
        {
            if (name != Path.GetFileName(output) && Hash(folder.File(name)) != hash)
            {
                broken.Add($"the input {name} was changed");
            }
        }

        string? written = output is not null && File.Exists(output) ? File.ReadAllText(output) : null;
        if (run.ExitCode != 0)
        {
            if (run.Stderr.Trim().Length == 0)
            {
                broken.Add("refused without a word on standard error");
            }

            if (written is not null || run.Stdout.Length > 0)
            {
                broken.Add("output left behind by a run that failed");
            }

            if (Directory.GetFiles(folder.Path).Length != before.Count)
            {
                broken.Add($"files left behind: {string.Join(", ", Directory.GetFiles(folder.Path).Select(Path.GetFileName).Where(n => !before.ContainsKey(n!)))}");
            }
        }
        else
        {
            string report = written ?? run.Stdout;
            broken.AddRange(format switch
            {
                "csv" => CsvProblems(report),
                "markdown" => MarkdownProblems(report),
                "html" => report.Contains("<script", StringComparison.OrdinalIgnoreCase) ? ["a script element in the HTML page"] : [],
                "table" => HasRawControl(report) ? ["a raw control character in the table"] : [],
                _ => [],
            });

            // The same run under a culture with a comma for a decimal point writes the same bytes.
            if (random.NextDouble() < 0.3)
            {
                CliRun? again = RunWithin(args.ToArray(), Cultures.CommaDecimal);
                string? writtenAgain = output is not null && File.Exists(output) ? File.ReadAllText(output) : null;
                if (again is null || again.ExitCode != 0 || again.Stdout != run.Stdout || writtenAgain != written)
                {
                    broken.Add("a different result under a culture with a comma for a decimal point");
                }
            }
        }

        string said = run.ErrorLines.FirstOrDefault(l => !l.StartsWith("note:", StringComparison.Ordinal)) ?? string.Empty;
        return (run.ExitCode == 0, broken.Count == 0 ? null : $"{repro}\n  exit {run.ExitCode}: {string.Join("; ", broken)}\n  stderr: {Excerpt(run.Stderr)}", $"case {index} {command.Name}: exit {run.ExitCode} {Escape(said.Length > 150 ? said[..150] : said)}");
    }

    private static CliRun? RunWithin(string[] args, CultureInfo culture)
    {
        var task = Task.Run(() =>
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            return Tool.Run(args);
        });
        return task.Wait(CaseTimeout) ? task.Result : null;
    }

    private static byte[] DamageCsv(Random random, byte[] content, List<string> damage, string name)
    {
        var lines = Encoding.UTF8.GetString(content).Split('\n').ToList();
        if (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        int edits = 1 + random.Next(3);
        for (int e = 0; e < edits && lines.Count > 1; e++)
        {
            int at = 1 + random.Next(lines.Count - 1);
            switch (random.Next(9))
            {
                case 0 or 1 or 2:
                {
                    string[] cells = lines[at].Split(',');
                    int cell = random.Next(cells.Length);
                    string value = HostileCells[random.Next(HostileCells.Length)];
                    cells[cell] = value.AsSpan().IndexOfAny(",\"\n\r") >= 0 && random.Next(2) == 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
                    lines[at] = string.Join(',', cells);
                    damage.Add($"{name} line {at + 1} cell {cell + 1} = {Show(value)}");
                    break;
                }

                case 3:
                    damage.Add($"{name} line {at + 1} removed");
                    lines.RemoveAt(at);
                    break;
                case 4:
                    damage.Add($"{name} line {at + 1} repeated");
                    lines.Insert(at, lines[at]);
                    break;
                case 5:
                {
                    string[] header = lines[0].Split(',');
                    int cell = random.Next(header.Length);
                    string renamed = random.Next(2) == 0 ? header[cell].ToUpperInvariant() : header[(cell + 1) % header.Length];
                    damage.Add($"{name} header cell {cell + 1} '{header[cell]}' -> '{renamed}'");
                    header[cell] = renamed;
                    lines[0] = string.Join(',', header);
                    break;
                }

                case 6:
                {
                    int cut = random.Next(lines[at].Length + 1);
                    damage.Add($"{name} truncated at line {at + 1} column {cut + 1}");
                    lines[at] = lines[at][..cut];
                    lines.RemoveRange(at + 1, lines.Count - at - 1);
                    break;
                }

                case 7:
                {
                    string extra = random.Next(3) switch { 0 => ",extra", 1 => "\r", _ => "\"" };
                    damage.Add($"{name} line {at + 1} ends with {Show(extra)}");
                    lines[at] += extra;
                    break;
                }

                default:
                    damage.Add($"{name} lines after the header removed");
                    lines.RemoveRange(1, lines.Count - 1);
                    break;
            }
        }

        byte[] bytes = Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n");
        if (random.Next(8) == 0 && bytes.Length > 40)
        {
            // A byte that is not UTF-8 (Latin-1 e-acute) inside a line.
            int at = Array.IndexOf(bytes, (byte)'\n', 20) + 2;
            if (at > 1 && at < bytes.Length)
            {
                bytes[at] = 0xE9;
                damage.Add($"{name} byte {at} = 0xE9");
            }
        }

        return bytes;
    }

    private static byte[] DamageJson(Random random, byte[] content, List<string> damage, string name)
    {
        string json = Encoding.UTF8.GetString(content);
        if (random.Next(10) == 0)
        {
            int cut = random.Next(json.Length);
            damage.Add($"{name} truncated at character {cut}");
            return Encoding.UTF8.GetBytes(json[..cut]);
        }

        // A value after a key: a number, a string, true/false/null (not an object or an array).
        MatchCollection values = Regex.Matches(json, "\"(?<key>[A-Za-z]+)\"\\s*:\\s*(?<value>-?[0-9][0-9.eE+-]*|\"(?:[^\"\\\\]|\\\\.)*\"|true|false|null)");
        int edits = 1 + random.Next(2);
        for (int e = 0; e < edits && values.Count > 0; e++)
        {
            Match match = values[random.Next(values.Count)];
            Group value = match.Groups["value"];
            if (random.Next(6) == 0)
            {
                damage.Add($"{name} key '{match.Groups["key"].Value}' renamed");
                json = json[..match.Index] + "\"zz" + json[(match.Index + 1)..];
            }
            else
            {
                string replacement = HostileJsonValues[random.Next(HostileJsonValues.Length)];
                damage.Add($"{name} '{match.Groups["key"].Value}': {value.Value} -> {replacement}");
                json = json[..value.Index] + replacement + json[(value.Index + value.Length)..];
            }

            values = Regex.Matches(json, "\"(?<key>[A-Za-z]+)\"\\s*:\\s*(?<value>-?[0-9][0-9.eE+-]*|\"(?:[^\"\\\\]|\\\\.)*\"|true|false|null)");
        }

        return Encoding.UTF8.GetBytes(json);
    }

    /// <summary>CSV cells a spreadsheet would run (OWASP): text starting with = + - @ tab or CR, other than a number. The
    /// rows are read by CsvHelper's RFC 4180 reader (independent of the tool's writer); malformed quoting is a problem too.</summary>
    private static IEnumerable<string> CsvProblems(string csv)
    {
        var problems = new List<string>();
        var options = new global::CsvHelper.CsvReaderOptions
        {
            Separator = ',',
            HasHeader = false,
            MalformedData = global::CsvHelper.CsvMalformedDataHandling.Throw,
        };
        using var reader = global::CsvHelper.CsvReader.FromText(csv, options);
        try
        {
            while (reader.Read())
            {
                for (int i = 0; i < reader.FieldCount; i++)
                {
                    string cell = reader.GetString(i);
                    bool number = double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
                    if (cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !number)
                    {
                        problems.Add($"CSV row {reader.RowNumber}: the cell {Show(cell)} could run as a formula");
                    }
                }
            }
        }
        catch (global::CsvHelper.CsvFormatException ex)
        {
            problems.Add($"the CSV output is malformed: {ex.Message}");
        }

        return problems;
    }

    /// <summary>Markdown tables whose rows do not all have the header's cells, and raw control characters.</summary>
    private static IEnumerable<string> MarkdownProblems(string markdown)
    {
        if (HasRawControl(markdown))
        {
            yield return "a raw control character in the Markdown";
        }

        int? cells = null;
        int line = 0;
        foreach (string text in markdown.Split('\n'))
        {
            line++;
            if (!text.StartsWith('|'))
            {
                cells = null;
                continue;
            }

            int count = Regex.Count(text, @"(?<!\\)\|");
            cells ??= count;
            if (count != cells)
            {
                yield return $"Markdown line {line} has {count - 1} cells, its table's header {cells - 1}: {Show(text)}";
            }
        }
    }

    private static bool HasRawControl(string text) => text.Any(c => (c < ' ' && c is not ('\n' or '\r' or '\t')) || c is >= '\u007f' and <= '\u009f');

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    private static string Quote(string arg) => arg.Length == 0 || arg.Any(c => c is ' ' or '\'' or '"' or '|' or '\n') ? "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'" : arg;

    private static string Show(string text) => text.Length > 60 ? $"'{Escape(text[..60])}…' ({text.Length} characters)" : $"'{Escape(text)}'";

    private static string Escape(string text) => string.Concat(text.Select(c => c < ' ' || c is >= '\u007f' and <= '\u009f' ? $"\\x{(int)c:x2}" : c.ToString()));

    private static string Excerpt(string text) => Escape(text.Length > 600 ? text[..600] + "…" : text).Replace("\\x0a", "\n          ", StringComparison.Ordinal);

    /// <summary>The commands, the files each reads and the options the fuzzer adds (each with the values it may take).</summary>
    private static readonly Command[] Commands =
    [
        new("movements", ["revenue.csv"], (f, r) => ["--input", f.File("revenue.csv")], ["csv", "json", "markdown", "table"], [.. RevenueOptions(), ("--activity-window", ["0", "1", "3", "2147483647", "-1"])]),
        new("attribution", ["revenue.csv", "events.csv", "journey.json"], (f, r) => ["--input", f.File("revenue.csv"), "--events", f.File("events.csv"), "--journey", f.File("journey.json"), "--model", AttributionModels[r.Next(AttributionModels.Length)]], ["csv", "json", "markdown", "table"],
            [.. RevenueOptions(), ("--lookback", ["100000y", "0d", "-5d", "1000000w", "90d", "2m", "1y"]),
             ("--half-life", ["0d", "100000000d", "36h", "7d", "-1d"]), ("--direction", ["gains", "losses", "both"]), ("--time-zone", ["Mars/Olympus", "Etc/GMT+12", "Pacific/Kiritimati", "Europe/Paris"]), ("--markov-allocation", ["pooled", "per-path"])]),
        new("reliability", ["standards.json", "measurements.csv"], (f, r) => ["--standards", f.File("standards.json"), "--measurements", f.File("measurements.csv")], ["csv", "json", "markdown", "table"],
            [("--as-of", ["9999-12-31T23:59:59Z", "-9998-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "2025-06-01T00:00:00Z", "2025-06-01", "garbage"]), ("--backtest", []), ("--policy", ["default", "legacy"]), ("--compare", ["legacy"]),
             ("--delimiter", [";", "tab", "whitespace"]), ("--encoding", ["latin1", "utf-16", "windows-1252"]), ("--no-header", [])]),
        new("value", ["revenue.csv"], (f, r) => ["--input", f.File("revenue.csv")], ["csv", "json", "markdown", "table"],
            [.. RevenueOptions(grid: false), ("--calibration-end", ["2024-06", "9999-12-31", "0001-01", "2023-01-01", "2025-12"]), ("--holdout-end", ["2025-12", "9998-12", "2024-07-01", "0001-01"]), ("--model", ["bgnbd", "pareto-nbd"]),
             ("--unit", ["days", "weeks"]), ("--discount-rate", ["0", "1", "1e-300", "100%", "1e-3", "-0.1"]), ("--horizon", ["0", "1", "1200", "1201"]), ("--margin", ["1e-300", "1", "0", "30%"]), ("--at-risk-threshold", ["1", "0", "1e-300", "0.5"]), ("--top", ["0", "2147483647", "-1"])]),
        new("listening", ["feedback.csv", "journey.json", "taxonomy.json"], (f, r) => ["--input", f.File("feedback.csv"), "--journey", f.File("journey.json"), "--taxonomy", f.File("taxonomy.json")], ["csv", "json", "markdown", "table"],
            [("--grid", ["weekly", "quarterly", "monthly"]), ("--start", ["9999-12", "-9998-01", "0001-01-01", "2024-02-30", "2024-06"]), ("--end", ["9999-12-31", "0001-01", "2024-12"]), ("--time-zone", ["Mars/Olympus", "Pacific/Kiritimati"]),
             ("--confidence", ["0.8", "0.999", "1", "0.5"]), ("--minimum-responses", ["0", "1", "2147483647"]), ("--include-unaided", []), ("--encoding", ["latin1", "utf-16"])]),
        new("room", ["revenue.csv", "events.csv", "journey.json", "standards.json", "measurements.csv", "feedback.csv", "taxonomy.json"],
            (f, r) => ["--input", f.File("revenue.csv"), "--events", f.File("events.csv"), "--journey", f.File("journey.json"), "--standards", f.File("standards.json"), "--measurements", f.File("measurements.csv"), "--feedback", f.File("feedback.csv"), "--taxonomy", f.File("taxonomy.json")],
            ["html", "json", "markdown"], [.. RevenueOptions(), ("--period", ["9999-12", "0001-01", "2025-06", "2024-02-30", "2031-01"]), ("--policy", ["default", "legacy"]), ("--time-zone", ["Mars/Olympus", "Pacific/Kiritimati"])]),
        new("risk", ["revenue.csv", "events.csv", "journey.json", "standards.json", "measurements.csv"],
            (f, r) => ["--input", f.File("revenue.csv"), "--events", f.File("events.csv"), "--journey", f.File("journey.json"), "--standards", f.File("standards.json"), "--measurements", f.File("measurements.csv")],
            ["csv", "json", "markdown", "table"], [.. RevenueOptions(), ("--period", ["9999-12", "0001-01", "2025-06", "2031-01"]), ("--policy", ["default", "legacy"])]),
    ];

    private static (string, string[])[] RevenueOptions(bool grid = true) =>
    [
        .. grid ? Grid() : [],
        ("--currency", ["XXX", "JPY", "BHD", "usd", "EUR"]), ("--date-format", ["dd/MM/yyyy", "uuuu-MM-dd", "'", "yyyy-MM-dd HH"]), ("--delimiter", [";", "tab", "whitespace", "\""]),
        ("--decimal-separator", [","]), ("--encoding", ["latin1", "utf-16", "windows-1252"]), ("--no-header", []), ("--segment-column", ["segment", "9", "0"]), ("--amount-column", ["3", "date", "-1"]),
    ];

    private static (string, string[])[] Grid() =>
        [("--grid", ["weekly", "quarterly", "monthly"]), ("--start", ["9999-12", "-9998-01", "0001-01-01", "2024-02-30", "2024-06", "2023-03"]), ("--end", ["9999-12-31", "0001-01", "2024-12", "2023-01", "2025-09"])];

    private sealed record Command(string Name, string[] Files, Func<TempFolder, Random, string[]> Arguments, string[] Formats, (string Option, string[] Values)[] Options);

    /// <summary>The sample company's files, once per test class: 60 customers, measurements and feedback thinned to every
    /// fifth row so a case runs in about a second.</summary>
    public sealed class SampleFiles : IDisposable
    {
        private readonly TempFolder _folder = new();

        public SampleFiles()
        {
            CliRun run = Tool.Run("sample", "--customers", "60", "--seed", "7", "-o", _folder.File("revenue.csv"), "--events", _folder.File("events.csv"), "--journey", _folder.File("journey.json"),
                "--standards", _folder.File("standards.json"), "--measurements", _folder.File("measurements.csv"), "--feedback", _folder.File("feedback.csv"), "--taxonomy", _folder.File("taxonomy.json"));
            if (run.ExitCode != 0)
            {
                throw new InvalidOperationException("cx sample failed: " + run.Stderr);
            }

            Bytes = Directory.GetFiles(_folder.Path).ToDictionary(p => Path.GetFileName(p), p => Thin(p), StringComparer.Ordinal);
        }

        public IReadOnlyDictionary<string, byte[]> Bytes { get; }

        private static byte[] Thin(string path)
        {
            if (Path.GetFileName(path) is not ("measurements.csv" or "feedback.csv"))
            {
                return File.ReadAllBytes(path);
            }

            string[] lines = File.ReadAllLines(path);
            return Encoding.UTF8.GetBytes(string.Join('\n', lines.Where((_, i) => i == 0 || i % 5 == 0)) + "\n");
        }

        public void Dispose() => _folder.Dispose();
    }
}
