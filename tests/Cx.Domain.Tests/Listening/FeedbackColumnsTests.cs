using Cx.Domain.Listening;
using Cx.Domain.Tests.TestData;
using Cx.Domain.Validation;
using static Cx.Domain.Tests.TestData.ListeningData;

namespace Cx.Domain.Tests.Listening;

/// <summary>The columnar fast path: bad rows are reported with their position and column, large inputs counted in parallel
/// blocks give the same report as one pass.</summary>
public sealed class FeedbackColumnsTests
{
    private static readonly ListeningCalculator Calculator = new(Options());

    private static FeedbackColumns OneRow(FeedbackSource source = FeedbackSource.Web, FeedbackKind kind = FeedbackKind.Complaint, int stage = -1, int touchpoint = -1,
        int[]? topics = null, SurveyInstrument instrument = SurveyInstrument.None, short score = 0, double sentiment = double.NaN) =>
        new(ListeningData.Journey, Taxonomy, new[] { Grid.Start.AtMidnight().InUtc().ToInstant().ToUnixTimeTicks() }, new[] { source }, new[] { kind }, new[] { stage }, new[] { touchpoint },
            new[] { 0, topics?.Length ?? 0 }, topics ?? [], new[] { instrument }, new[] { score }, new[] { sentiment });

    [Theory]
    [InlineData("Sources", 0)]
    [InlineData("Kinds", 1)]
    [InlineData("StageIndexes", 2)]
    [InlineData("TouchpointIndexes", 3)]
    [InlineData("TouchpointIndexes", 4)]
    [InlineData("TopicIndexes", 5)]
    [InlineData("TopicIndexes", 6)]
    [InlineData("Sentiments", 7)]
    [InlineData("Instruments", 8)]
    [InlineData("Scores", 9)]
    public void Calculate_ABadRow_IsReportedWithItsColumn(string column, int flaw)
    {
        FeedbackColumns columns = flaw switch
        {
            0 => OneRow(source: 0),
            1 => OneRow(kind: (FeedbackKind)7),
            2 => OneRow(stage: 3),
            3 => OneRow(touchpoint: -2),
            4 => OneRow(stage: 0, touchpoint: 2),         // touchpoint 2 (proposal) is in stage 1 (purchase)
            5 => OneRow(topics: [4]),
            6 => OneRow(topics: [1, 1]),
            7 => OneRow(sentiment: 1.5),
            8 => OneRow(kind: FeedbackKind.Survey),
            _ => OneRow(kind: FeedbackKind.Survey, instrument: SurveyInstrument.Ces, score: 0),
        };

        CxValidationException ex = Assert.Throws<CxValidationException>(() => Calculator.Calculate(Grid, columns));

        CxValidationFailure failure = Assert.Single(ex.Failures);
        Assert.Equal(0, failure.Position);
        Assert.Equal(column, failure.Field);
        Assert.Equal(CxErrorCodes.FeedbackColumnsInvalid, failure.ErrorCode);
        Assert.StartsWith("Expected", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_ColumnsOfDifferentLengths_Throws()
    {
        Assert.Throws<ArgumentException>(() => new FeedbackColumns(ListeningData.Journey, Taxonomy, new long[2], new FeedbackSource[1], new FeedbackKind[2], new int[2], new int[2]));
    }

    [Fact]
    public void Calculate_ALargeInput_CountedInParallelBlocks_EqualsOnePassPerSlice()
    {
        // 1.2M rows exceed the parallel threshold (2^20); three slices of 400k rows are each counted in one pass.
        List<FeedbackSignal> pattern = FsCheck.Fluent.Gen.Sample(Signal(), 2_000, 7).ToList();
        var rows = new List<FeedbackSignal>(1_200_000);
        while (rows.Count < 1_200_000)
        {
            rows.AddRange(pattern.Take(1_200_000 - rows.Count));
        }

        FeedbackColumns all = Columns(rows, Taxonomy);
        ListeningPartial[] slices = [.. Enumerable.Range(0, 3).Select(k => Calculator.CountPartial(Grid, Slice(all, k * 400_000, 400_000)))];

        Assert.Equal(Fingerprint(Calculator.Report(ListeningPartial.Merge(slices))), Fingerprint(Calculator.Calculate(Grid, all)));
    }

    private static FeedbackColumns Slice(FeedbackColumns c, int start, int length)
    {
        int[] starts = c.TopicStarts.Span.Slice(start, length + 1).ToArray();
        int offset = starts[0];
        return new FeedbackColumns(c.Journey, c.Taxonomy, c.UnixTicks.Slice(start, length), c.Sources.Slice(start, length), c.Kinds.Slice(start, length),
            c.StageIndexes.Slice(start, length), c.TouchpointIndexes.Slice(start, length), starts.Select(s => s - offset).ToArray(),
            c.TopicIndexes.Slice(offset, starts[^1] - offset), c.Instruments.Slice(start, length), c.Scores.Slice(start, length), c.Sentiments.Slice(start, length));
    }
}
