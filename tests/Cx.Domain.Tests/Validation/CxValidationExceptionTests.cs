using Cx.Domain.Assets;
using Cx.Domain.Primitives;
using Cx.Domain.Validation;
using NodaTime;

namespace Cx.Domain.Tests.Validation;

public sealed class CxValidationExceptionTests
{
    private static CxValidationFailure Failure(int position) =>
        new(position, null, "Customer", CxErrorCodes.CustomerIdEmpty, $"Expected a customer id (failure {position}).");

    private static string[] Lines(Exception error) => error.Message.Split('\n');

    [Fact]
    public void Message_MoreThanTwentyFailures_ListsTwentyThenHowManyMore()
    {
        var error = new CxValidationException("asset records", Enumerable.Range(0, 25).Select(Failure), 25);

        string[] lines = Lines(error);

        Assert.Equal(22, lines.Length);
        Assert.Equal("Invalid asset records: 25 failures.", lines[0]);
        Assert.Equal("  record #0: Customer: Expected a customer id (failure 0). [CX0101]", lines[1]);
        Assert.Equal("  record #19: Customer: Expected a customer id (failure 19). [CX0101]", lines[20]);
        Assert.Equal("  ... and 5 more (see Failures).", lines[21]);
        Assert.DoesNotContain("record #20", error.Message, StringComparison.Ordinal);
        Assert.Equal(25, error.Failures.Count);
        Assert.Equal(25, error.TotalFailureCount);
    }

    [Fact]
    public void Message_ExactlyTwentyFailures_ListsThemAllWithoutMore()
    {
        var error = new CxValidationException("asset records", Enumerable.Range(0, CxValidationException.MessageFailureLimit).Select(Failure), 20);

        string[] lines = Lines(error);

        Assert.Equal(21, lines.Length);
        Assert.Contains("record #19", lines[^1], StringComparison.Ordinal);
        Assert.DoesNotContain("more", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Message_OneFailure_UsesTheSingular()
    {
        var error = new CxValidationException("asset records", [Failure(3)], 1);

        Assert.Equal("Invalid asset records: 1 failure.\n  record #3: Customer: Expected a customer id (failure 3). [CX0101]", error.Message);
    }

    [Fact]
    public void Failures_MoreThanTheStoredLimit_KeepsTheFirstAndCountsAll()
    {
        var error = new CxValidationException("rows", Enumerable.Range(0, 12_000).Select(Failure), 30_000);

        Assert.Equal(CxValidationException.StoredFailureLimit, error.Failures.Count);
        Assert.Equal(0, error.Failures[0].Position);
        Assert.Equal(9_999, error.Failures[^1].Position);
        Assert.Equal(30_000, error.TotalFailureCount);
        Assert.StartsWith("Invalid rows: 30000 failures.", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("  ... and 29980 more (see Failures).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TotalFailureCount_BelowTheFailuresGiven_IsRaisedToTheirCount()
    {
        var error = new CxValidationException("rows", Enumerable.Range(0, 3).Select(Failure), 1);

        Assert.Equal(3, error.TotalFailureCount);
        Assert.StartsWith("Invalid rows: 3 failures.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NullFailures_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => new CxValidationException("rows", null!, 1));
    }

    [Fact]
    public void Constructor_MessageOnly_HasOneUnspecifiedFailure()
    {
        var inner = new InvalidOperationException("cause");
        var error = new CxValidationException("Something is wrong.", inner);

        CxValidationFailure failure = Assert.Single(error.Failures);
        Assert.Equal(CxErrorCodes.Unspecified, failure.ErrorCode);
        Assert.Equal("Something is wrong.", failure.Message);
        Assert.Equal("Something is wrong.", error.Message);
        Assert.Same(inner, error.InnerException);
        Assert.Equal(1, error.TotalFailureCount);
        Assert.Equal(CxErrorCodes.Unspecified, Assert.Single(new CxValidationException("x").Failures).ErrorCode);
    }

    [Fact]
    public void Constructor_Default_HasOneUnspecifiedFailure()
    {
        var error = new CxValidationException();

        Assert.Equal(CxErrorCodes.Unspecified, Assert.Single(error.Failures).ErrorCode);
        Assert.Equal("Invalid input: 1 failure.\n  input: input: The input is invalid. [CX0000]", error.Message);
        Assert.IsAssignableFrom<ArgumentException>(error);
    }

    [Fact]
    public void FailureToString_RecordSubjectOrNeither_NamesWhereTheFailureIs()
    {
        Assert.Equal("record #12: Amount: bad [CX0102]", new CxValidationFailure(12, "ignored", "Amount", "CX0102", "bad").ToString());
        Assert.Equal("customer 'C-1', period 2024-03: Amount: bad [CX0110]", new CxValidationFailure(null, "customer 'C-1', period 2024-03", "Amount", "CX0110", "bad").ToString());
        Assert.Equal("input: Field: bad [CX0000]", new CxValidationFailure(null, null, "Field", "CX0000", "bad").ToString());
    }

    [Fact]
    public void FromRecords_TwentyFiveBadRecords_ReportsAllWithPositionsAndAShortMessage()
    {
        AssetRecord[] records = Enumerable.Range(0, 25)
            .Select(_ => new AssetRecord(default, new LocalDate(2024, 1, 5), Money.FromMinorUnits(100, Currency.Usd)))
            .ToArray();

        CxValidationException error = Assert.Throws<CxValidationException>(
            () => AssetLedger.FromRecords(records, PeriodGrid.Monthly(new YearMonth(2024, 1), new YearMonth(2024, 1))));

        Assert.Equal(25, error.TotalFailureCount);
        Assert.Equal(Enumerable.Range(0, 25).Select(i => (long?)i), error.Failures.Select(f => f.Position));
        Assert.All(error.Failures, f => Assert.Equal(CxErrorCodes.CustomerIdEmpty, f.ErrorCode));
        Assert.Equal(22, Lines(error).Length);
        Assert.Equal("  ... and 5 more (see Failures).", Lines(error)[^1]);
    }
}
