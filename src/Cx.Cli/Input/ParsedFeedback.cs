using Cx.Domain.Listening;
using NodaTime;

namespace Cx.Cli.Input;

/// <summary>The feedback signals read from a CSV file, the line of each, the columns found, and every row that could not be
/// read (up to <see cref="ParsedInput.ProblemLimit"/> kept, all counted).</summary>
internal sealed class ParsedFeedback
{
    private readonly List<InputProblem> _problems = [];
    private readonly Dictionary<string, string> _columns;

    public ParsedFeedback(string name, Dictionary<string, string> columns)
    {
        Name = name;
        _columns = columns;
    }

    public string Name { get; }

    public List<FeedbackSignal> Signals { get; } = [];

    public List<long>? Lines { get; init; }

    public IReadOnlyList<InputProblem> Problems => _problems;

    public long ProblemCount { get; private set; }

    public Instant? Earliest { get; private set; }

    public Instant? Latest { get; private set; }

    public void Add(FeedbackSignal signal, long? line)
    {
        Signals.Add(signal);
        if (line is { } l)
        {
            Lines?.Add(l);
        }

        Earliest = Earliest is { } e && e <= signal.At ? e : signal.At;
        Latest = Latest is { } x && x >= signal.At ? x : signal.At;
    }

    public void AddProblem(InputProblem problem)
    {
        ProblemCount++;
        if (_problems.Count < ParsedInput.ProblemLimit)
        {
            _problems.Add(problem);
        }
    }

    public long? LineOf(long position) => Lines is { } lines && position >= 0 && position < lines.Count ? lines[(int)position] : null;

    /// <summary>The CSV column of a <see cref="FeedbackSignal"/> property named in a validation failure, or null.</summary>
    public string? ColumnOf(string field) => field switch
    {
        nameof(FeedbackSignal.Source) => Column(FeedbackCsvReader.SourceColumn),
        nameof(FeedbackSignal.Kind) => Column(FeedbackCsvReader.KindColumn),
        nameof(FeedbackSignal.Customer) => Column(FeedbackCsvReader.CustomerColumn),
        nameof(FeedbackSignal.StageId) => Column(FeedbackCsvReader.StageColumn),
        nameof(FeedbackSignal.TouchpointId) => Column(FeedbackCsvReader.TouchpointColumn),
        nameof(FeedbackSignal.Topics) => Column(FeedbackCsvReader.TopicsColumn),
        nameof(FeedbackSignal.Sentiment) => Column(FeedbackCsvReader.SentimentColumn),
        nameof(FeedbackSignal.Survey) => Column(FeedbackCsvReader.ScoreColumn) ?? Column(FeedbackCsvReader.InstrumentColumn),
        _ => null,
    };

    public string? Column(string canonical) => _columns.TryGetValue(canonical, out string? header) ? header : null;
}
