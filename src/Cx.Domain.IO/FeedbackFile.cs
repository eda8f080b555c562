using Cx.Domain.IO.Internal;
using Cx.Domain.Listening;
using NodaTime;

namespace Cx.Domain.IO;

/// <summary>The feedback signals read from a file, the line of each, the columns found, and every row that could not be
/// read.</summary>
/// <remarks>Immutable. <see cref="Problems"/> keeps up to <see cref="RevenueFile.ProblemLimit"/> problems;
/// <see cref="ProblemCount"/> counts all.</remarks>
public sealed class FeedbackFile
{
    private readonly LineMap _lines;
    private readonly IReadOnlyDictionary<string, string> _columns;

    internal FeedbackFile(string name, string encoding, IReadOnlyDictionary<string, string> columns, IReadOnlyList<FeedbackSignal> signals,
        IReadOnlyList<FileProblem> problems, long problemCount, LineMap lines)
    {
        Name = name;
        Encoding = encoding;
        _columns = columns;
        Signals = signals;
        Problems = problems;
        ProblemCount = problemCount;
        _lines = lines;
        Earliest = signals.Count == 0 ? null : signals.Min(s => s.At);
        Latest = signals.Count == 0 ? null : signals.Max(s => s.At);
    }

    /// <summary>Gets the file's name as messages show it.</summary>
    public string Name { get; }

    /// <summary>Gets the encoding the file was read with.</summary>
    public string Encoding { get; }

    /// <summary>Gets the signals, in file order.</summary>
    public IReadOnlyList<FeedbackSignal> Signals { get; }

    /// <summary>Gets the earliest signal's instant, or null without signals.</summary>
    public Instant? Earliest { get; }

    /// <summary>Gets the latest signal's instant, or null without signals.</summary>
    public Instant? Latest { get; }

    /// <summary>Gets the problems found, in file order, up to the limit.</summary>
    public IReadOnlyList<FileProblem> Problems { get; }

    /// <summary>Gets how many problems were found in all.</summary>
    public long ProblemCount { get; }

    /// <summary>Returns the file line of the signal at a position of <see cref="Signals"/>, or null.</summary>
    /// <param name="position">The zero-based position.</param>
    /// <returns>The line, or null when the position is outside the signals.</returns>
    public long? LineOf(long position) => position >= 0 && position < Signals.Count ? _lines.LineOf(position) : null;

    /// <summary>Returns the column (as the file names it) that holds a <see cref="FeedbackSignal"/> property named in a
    /// validation failure, or null when the file has no such column.</summary>
    /// <param name="field">The property, such as <c>StageId</c> or <c>Survey</c>.</param>
    /// <returns>The column's name, or null.</returns>
    public string? ColumnOf(string field) => field switch
    {
        nameof(FeedbackSignal.At) => Column("Instant"),
        nameof(FeedbackSignal.Source) => Column("Source"),
        nameof(FeedbackSignal.Kind) => Column("Kind"),
        nameof(FeedbackSignal.Customer) => Column("Customer"),
        nameof(FeedbackSignal.StageId) => Column("Stage"),
        nameof(FeedbackSignal.TouchpointId) => Column("Touchpoint"),
        nameof(FeedbackSignal.Topics) => Column("Topics"),
        nameof(FeedbackSignal.Sentiment) => Column("Sentiment"),
        nameof(FeedbackSignal.Survey) => Column("Score") ?? Column("Instrument"),
        nameof(FeedbackSignal.Text) => Column("Verbatim"),
        _ => null,
    };

    /// <summary>Returns a short description.</summary>
    /// <returns>For example <c>feedback.csv: 842 signals, 0 problems, UTF-8</c>.</returns>
    public override string ToString() => $"{Name}: {Signals.Count} signals, {ProblemCount} problems, {Encoding}";

    private string? Column(string setting) => _columns.TryGetValue(setting, out string? name) ? name : null;
}
