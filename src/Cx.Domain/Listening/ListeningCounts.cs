using System.Runtime.CompilerServices;

namespace Cx.Domain.Listening;

/// <summary>The additive state of the listening path: every count the report is built from, one row of cells per period
/// that holds a signal (the cells of a row are laid out by <see cref="ListeningLayout"/>). Two counts over disjoint signals
/// add up to the counts of the union.</summary>
/// <remarks>
/// <para>Sparse by period: a row is allocated when its period's first signal is counted, and a period without a row reads
/// as zeros, so the counts take memory in proportion to the periods that hold signals (times the cells of a period: the
/// stage × topic series, the survey histograms), not to the grid (a daily grid of 100,000 periods costs 400 KB for the
/// period → row map). Finding a period's row is one array read; the columnar path keeps the row of the previous signal.</para>
/// <para>Sentiment is kept in thousandths (whole numbers) so that sums are exact and order-independent.</para>
/// </remarks>
internal sealed class ListeningCounts
{
    public const int KindCount = 3;
    public const int SourceCount = 8;
    public const int NpsPoints = 11;
    public const int CesPoints = 7;

    /// <summary>For each period, its row's index plus one; 0 when the period has no row.</summary>
    private readonly int[] _rowOf;
    private long[][] _rows;
    private int[] _periodOfRow;

    public ListeningCounts(ListeningLayout layout)
    {
        Layout = layout;
        _rowOf = new int[layout.PeriodCount];
        int capacity = Math.Min(layout.PeriodCount, 16);
        _rows = new long[capacity][];
        _periodOfRow = new int[capacity];
    }

    public ListeningLayout Layout { get; }

    public long BeforeGrid { get; set; }

    public long AfterGrid { get; set; }

    /// <summary>Gets the number of periods that have a row.</summary>
    public int RowCount { get; private set; }

    /// <summary>Gets the number of signals counted inside the grid.</summary>
    public long SignalCount
    {
        get
        {
            long n = 0;
            for (int r = 0; r < RowCount; r++)
            {
                n = checked(n + _rows[r][0]);
            }

            return n;
        }
    }

    /// <summary>The sentiment in thousandths, as counted.</summary>
    public static int Milli(double sentiment) => (int)Math.Round(sentiment * 1000);

    /// <summary>The row of a period, or null when no signal was counted in it (all its counts are zero).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long[]? RowOf(int period)
    {
        int r = _rowOf[period];
        return r == 0 ? null : _rows[r - 1];
    }

    /// <summary>The index of a period's row (0 to <see cref="RowCount"/> - 1, in the order the rows were added), or -1.</summary>
    public int RowIndex(int period) => _rowOf[period] - 1;

    /// <summary>The row of a period to count into, allocated (zeros) on first use.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long[] Row(int period)
    {
        int r = _rowOf[period];
        return r != 0 ? _rows[r - 1] : NewRow(period);
    }

    /// <summary>The periods that have a row, in grid order.</summary>
    public int[] Periods()
    {
        int[] periods = _periodOfRow[..RowCount];
        Array.Sort(periods);
        return periods;
    }

    /// <summary>Counts one signal into a period's row (from <see cref="Row"/>). <paramref name="stage"/> and
    /// <paramref name="touchpoint"/> are slots (the last slot for none); <paramref name="score"/> is the NPS score, the CES
    /// score, or for CSAT 1 when in the top two boxes; <paramref name="sentimentMilli"/> is <see cref="int.MinValue"/> for none.</summary>
    /// <remarks>Unchecked: a count cannot reach 2^63 in any input that fits in memory.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(long[] row, int source, int kind, int stage, int touchpoint, ReadOnlySpan<int> topics, int instrument, int score, int sentimentMilli)
    {
        unchecked
        {
            ListeningLayout layout = Layout;
            row[0]++;
            row[layout.KindAt + kind - 1]++;
            row[layout.SourceAt + source - 1]++;
            row[layout.StageAt + stage]++;
            row[layout.TouchpointAt + touchpoint]++;
            bool sentiment = sentimentMilli != int.MinValue;
            if (sentiment)
            {
                row[layout.StageSentimentSumAt + stage] += sentimentMilli;
                row[layout.StageSentimentCountAt + stage]++;
            }

            int series = kind == (int)FeedbackKind.Complaint ? 0 : kind == (int)FeedbackKind.Unaided ? 1 : -1;
            if (series == 0)
            {
                row[layout.ComplaintsAt + stage]++;
            }

            if (topics.IsEmpty)
            {
                CountTopic(row, layout, stage, layout.TopicSlots - 1, series, sentiment, sentimentMilli);
            }
            else
            {
                foreach (int t in topics)
                {
                    CountTopic(row, layout, stage, t, series, sentiment, sentimentMilli);
                }
            }

            switch (instrument)
            {
                case (int)SurveyInstrument.Nps:
                    row[layout.NpsAt + (stage * NpsPoints) + score]++;
                    break;
                case (int)SurveyInstrument.Ces:
                    row[layout.CesAt + (stage * CesPoints) + score - 1]++;
                    break;
                case (int)SurveyInstrument.Csat:
                    int csat = layout.CsatAt + (stage * 2);
                    row[csat]++;
                    row[csat + 1] += score;
                    break;
                default:
                    break;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CountTopic(long[] row, ListeningLayout layout, int stage, int topic, int series, bool sentiment, int sentimentMilli)
    {
        unchecked
        {
            row[layout.TopicAt + topic]++;
            if (sentiment)
            {
                row[layout.TopicSentimentSumAt + topic] += sentimentMilli;
                row[layout.TopicSentimentCountAt + topic]++;
            }

            if (series >= 0)
            {
                row[layout.SpikeAt + (((stage * layout.TopicSlots) + topic) * 2) + series]++;
            }
        }
    }

    /// <summary>Adds another count of the same layout into this one.</summary>
    public void AddFrom(ListeningCounts other)
    {
        BeforeGrid = checked(BeforeGrid + other.BeforeGrid);
        AfterGrid = checked(AfterGrid + other.AfterGrid);
        for (int r = 0; r < other.RowCount; r++)
        {
            long[] into = Row(other._periodOfRow[r]);
            long[] from = other._rows[r];
            for (int i = 0; i < into.Length; i++)
            {
                into[i] = checked(into[i] + from[i]);
            }
        }
    }

    /// <summary>Copies these counts onto a layout with more topics (the same grid, journey and zone), each topic at its
    /// position in the new taxonomy.</summary>
    public ListeningCounts Remap(ListeningLayout layout)
    {
        var to = new ListeningCounts(layout) { BeforeGrid = BeforeGrid, AfterGrid = AfterGrid };
        ListeningLayout from = Layout;
        int oldTopics = from.TopicSlots;
        int newTopics = layout.TopicSlots;
        var map = new int[oldTopics];
        for (int t = 0; t < oldTopics - 1; t++)
        {
            map[t] = layout.Topics.IndexOf(from.Topics.Topics[t].Id);
        }

        map[oldTopics - 1] = newTopics - 1;
        int stages = from.StageSlots;
        for (int r = 0; r < RowCount; r++)
        {
            long[] source = _rows[r];
            long[] into = to.Row(_periodOfRow[r]);

            // The cells before the topics' do not depend on the taxonomy: the same place in both layouts.
            Array.Copy(source, into, from.TopicAt);
            for (int t = 0; t < oldTopics; t++)
            {
                int m = map[t];
                into[layout.TopicAt + m] = source[from.TopicAt + t];
                into[layout.TopicSentimentSumAt + m] = source[from.TopicSentimentSumAt + t];
                into[layout.TopicSentimentCountAt + m] = source[from.TopicSentimentCountAt + t];
                for (int s = 0; s < stages; s++)
                {
                    for (int k = 0; k < 2; k++)
                    {
                        into[layout.SpikeAt + (((s * newTopics) + m) * 2) + k] = source[from.SpikeAt + (((s * oldTopics) + t) * 2) + k];
                    }
                }
            }
        }

        return to;
    }

    private long[] NewRow(int period)
    {
        if (RowCount == _rows.Length)
        {
            int capacity = (int)Math.Min((long)_rows.Length * 2, Layout.PeriodCount);
            Array.Resize(ref _rows, capacity);
            Array.Resize(ref _periodOfRow, capacity);
        }

        var row = new long[Layout.RowWidth];
        _rows[RowCount] = row;
        _periodOfRow[RowCount] = period;
        RowCount++;
        _rowOf[period] = RowCount;
        return row;
    }
}
