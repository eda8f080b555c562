using Cx.Domain.IO;
using Cx.Domain.Listening;
using NodaTime;

namespace Cx.Cli.Input;

/// <summary>The feedback signals of a run — read from a file by <see cref="FeedbackFileReader"/>, or the sample's — with
/// the line and column behind every signal for messages, and the problems of the rows that could not be read.</summary>
internal sealed class ParsedFeedback
{
    private readonly FeedbackFile? _file;

    private ParsedFeedback(string name, IReadOnlyList<FeedbackSignal> signals, FeedbackFile? file)
    {
        Name = name;
        Signals = signals;
        _file = file;
        Problems = file is null ? [] : [.. file.Problems.Select(ParsedInput.ToInputProblem)];
        ProblemCount = file?.ProblemCount ?? 0;
        Earliest = file?.Earliest ?? (signals.Count == 0 ? null : signals.Min(s => s.At));
        Latest = file?.Latest ?? (signals.Count == 0 ? null : signals.Max(s => s.At));
    }

    public string Name { get; }

    public IReadOnlyList<FeedbackSignal> Signals { get; }

    public IReadOnlyList<InputProblem> Problems { get; }

    public long ProblemCount { get; }

    public Instant? Earliest { get; }

    public Instant? Latest { get; }

    public static ParsedFeedback FromFile(FeedbackFile file) => new(file.Name, file.Signals, file);

    public static ParsedFeedback FromSignals(string name, IReadOnlyList<FeedbackSignal> signals) => new(name, signals, null);

    public long? LineOf(long position) => _file?.LineOf(position);

    public string? ColumnOf(string field) => _file?.ColumnOf(field);
}
