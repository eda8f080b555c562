using System.Globalization;
using System.Text;
using Cx.Domain.Journey;
using Cx.Domain.Reliability;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using NodaTime.Text;
using static Cx.Domain.IO.Tests.ColumnarFiles;

namespace Cx.Domain.IO.Tests;

/// <summary>Experience events and reliability measurements from Parquet and Arrow: the records of the CSV of the same
/// rows (timestamps straight to instants, numbers straight to doubles), bad values as problems naming their row and
/// column, columns by name or position.</summary>
public sealed class ColumnarRecordTests
{
    public static TheoryData<string> Formats => ["parquet", "arrow", "arrows"];

    private static readonly string[] Touchpoints = ["onboarding", "billing", "support chat"];
    private static readonly string[] Outcomes = ["reliable", "Unreliable", "unknown"];

    private static T Read<T>(string format, Col[] columns, int group, Func<Stream, string, T> read)
    {
        if (format != "parquet")
        {
            return read(new MemoryStream(WriteArrow(format == "arrow", group, columns)), "x." + format);
        }

        string path = Path.Combine(Path.GetTempPath(), "cx-columnar-" + Guid.NewGuid().ToString("N") + ".parquet");
        try
        {
            WriteParquet(path, group, columns);
            using FileStream stream = File.OpenRead(path);
            return read(stream, "x.parquet");
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Iso(Instant t) => InstantPattern.ExtendedIso.Format(t);

    [Fact]
    public void Events_ParquetAndArrowOfTheSameRows_GiveTheEventsOfTheCsv()
    {
        Arbitrary<(int Customer, int Touchpoint, long Micros, int Outcome, bool Channel)[]> rows = Gen.ArrayOf(
            from customer in Gen.Choose(0, 5)
            from touchpoint in Gen.Choose(0, Touchpoints.Length - 1)
            from seconds in Gen.Choose(0, 30_000_000)
            from micros in Gen.Choose(0, 999_999)
            from outcome in Gen.Choose(0, Outcomes.Length - 1)
            from channel in Gen.Elements(false, true)
            select (customer, touchpoint, (1_700_000_000L + seconds) * 1_000_000L + micros, outcome, channel)).ToArbitrary();
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(40), Prop.ForAll(rows, Gen.Choose(1, 9).ToArbitrary(), (r, group) =>
        {
            Instant[] instants = [.. r.Select(x => Instant.FromUnixTimeTicks(x.Micros * 10))];
            var csv = new StringBuilder("customer_id,touchpoint,instant,outcome,channel\n");
            for (int i = 0; i < r.Length; i++)
            {
                csv.Append(CultureInfo.InvariantCulture, $"C{r[i].Customer},{Touchpoints[r[i].Touchpoint]},{Iso(instants[i])},{Outcomes[r[i].Outcome]},{(r[i].Channel ? "email" : string.Empty)}\n");
            }

            ExperienceEventFile expected = ExperienceEventFileReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())), "x.csv");
            Col[] columns =
            [
                new("customer_id", [.. r.Select(x => (object?)$"C{x.Customer}")]),
                new("touchpoint", [.. r.Select(x => (object?)Touchpoints[x.Touchpoint])]),
                new("instant", [.. instants.Select(t => (object?)t)]),
                new("outcome", [.. r.Select(x => (object?)Outcomes[x.Outcome])]),
                new("channel", [.. r.Select(x => (object?)(x.Channel ? "email" : null))]),
            ];
            foreach (string format in new[] { "parquet", "arrow", "arrows" })
            {
                ExperienceEventFile actual = Read(format, columns, group, (s, n) => ExperienceEventFileReader.Read(s, n));
                Assert.Equal(0, actual.ProblemCount);
                Assert.Equal(expected.Events, actual.Events);
            }
        }));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Events_BadValues_AreProblemsNamingRowAndColumn(string format)
    {
        Instant t = Instant.FromUtc(2024, 3, 5, 14, 30);
        // Instants as text in one column (a timestamp column cannot hold the offset form), one of them empty.
        Col[] columns =
        [
            new("customer_id", ["C1", "C2", "C3", "C4"]),
            new("touchpoint", ["billing", "billing", "billing", "billing"]),
            new("instant", ["2024-03-05T14:30:00Z", null, "2024-03-05T14:30:00Z", "2024-03-05T15:30:00+01:00"]),
            new("outcome", ["reliable", "reliable", "maybe", "UNRELIABLE"]),
        ];
        ExperienceEventFile file = Read(format, columns, 2, (s, n) => ExperienceEventFileReader.Read(s, n));

        Assert.Equal([new ExperienceEvent(Domain.Primitives.CustomerId.From("C1"), "billing", t, ExperienceOutcome.Reliable), new ExperienceEvent(Domain.Primitives.CustomerId.From("C4"), "billing", t, ExperienceOutcome.Unreliable)], file.Events);
        Assert.Equal(2, file.ProblemCount);
        Assert.Equal(["row 2", "row 3"], file.Problems.Select(p => p.Where));
        Assert.Equal(["instant", "outcome"], file.Problems.Select(p => p.Column));
        Assert.StartsWith("the instant is empty", file.Problems[0].Message, StringComparison.Ordinal);
        Assert.Equal("expected an outcome of reliable, unreliable or unknown; got 'maybe'.", file.Problems[1].Message);
        Assert.Null(file.LineOf(0));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Measurements_TimestampsAndNumbers_GiveTheMeasurementsOfTheCsvAndBadValuesAreProblems(string format)
    {
        Instant t = Instant.FromUtc(2025, 4, 10, 8, 30);
        Col[] columns =
        [
            new("value", [31.5, 12.0, double.NaN, null, 0.1]),
            new("standard", ["latency", "latency", "latency", "latency", "  "]),
            new("instant", [t, t.PlusTicks(1_234_560), t, t, t]),
            new("customer", [null, "C7", null, null, null]),
        ];
        string csv = $"value,standard,instant,customer\n31.5,latency,{Iso(t)},\n12,latency,{Iso(t.PlusTicks(1_234_560))},C7\n";
        MeasurementFile expected = MeasurementFileReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "m.csv");

        MeasurementFile file = Read(format, columns, 2, (s, n) => MeasurementFileReader.Read(s, n, new MeasurementFileOptions { Standard = ColumnRef.At(2), Customer = ColumnRef.Named("customer") }));

        Assert.Equal(expected.Measurements, file.Measurements);
        Assert.Equal(3, file.ProblemCount);
        Assert.Equal(["row 3", "row 4", "row 5"], file.Problems.Select(p => p.Where));
        Assert.Equal(["value", "value", "standard"], file.Problems.Select(p => p.Column));
        Assert.StartsWith("expected a finite number, got 'NaN'", file.Problems[0].Message, StringComparison.Ordinal);
        Assert.StartsWith("the value is empty", file.Problems[1].Message, StringComparison.Ordinal);
        Assert.StartsWith("the standard is empty", file.Problems[2].Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Measurements_MissingColumn_NamesTheFileSColumns(string format)
    {
        Col[] columns = [new("standard", ["latency"]), new("instant", [Instant.FromUtc(2025, 4, 10, 8, 30)])];

        InputFileException ex = Assert.Throws<InputFileException>(() => Read(format, columns, 1, (s, n) => MeasurementFileReader.Read(s, n)));

        FileProblem problem = Assert.Single(ex.Problems);
        Assert.Equal("schema", problem.Where);
        Assert.Contains("the file has the columns 'standard', 'instant'", problem.Message, StringComparison.Ordinal);
    }
}
