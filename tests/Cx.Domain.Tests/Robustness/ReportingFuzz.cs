using System.Reflection;
using Cx.Domain.Assets;
using Cx.Domain.EarlyWarning;
using Cx.Domain.Listening;
using Cx.Domain.Primitives;
using Cx.Domain.Reliability;
using Cx.Domain.Reporting;
using Cx.Domain.Samples;
using Cx.Domain.Tests.TestData;
using Cx.Domain.Validation;
using Cx.Domain.Value;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using static Cx.Domain.Tests.Robustness.FuzzValues;

namespace Cx.Domain.Tests.Robustness;

/// <summary>The fuzz module of Cx.Domain.Reporting: every renderer on results whose names are hostile (script tags,
/// attribute breakers, CSV formula prefixes <c>= + - @</c> tab and CR, <c>|</c> and newlines, ESC sequences, lone
/// surrogates), with the laws of its format: HTML never holds an unescaped <c>&lt;script</c>, <c>&lt;img</c> or attribute
/// breaker, every CSV cell is inert, every Markdown table row keeps its header's column count, text holds no control
/// character but the line end, and the same input always renders the same output.</summary>
public sealed class ReportingFuzz : IFuzzModule
{
    /// <summary>Names that try to escape their cell, element or attribute.</summary>
    private static readonly string[] Names =
    [
        .. Hostile.Names, "\tTab", "\rCR", "x\r\ny", "\u001b[31mred\u001b[0m", "\u001b]0;title\u0007", "lone \uD800 surrogate", "a\u2028b", "ok",
    ];

    private static readonly Lazy<ListeningReport> HostileListening = new(() =>
    {
        TopicTaxonomy taxonomy = TopicTaxonomy.Create(Names.Select((n, i) => new TaxonomyTopic(n, Names[(i + 1) % Names.Length])));
        var journey = Hostile.Journey();
        FeedbackSignal[] signals = [.. Enumerable.Range(0, 120).Select(i => new FeedbackSignal(Instant.FromUtc(2024, 1 + (i % 3), 1 + (i % 27), 9, 0), (FeedbackSource)(1 + (i % 8)), (FeedbackKind)(1 + (i % 3)))
        {
            StageId = journey.Stages[i % journey.Stages.Count].Id,
            Topics = [Names[i % Names.Length]],
            Survey = (i % 3) == 2 ? SurveyAnswer.Nps(i % 11) : default,
            Sentiment = (i % 5) / 4.0 - 0.5,
        })];
        return new ListeningCalculator(ListeningData.Options()).Calculate(journey, Hostile.Grid, signals, taxonomy, Hostile.Movements());
    });

    private static readonly Lazy<CustomerValueAnalysis> HostileValue = new(() => CustomerValueAnalysis.Run(
        Cdnow.Sample.Take(600).Select((r, i) => r with { Customer = CustomerId.From(Names[i % Names.Length] + r.Customer.Value), Segment = Names[(i / 7) % Names.Length] }),
        new CustomerValueAnalysisOptions { CalibrationEnd = Cdnow.CalibrationEnd, AtRisk = new AtRiskOptions { MaxCustomers = 5 } }));

    private static readonly Lazy<ErosionInput> SampleErosion = new(() =>
    {
        SampleCompany c = DomainFuzz.Company.Value;
        return ErosionInput.Create(c.RevenueLedger(), c.Journey, c.ReliabilityStandards, c.ReliabilityMeasurements, c.ExperienceEvents);
    });

    private static readonly Lazy<ErosionReport> SampleErosionReport = new(() => new RevenueErosionCalculator().Report(SampleErosion.Value, SampleErosion.Value.Ledger.Grid[^1]));

    private static readonly Lazy<CustomerRoomReport> SampleRoom = new(() =>
        new CustomerRoomCalculator().Build(SampleErosion.Value, SampleErosion.Value.Ledger.Grid[^1], DomainFuzz.Company.Value.Feedback, DomainFuzz.Company.Value.FeedbackTaxonomy));

    private static readonly Lazy<BacktestComparison> Comparison = new(() =>
        new ReliabilityEvaluator().Compare(ReliabilityStandardSet.Create([Hostile.Standard()]), Hostile.Measurements(), [EarlyWarningPolicy.Default, EarlyWarningPolicy.Legacy]));

    private static readonly Gen<string?> HostileText = Gen.Frequency((3, Gen.Elements<string?>(Names)), (1, Strings));

    public void Register(FuzzRegistry registry)
    {
        FuzzRegistry r = registry;
        FuzzValues v = r.Values;
        v.Add(from source in HostileText from count in Gen.Frequency((3, Gen.Constant<long?>(null)), (1, Longs.Select(l => (long?)l))) from named in Gen.Elements(true, false)
              select new ReportOptions { Source = source, RecordCount = count, NameCommandLineOptions = named });
        v.Add(Gen.Frequency((3, Gen.Constant(0).Select(_ => Hostile.Movements())), (1, v.For(typeof(AssetMovementReport))!.Where(x => x is not null).Select(x => (AssetMovementReport)x!))));
        v.Add(Gen.Constant(0).Select(_ => Hostile.Attribution()));
        v.Add(Gen.Constant(0).Select(_ => Hostile.Reliability()));
        v.Add(Gen.Constant(0).Select(_ => Hostile.Backtest()));
        v.Add(Gen.Constant(0).Select(_ => Hostile.Backtest().Standards[0]));
        v.Add(Gen.Constant(0).Select(_ => Hostile.Reliability().Standards[0]));
        v.Add(Gen.Constant(0).Select(_ => Comparison.Value));
        v.Add(Gen.Constant(0).Select(_ => new CohortCalculator().Calculate(Hostile.Ledger())));
        v.Add(Gen.Constant(0).Select(_ => new AssetMovementCalculator().BySegment(Hostile.Ledger())));
        v.Add(Gen.Constant(0).Select(_ => new RetentionCalculator().PeriodMetrics(Hostile.Movements())));
        v.Add(Gen.Constant(0).Select(_ => new RetentionCalculator().CohortMetrics(Hostile.Ledger(), 2)));
        v.Add(Gen.Constant(0).Select(_ => HostileListening.Value));
        v.Add(Gen.Constant(0).Select(_ => HostileValue.Value));
        v.Add(Gen.Constant(0).Select(_ => SampleErosion.Value));
        v.Add(Gen.Constant(0).Select(_ => SampleErosionReport.Value));
        v.Add(Gen.Constant(0).Select(_ => SampleRoom.Value));
        v.Add(from at in Gen.Frequency((4, Gen.Choose(0, 90).Select(d => Instant.FromUtc(2024, 1, 1, 0, 0) + Duration.FromDays(d))), (1, Instants)) from label in HostileText
              from kind in Gen.Elements(Enum.GetValues<RunChartMarkerKind>())
              select new RunChartMarker(at, label, kind));
        v.Add(from text in HostileText from which in Gen.Choose(0, 3) from level in Gen.Frequency((3, Gen.Choose(1, 6)), (1, Ints))
              select which switch { 0 => HtmlFragment.FromText(text), 1 => HtmlFragment.Paragraph(text), 2 => TryHeading(text, level), _ => HtmlFragment.FromTrustedHtml("<b>bold</b>") });
        v.Add(Gen.Elements(0, 1).Select(i => i == 0 ? Hostile.Movements().ToWaterfallChart() : Hostile.Attribution().ToStageChart()));
        v.Add(from title in HostileText select new HtmlPage(string.IsNullOrWhiteSpace(title) ? "report" : title).AddParagraph(Hostile.Script));
        v.Add(from ew in Gen.Frequency((3, Gen.Constant<EarlyWarningOptions?>(null)), (1, Gen.Constant(0).Select(_ => (EarlyWarningOptions?)new EarlyWarningOptions { Horizon = 2 })))
              select new CustomerRoomCalculator(ew, ListeningData.Options()));
        v.Add(Gen.Elements<object>(Hostile.Script, HtmlFragment.FromText(Hostile.Attribute), Hostile.Movements().ToWaterfallChart(), 42));
        v.Add(from horizon in Gen.Frequency((4, Gen.Choose(1, 6)), (1, Ints)) from priorities in Gen.Frequency((4, Gen.Choose(1, 5)), (1, Ints))
              select new EarlyWarningOptions { Horizon = horizon, PriorityCount = priorities });
        v.ForParameter(p => p.Member.DeclaringType == typeof(CustomerRoomCalculator) && p.Name == "period", Gen.Frequency(
            (4, Gen.Constant<object?>(null).Select(_ => (object?)SampleErosion.Value.Ledger.Grid[^1])),
            (1, v.For(typeof(GridPeriod))!)));
        v.ForParameter(p => p.Member.DeclaringType == typeof(CustomerRoomCalculator) && p.Name == "input", Gen.Constant<object?>(null).Select(_ => (object?)SampleErosion.Value));
        v.ForParameter(p => p.Member.DeclaringType == typeof(CustomerRoomCalculator) && p.Name == "feedback", Gen.Frequency(
            (3, Gen.Constant<object?>(null).Select(_ => (object?)DomainFuzz.Company.Value.Feedback)), (1, v.For(typeof(IEnumerable<FeedbackSignal>))!)));
        r.CaseLimits[typeof(CustomerRoomCalculator).GetMethod(nameof(CustomerRoomCalculator.Build))!] = 4;

        foreach (MethodInfo method in typeof(AssetMovementRenderer).Assembly.GetExportedTypes().Where(t => t.Namespace == "Cx.Domain.Reporting")
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)).Where(m => !m.IsSpecialName))
        {
            if (method.Name == nameof(HtmlFragment.FromTrustedHtml) || method.DeclaringType == typeof(CxJson) || method.DeclaringType == typeof(CustomerRoomCalculator))
            {
                continue;
            }

            MethodInfo m = method;
            r.Law(m, (a, result) => FormatLaws(m, a, result));
        }
    }

    /// <summary>The laws of a rendering, by its format, and its determinism (the same call renders the same text).</summary>
    private static void FormatLaws(MethodInfo method, object?[] args, object? result)
    {
        string? text = Text(result);
        if (text is null)
        {
            return;
        }

        string name = method.Name;
        if (result is HtmlFragment or HtmlPage or SvgChart || name.Contains("Html", StringComparison.Ordinal) || name.Contains("Svg", StringComparison.Ordinal) || name.Contains("Chart", StringComparison.Ordinal) || name.Contains("HeatMap", StringComparison.Ordinal))
        {
            foreach (string bad in new[] { "<script", "<img", "\" onload=", "onerror=\"document" })
            {
                Law(!text.Contains(bad, StringComparison.OrdinalIgnoreCase), $"{name} writes an unescaped '{bad}'");
            }

            Law(!HasLoneSurrogate(text), $"{name} writes a lone surrogate (invalid UTF-16) into HTML");
        }
        else if (name.EndsWith("Csv", StringComparison.Ordinal))
        {
            foreach (string cell in CsvCells(text))
            {
                Law(!CellEscaping.IsFormulaLike(cell) || double.TryParse(cell, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _),
                    $"{name} writes a CSV cell a spreadsheet reads as a formula: {Show(cell)}");
            }
        }
        else if (name.EndsWith("Markdown", StringComparison.Ordinal))
        {
            MarkdownTableLaw(name, text);
            ControlLaw(name, text);
        }
        else if (name.EndsWith("Text", StringComparison.Ordinal))
        {
            ControlLaw(name, text);
        }

        // Deterministic: the same call again renders the same output.
        if (method.IsStatic)
        {
            object? again = method.Invoke(null, args);
            Law(Text(again) == text, $"{name} renders the same input differently on a second call");
        }
    }

    private static string? Text(object? result) => result switch
    {
        string s => s,
        HtmlFragment f => f.Html,
        HtmlPage p => p.ToString(),
        SvgChart c => c.Svg,
        _ => null,
    };

    private static void ControlLaw(string name, string text)
    {
        int bad = text.AsSpan().IndexOfAnyInRange('\u0000', '\u001f');
        while (bad >= 0 && text[bad] == '\n')
        {
            int next = text.AsSpan(bad + 1).IndexOfAnyInRange('\u0000', '\u001f');
            bad = next < 0 ? -1 : bad + 1 + next;
        }

        Law(bad < 0 && !text.Contains('\u007f'), $"{name} writes a raw control character (U+{(bad < 0 ? 0x7f : text[bad]):X4}) a terminal would act on");
    }

    /// <summary>Every row of a Markdown table (consecutive lines starting with <c>|</c>) has its header's count of unescaped
    /// pipes.</summary>
    private static void MarkdownTableLaw(string name, string text)
    {
        int? columns = null;
        foreach (string line in text.Split('\n'))
        {
            if (!line.StartsWith('|'))
            {
                columns = null;
                continue;
            }

            int pipes = 0;
            for (int i = 0; i < line.Length; i++)
            {
                if (line[i] == '\\')
                {
                    i++;
                }
                else if (line[i] == '|')
                {
                    pipes++;
                }
            }

            columns ??= pipes;
            Law(pipes == columns, $"{name} writes a Markdown row with {pipes - 1} cells under a header of {columns - 1}: {Show(line)}");
        }
    }

    /// <summary>The cells of an RFC 4180 document (quoted cells unquoted).</summary>
    private static IEnumerable<string> CsvCells(string csv)
    {
        var cell = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < csv.Length; i++)
        {
            char c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.Length == 0)
            {
                quoted = true;
                cell.Append('\u0001'); // a quoted cell: its text starts after the mark
            }
            else if (c is ',' or '\n' || (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n'))
            {
                yield return Unmark(cell.ToString());
                cell.Clear();
                i += c == '\r' ? 1 : 0;
            }
            else
            {
                cell.Append(c);
            }
        }

        if (cell.Length > 0)
        {
            yield return Unmark(cell.ToString());
        }
    }

    private static string Unmark(string cell) => cell.StartsWith('\u0001') ? cell[1..] : cell;

    private static bool HasLoneSurrogate(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static HtmlFragment TryHeading(string? text, int level)
    {
        try
        {
            return HtmlFragment.Heading(text, level);
        }
        catch (ArgumentOutOfRangeException)
        {
            return HtmlFragment.Heading(text);
        }
    }

    private static void Law(bool holds, string message)
    {
        if (!holds)
        {
            throw new LawException(message);
        }
    }
}
