using System.Globalization;
using Cx.Domain.IO.Internal;
using Cx.Domain.Listening;
using Cx.Domain.Primitives;
using NodaTime;

namespace Cx.Domain.IO;

/// <summary>Reads a file of customer feedback — complaints, unaided comments, survey responses — with the same text
/// handling as <see cref="RevenueFileReader"/>: delimiters, headers or positions, quoting, encodings, every bad row with
/// its line and column.</summary>
/// <remarks>
/// <para>Columns (<see cref="FeedbackFileOptions"/>): <c>instant</c>, <c>source</c> and <c>kind</c> are required;
/// <c>customer_id</c>, <c>stage</c>, <c>touchpoint</c>, <c>topics</c>, <c>sentiment</c>, <c>instrument</c>,
/// <c>score</c>, <c>scale_min</c>, <c>scale_max</c> and <c>text</c> are optional.</para>
/// <para>Instants are ISO 8601 with a UTC offset. Sources: <c>call-center</c>, <c>web</c>, <c>store</c>, <c>email</c>,
/// <c>chat</c>, <c>social</c>, <c>survey</c>, <c>other</c>; kinds: <c>unaided</c>, <c>complaint</c>, <c>survey</c> (any
/// case; spaces, hyphens and underscores ignored). Topics are ids separated by <c>;</c> or <c>|</c>. A survey row gives
/// the instrument (<c>nps</c>, <c>csat</c>, <c>ces</c>) and a whole-number score; CSAT rows may give their scale (1 to 5
/// when empty). Whether stages, touchpoints, topics and scores are valid is the library's check (CX0701 to CX0709), which
/// the caller maps back to lines with <see cref="FeedbackFile.LineOf"/> and <see cref="FeedbackFile.ColumnOf"/>.</para>
/// </remarks>
public static class FeedbackFileReader
{
    /// <summary>The header <see cref="Write"/> writes and the reader's default column names, in order.</summary>
    public static IReadOnlyList<string> Header { get; } =
        ["instant", "source", "kind", "customer_id", "stage", "touchpoint", "topics", "sentiment", "instrument", "score", "scale_min", "scale_max", "text"];

    /// <summary>Reads a file.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="options">How to read it; defaults when null.</param>
    /// <param name="progress">Receives how many bytes have been read, now and then; may be null.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The signals read and the problems found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid (a decimal separator other than '.' or ',',
    /// no text options, a negative MaxDegreeOfParallelism, an unknown encoding, a required column that names no
    /// column).</exception>
    /// <exception cref="IOException">The file cannot be opened or read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    /// <exception cref="InputFileException">The file is empty, lacks a required column, or its header is not in the encoding.</exception>
    /// <exception cref="OperationCanceledException">The read was cancelled.</exception>
    public static FeedbackFile Read(string path, FeedbackFileOptions? options = null, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        using FileStream stream = new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        return Read(stream, Path.GetFileName(path), options, progress, cancellationToken);
    }

    /// <summary>Reads a stream.</summary>
    /// <param name="stream">The file's bytes; read to the end, not closed.</param>
    /// <param name="name">The file's name as messages show it.</param>
    /// <param name="options">How to read it; defaults when null.</param>
    /// <param name="progress">Receives how many bytes have been read, now and then; may be null.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The signals read and the problems found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> or <paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid (a decimal separator other than '.' or ',',
    /// no text options, a negative MaxDegreeOfParallelism, an unknown encoding, a required column that names no
    /// column).</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    /// <exception cref="InputFileException">The file is empty, lacks a required column, or its header is not in the encoding.</exception>
    /// <exception cref="OperationCanceledException">The read was cancelled.</exception>
    public static FeedbackFile Read(Stream stream, string name, FeedbackFileOptions? options = null, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        options ??= new FeedbackFileOptions();
        OptionChecks.Text(options.Text);
        OptionChecks.Required(options.Instant, "Instant");
        OptionChecks.Required(options.Source, "Source");
        OptionChecks.Required(options.Kind, "Kind");
        OptionChecks.DecimalSeparator(options.DecimalSeparator);

        NumberFormatInfo format = options.DecimalSeparator == '.' ? NumberFormatInfo.InvariantInfo : new NumberFormatInfo { NumberDecimalSeparator = "," };
        var columns = new Dictionary<string, string>(StringComparer.Ordinal);
        (ReaderContext context, List<RecordSink<FeedbackSignal>> sinks, long firstDataLine) = TextFileReader.Read<RecordSink<FeedbackSignal>>(
            stream,
            name,
            options.Text,
            options.SettingNames,
            "the file is empty; expected a header line such as instant,source,kind,stage,topics,text, then one row per signal.",
            (context, missing) =>
            {
                Header header = context.Header;
                var index = new Dictionary<string, int>(StringComparer.Ordinal);
                void Column(string setting, ColumnRef column, bool required)
                {
                    int i = header.Resolve(column, setting, required, missing);
                    if (i >= 0)
                    {
                        index[setting] = i;
                        columns[setting] = header.NameOf(i);
                    }
                }

                Column("Instant", options.Instant, true);
                Column("Source", options.Source, true);
                Column("Kind", options.Kind, true);
                Column("Customer", options.Customer, false);
                Column("Stage", options.Stage, false);
                Column("Touchpoint", options.Touchpoint, false);
                Column("Topics", options.Topics, false);
                Column("Sentiment", options.Sentiment, false);
                Column("Instrument", options.Instrument, false);
                Column("Score", options.Score, false);
                Column("ScaleMin", options.ScaleMin, false);
                Column("ScaleMax", options.ScaleMax, false);
                Column("Verbatim", options.Verbatim, false);
                if (missing.Count > 0)
                {
                    return (_, _, _) => throw new InvalidOperationException("Columns are missing.");
                }

                string sep = options.DecimalSeparator.ToString();
                bool ReadRow(ReadOnlySpan<byte> buffer, Row row, Action<string?, string?, string?, string> problem, out FeedbackSignal record)
                {
                    record = null!;
                    string? Field(string setting, ReadOnlySpan<byte> b) =>
                        index.TryGetValue(setting, out int i) && Fields.String(b, row, i).Trim() is { Length: > 0 } text ? text : null;
                    bool ok = true;
                    void Problem(string setting, string message)
                    {
                        problem(columns.GetValueOrDefault(setting), setting, null, message);
                        ok = false;
                    }

                    if (!Instants.TryParse(Field("Instant", buffer), "2025-04-12T09:30:00Z", "2025-04-12T11:30:00+02:00", out Instant at, out string? instantError))
                    {
                        Problem("Instant", instantError!);
                    }

                    string? sourceText = Field("Source", buffer);
                    FeedbackSource source = ParseSource(sourceText);
                    if (source == FeedbackSource.Unknown)
                    {
                        Problem("Source", $"expected a source of call-center, web, store, email, chat, social, survey or other; got '{Internal.Text.Shorten(sourceText ?? string.Empty)}'.");
                    }

                    string? kindText = Field("Kind", buffer);
                    FeedbackKind kind = ParseKind(kindText);
                    if (kind == FeedbackKind.Unknown)
                    {
                        Problem("Kind", $"expected a kind of unaided, complaint or survey; got '{Internal.Text.Shorten(kindText ?? string.Empty)}'.");
                    }

                    CustomerId? customer = null;
                    if (Field("Customer", buffer) is { } customerText)
                    {
                        if (CustomerId.TryFrom(customerText, out CustomerId id))
                        {
                            customer = id;
                        }
                        else
                        {
                            Problem("Customer", $"'{Internal.Text.Shorten(customerText)}' is not a valid customer id; leave the field empty for anonymous feedback.");
                        }
                    }

                    double? sentiment = null;
                    if (Field("Sentiment", buffer) is { } sentimentText)
                    {
                        if (double.TryParse(sentimentText, NumberStyles.Float, format, out double value))
                        {
                            sentiment = value;
                        }
                        else
                        {
                            Problem("Sentiment", $"expected a sentiment from -1 to 1 with '{sep}' as the decimal separator, such as -0{sep}8; got '{Internal.Text.Shorten(sentimentText)}'.");
                        }
                    }

                    SurveyAnswer answer = default;
                    string? instrumentText = Field("Instrument", buffer);
                    string? scoreText = Field("Score", buffer);
                    if (instrumentText is not null || scoreText is not null)
                    {
                        answer = ParseAnswer(instrumentText, scoreText, Field("ScaleMin", buffer), Field("ScaleMax", buffer), Problem);
                    }

                    string[] topics = Field("Topics", buffer) is { } topicText
                        ? topicText.Split([';', '|'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                        : [];
                    if (ok)
                    {
                        record = new FeedbackSignal(at, source, kind)
                        {
                            Customer = customer,
                            StageId = Field("Stage", buffer),
                            TouchpointId = Field("Touchpoint", buffer),
                            Topics = topics,
                            Sentiment = sentiment,
                            Text = Field("Verbatim", buffer),
                            Survey = answer,
                        };
                    }

                    return ok;
                }

                return (_, _, _) => new RecordSink<FeedbackSignal>(context, ReadRow);
            },
            progress is null ? null : progress.Report,
            cancellationToken);

        (List<FeedbackSignal> signals, LineMap lines, List<FileProblem> problems, long count) = RecordSink<FeedbackSignal>.Merge(sinks, firstDataLine);
        return new FeedbackFile(name, context.EncodingName, columns, signals, problems, count, lines);
    }

    /// <summary>Writes signals in the reader's default format: a header, instants ISO 8601 in UTC, sources and kinds in
    /// lower case, topics joined by ';', sentiments in their shortest round-trip form, every survey score with its scale;
    /// fields quoted where needed, LF line ends.</summary>
    /// <param name="signals">The signals.</param>
    /// <param name="writer">Where to write.</param>
    /// <exception cref="ArgumentNullException"><paramref name="signals"/> or <paramref name="writer"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="signals"/> holds a null (the rows before it are
    /// written).</exception>
    public static void Write(IEnumerable<FeedbackSignal> signals, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(string.Join(',', Header));
        writer.Write('\n');
        var inv = CultureInfo.InvariantCulture;
        long position = -1;
        foreach (FeedbackSignal s in signals)
        {
            position++;
            if (s is null)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Expected a signal at position {position}, got null; the rows before it were written."), nameof(signals));
            }

            bool survey = s.Survey.Instrument != SurveyInstrument.None;
            string[] fields =
            [
                NodaTime.Text.InstantPattern.ExtendedIso.Format(s.At), SourceName(s.Source), s.Kind.ToString().ToLowerInvariant(), s.Customer?.Value ?? string.Empty,
                s.StageId ?? string.Empty, s.TouchpointId ?? string.Empty, string.Join(';', s.Topics ?? []), s.Sentiment is { } v ? v.ToString("R", inv) : string.Empty,
                InstrumentName(s.Survey.Instrument), survey ? s.Survey.Score.ToString(inv) : string.Empty,
                survey ? s.Survey.ScaleMin.ToString(inv) : string.Empty, survey ? s.Survey.ScaleMax.ToString(inv) : string.Empty, s.Text ?? string.Empty,
            ];
            for (int i = 0; i < fields.Length; i++)
            {
                if (i > 0)
                {
                    writer.Write(',');
                }

                string f = fields[i];
                writer.Write(f.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + f.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : f);
            }

            writer.Write('\n');
        }
    }

    /// <summary>The name the reader and writer use for a source: <c>call-center</c>, <c>web</c>...</summary>
    /// <param name="source">The source.</param>
    /// <returns>The name; <c>other</c> for an undefined source.</returns>
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

    private static string InstrumentName(SurveyInstrument instrument) => instrument switch
    {
        SurveyInstrument.Nps => "nps",
        SurveyInstrument.Csat => "csat",
        SurveyInstrument.Ces => "ces",
        _ => string.Empty,
    };

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
            problem("Instrument", $"expected an instrument of nps, csat or ces with the score; got '{Internal.Text.Shorten(instrumentText ?? string.Empty)}'.");
            return default;
        }

        if (!int.TryParse(scoreText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int score))
        {
            problem("Score", $"expected a whole-number score; got '{Internal.Text.Shorten(scoreText ?? string.Empty)}'.");
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
            problem("ScaleMax", $"expected whole numbers for the CSAT scale, such as 1 and 5; got '{minText}' and '{maxText}'.");
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
