using System.Globalization;
using CsvHelper;
using Cx.Domain.Listening;
using Cx.Domain.Primitives;
using NodaTime;

namespace Cx.Cli.Input;

/// <summary>Reads a CSV file of customer feedback (one row per signal) with the line of every signal and a problem for
/// every field that cannot be read.</summary>
/// <remarks>
/// <para>Columns, by header name (matched exactly, else ignoring case and surrounding white space; other columns are
/// ignored): <c>instant</c>, <c>source</c> and <c>kind</c> are required; <c>customer_id</c>, <c>stage</c>,
/// <c>touchpoint</c>, <c>topics</c>, <c>sentiment</c>, <c>instrument</c>, <c>score</c>, <c>scale_min</c>,
/// <c>scale_max</c> and <c>text</c> are optional (a missing column or an empty field means none). The
/// <c>src/Cx.Domain.Csv</c> package the tool's other inputs will move to is not on main yet; this reader follows the
/// tool's existing readers and moves with them.</para>
/// <para>Instants are ISO 8601 with a UTC offset. Sources: <c>call-center</c>, <c>web</c>, <c>store</c>, <c>email</c>,
/// <c>chat</c>, <c>social</c>, <c>survey</c>, <c>other</c>; kinds: <c>unaided</c>, <c>complaint</c>, <c>survey</c>
/// (any case; spaces, hyphens and underscores ignored). Topics are ids separated by <c>;</c> or <c>|</c>. Survey rows give
/// the instrument (<c>nps</c>, <c>csat</c>, <c>ces</c>) and a whole-number score; CSAT rows may give their scale
/// (<c>scale_min</c>, <c>scale_max</c>; 1 to 5 when empty). Numbers use '.' as the decimal separator. Whether stages,
/// touchpoints, topics and scores are valid is the library's check (CX0701 to CX0709), mapped back to the line by the
/// command.</para>
/// </remarks>
internal static class FeedbackCsvReader
{
    public const string InstantColumn = "instant";
    public const string SourceColumn = "source";
    public const string KindColumn = "kind";
    public const string CustomerColumn = "customer_id";
    public const string StageColumn = "stage";
    public const string TouchpointColumn = "touchpoint";
    public const string TopicsColumn = "topics";
    public const string SentimentColumn = "sentiment";
    public const string InstrumentColumn = "instrument";
    public const string ScoreColumn = "score";
    public const string ScaleMinColumn = "scale_min";
    public const string ScaleMaxColumn = "scale_max";
    public const string TextColumn = "text";

    /// <summary>The header the tool writes and reads, in order.</summary>
    public static readonly string[] Header =
    [
        InstantColumn, SourceColumn, KindColumn, CustomerColumn, StageColumn, TouchpointColumn, TopicsColumn, SentimentColumn, InstrumentColumn,
        ScoreColumn, ScaleMinColumn, ScaleMaxColumn, TextColumn,
    ];

    private static readonly string[] Optional = Header[3..];

    public static ParsedFeedback Read(Stream stream, string name, char separator, ProgressReporter? progress)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return AmountCsvReader.ReadCsv(stream, name, separator, (readerOptions, malformed) => Read(stream, name, separator, readerOptions, malformed, progress));
    }

    /// <summary>The name the tool writes for a source: <c>call-center</c>, <c>web</c>...</summary>
    public static string SourceName(FeedbackSource source) => source switch
    {
        FeedbackSource.CallCenter => "call-center",
        FeedbackSource.Web => "web",
        FeedbackSource.Store => "store",
        FeedbackSource.Email => "email",
        FeedbackSource.Chat => "chat",
        FeedbackSource.Social => "social",
        FeedbackSource.Survey => "survey",
        _ => "other",
    };

    /// <summary>The name the tool writes for an instrument: <c>nps</c>, <c>csat</c>, <c>ces</c>, or empty.</summary>
    public static string InstrumentName(SurveyInstrument instrument) => instrument switch
    {
        SurveyInstrument.Nps => "nps",
        SurveyInstrument.Csat => "csat",
        SurveyInstrument.Ces => "ces",
        _ => string.Empty,
    };

    private static ParsedFeedback Read(Stream stream, string name, char separator, CsvReaderOptions readerOptions, Dictionary<long, CsvMalformedReason> malformed, ProgressReporter? progress)
    {
        using CsvReader reader = CsvReader.Create(stream, readerOptions, leaveOpen: true);
        IReadOnlyList<string> headers = reader.Headers;
        if (headers.Count == 0 || headers.All(string.IsNullOrWhiteSpace))
        {
            throw new BadInputException(name, [new InputProblem(1, null, null, "the file is empty; expected a header line such as instant,source,kind,stage,topics,text, then one row per signal.")], 1);
        }

        var missing = new List<InputProblem>();
        var columns = new Dictionary<string, string>(StringComparer.Ordinal);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string required in (string[])[InstantColumn, SourceColumn, KindColumn])
        {
            int i = AmountCsvReader.Find(headers, required);
            if (i < 0)
            {
                missing.Add(new InputProblem(1, null, null, $"no column '{required}' in the header ({string.Join(",", headers)}); expected at least instant, source and kind."));
                continue;
            }

            index[required] = i;
            columns[required] = headers[i];
        }

        if (missing.Count > 0)
        {
            throw new BadInputException(name, missing, missing.Count);
        }

        foreach (string optional in Optional)
        {
            int i = AmountCsvReader.Find(headers, optional);
            if (i >= 0)
            {
                index[optional] = i;
                columns[optional] = headers[i];
            }
        }

        var input = new ParsedFeedback(name, columns) { Lines = [] };
        int headerCount = headers.Count;
        while (reader.Read())
        {
            long line = reader.LineNumber;
            progress?.Report(reader.ByteOffset);
            if (!AmountCsvReader.IsReadableRow(reader, malformed, headerCount, separator, out InputProblem? rowProblem))
            {
                if (rowProblem is not null)
                {
                    input.AddProblem(rowProblem);
                }

                continue;
            }

            string? Field(string column) => index.TryGetValue(column, out int i) ? reader.GetString(i)?.Trim() is { Length: > 0 } text ? text : null : null;
            bool ok = true;
            void Problem(string column, string message)
            {
                input.AddProblem(new InputProblem(line, null, input.Column(column), message));
                ok = false;
            }

            if (!MeasurementCsvReader.TryInstant(Field(InstantColumn), out Instant at, out string? instantError))
            {
                Problem(InstantColumn, instantError!);
            }

            FeedbackSource source = ParseSource(Field(SourceColumn));
            if (source == FeedbackSource.Unknown)
            {
                Problem(SourceColumn, $"expected a source of call-center, web, store, email, chat, social, survey or other; got '{AmountCsvReader.Shorten(Field(SourceColumn) ?? string.Empty)}'.");
            }

            FeedbackKind kind = ParseKind(Field(KindColumn));
            if (kind == FeedbackKind.Unknown)
            {
                Problem(KindColumn, $"expected a kind of unaided, complaint or survey; got '{AmountCsvReader.Shorten(Field(KindColumn) ?? string.Empty)}'.");
            }

            CustomerId? customer = null;
            if (Field(CustomerColumn) is { } customerText)
            {
                if (CustomerId.TryFrom(customerText, out CustomerId id))
                {
                    customer = id;
                }
                else
                {
                    Problem(CustomerColumn, $"'{AmountCsvReader.Shorten(customerText)}' is not a valid customer id; leave the field empty for anonymous feedback.");
                }
            }

            double? sentiment = null;
            if (Field(SentimentColumn) is { } sentimentText)
            {
                if (double.TryParse(sentimentText, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
                {
                    sentiment = value;
                }
                else
                {
                    Problem(SentimentColumn, $"expected a sentiment from -1 to 1 with '.' as the decimal separator, such as -0.8; got '{AmountCsvReader.Shorten(sentimentText)}'.");
                }
            }

            SurveyAnswer answer = default;
            if (Field(InstrumentColumn) is { } instrumentText || Field(ScoreColumn) is not null)
            {
                answer = ParseAnswer(Field(InstrumentColumn), Field(ScoreColumn), Field(ScaleMinColumn), Field(ScaleMaxColumn), Problem);
            }

            string[] topics = Field(TopicsColumn) is { } topicText
                ? topicText.Split([';', '|'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                : [];
            if (ok)
            {
                input.Add(new FeedbackSignal(at, source, kind)
                {
                    Customer = customer,
                    StageId = Field(StageColumn),
                    TouchpointId = Field(TouchpointColumn),
                    Topics = topics,
                    Sentiment = sentiment,
                    Text = Field(TextColumn),
                    Survey = answer,
                }, line);
            }
        }

        progress?.Done();
        return input;
    }

    private static SurveyAnswer ParseAnswer(string? instrumentText, string? scoreText, string? minText, string? maxText, Action<string, string> problem)
    {
        SurveyInstrument instrument = Normalize(instrumentText) switch
        {
            "nps" => SurveyInstrument.Nps,
            "csat" => SurveyInstrument.Csat,
            "ces" => SurveyInstrument.Ces,
            _ => SurveyInstrument.None,
        };
        if (instrument == SurveyInstrument.None)
        {
            problem(InstrumentColumn, $"expected an instrument of nps, csat or ces with the score; got '{AmountCsvReader.Shorten(instrumentText ?? string.Empty)}'.");
            return default;
        }

        if (!int.TryParse(scoreText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int score))
        {
            problem(ScoreColumn, $"expected a whole-number score; got '{AmountCsvReader.Shorten(scoreText ?? string.Empty)}'.");
            return default;
        }

        if (instrument != SurveyInstrument.Csat)
        {
            return instrument == SurveyInstrument.Nps ? SurveyAnswer.Nps(score) : SurveyAnswer.Ces(score);
        }

        int min = 1;
        int max = 5;
        if ((minText is not null && !int.TryParse(minText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out min))
            || (maxText is not null && !int.TryParse(maxText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out max)))
        {
            problem(ScaleMaxColumn, $"expected whole numbers for the CSAT scale, such as 1 and 5; got '{minText}' and '{maxText}'.");
            return default;
        }

        return SurveyAnswer.Csat(score, min, max);
    }

    private static FeedbackSource ParseSource(string? text) => Normalize(text) switch
    {
        "callcenter" or "phone" => FeedbackSource.CallCenter,
        "web" or "website" => FeedbackSource.Web,
        "store" => FeedbackSource.Store,
        "email" => FeedbackSource.Email,
        "chat" => FeedbackSource.Chat,
        "social" => FeedbackSource.Social,
        "survey" => FeedbackSource.Survey,
        "other" => FeedbackSource.Other,
        _ => FeedbackSource.Unknown,
    };

    private static FeedbackKind ParseKind(string? text) => Normalize(text) switch
    {
        "unaided" => FeedbackKind.Unaided,
        "complaint" => FeedbackKind.Complaint,
        "survey" => FeedbackKind.Survey,
        _ => FeedbackKind.Unknown,
    };

    private static string Normalize(string? text) =>
        text is null ? string.Empty : new string([.. text.Where(c => c is not (' ' or '-' or '_')).Select(char.ToLowerInvariant)]);
}
