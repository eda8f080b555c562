using NodaTime;
using NodaTime.Text;

namespace Cx.Domain.Reliability;

/// <summary>The window layout of a standard as of an instant (it depends on the standard, the instant and the options only,
/// never on the data) and the counts in each window and each burn-rate window: additive, so partial counts merge.</summary>
internal sealed class StandardCounts
{
    private static readonly InstantPattern LabelPattern = InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm'Z'");

    public StandardCounts(ReliabilityStandard standard, BurnRatePolicy? policy, Instant asOf, int rollingHistory)
    {
        Standard = standard;
        Policy = policy;
        AsOf = asOf;
        EvaluationWindow window = standard.Window;
        if (window.Kind == EvaluationWindowKind.Calendar)
        {
            Instant[] bounds = window.CalendarBoundaries();
            int k = 0;
            while (k < window.Grid!.Count && bounds[k] <= asOf)
            {
                k++;
            }

            Starts = bounds[..k];
            Ends = bounds[1..(k + 1)];
            Labels = window.Grid.Periods.Take(k).Select(p => p.Label).ToArray();
            CurrentIndex = k > 0 && asOf < bounds[k] ? k - 1 : -1;
            GridStart = bounds[0];
            GridEnd = bounds[^1];
        }
        else
        {
            Duration length = window.Length;
            Starts = new Instant[rollingHistory];
            Ends = new Instant[rollingHistory];
            Labels = new string[rollingHistory];
            for (int j = 0; j < rollingHistory; j++)
            {
                Ends[j] = asOf - (length * (rollingHistory - 1 - j));
                Starts[j] = Ends[j] - length;
                Labels[j] = LabelPattern.Format(Starts[j]) + ".." + LabelPattern.Format(Ends[j]);
            }

            CurrentIndex = rollingHistory - 1;
            GridStart = Starts[0];
            GridEnd = Instant.MaxValue;
        }

        WindowEvents = new long[Starts.Length];
        WindowBad = new long[Starts.Length];
        int pairs = policy?.Pairs.Count ?? 0;
        LongEvents = new long[pairs];
        LongBad = new long[pairs];
        ShortEvents = new long[pairs];
        ShortBad = new long[pairs];
    }

    public ReliabilityStandard Standard { get; }

    public BurnRatePolicy? Policy { get; }

    public Instant AsOf { get; }

    public Instant[] Starts { get; }

    public Instant[] Ends { get; }

    public string[] Labels { get; }

    public int CurrentIndex { get; }

    /// <summary>Where windows begin: calendar windows are [start, end), rolling ones (start, end].</summary>
    public Instant GridStart { get; }

    public Instant GridEnd { get; }

    public long[] WindowEvents { get; }

    public long[] WindowBad { get; }

    public long[] LongEvents { get; }

    public long[] LongBad { get; }

    public long[] ShortEvents { get; }

    public long[] ShortBad { get; }

    /// <summary>The events in the last window length (asOf - nominal length, asOf], for the traffic-aware burn-rate threshold.</summary>
    public long TrafficEvents { get; set; }

    public long EventCount { get; set; }

    public long AfterAsOf { get; set; }

    public long Outside { get; set; }

    public bool IsCalendar => Standard.Window.Kind == EvaluationWindowKind.Calendar;

    /// <summary>Counts a series (all of it: events after the evaluation instant are counted as such).</summary>
    public void Add(StandardSeries series)
    {
        long t = AsOf.ToUnixTimeTicks();
        int upTo = series.UpperBound(t);
        EventCount += upTo;
        AfterAsOf += series.Count - upTo;
        long covered = 0;
        for (int w = 0; w < Starts.Length; w++)
        {
            (long events, long bad) = IsCalendar ? CalendarRange(series, Starts[w], Ends[w], upTo) : series.Rolling(Starts[w].ToUnixTimeTicks(), Ends[w].ToUnixTimeTicks());
            WindowEvents[w] += events;
            WindowBad[w] += bad;
            covered += events;
        }

        Outside += upTo - covered;
        TrafficEvents += series.Rolling((AsOf - Standard.Window.NominalLength).ToUnixTimeTicks(), t).Events;
        for (int p = 0; p < LongEvents.Length; p++)
        {
            BurnRateWindowPair pair = Policy!.Pairs[p];
            (long le, long lb) = series.Rolling((AsOf - pair.LongWindow).ToUnixTimeTicks(), t);
            (long se, long sb) = series.Rolling((AsOf - pair.ShortWindow).ToUnixTimeTicks(), t);
            LongEvents[p] += le;
            LongBad[p] += lb;
            ShortEvents[p] += se;
            ShortBad[p] += sb;
        }
    }

    public void Add(StandardCounts other)
    {
        for (int w = 0; w < WindowEvents.Length; w++)
        {
            WindowEvents[w] = checked(WindowEvents[w] + other.WindowEvents[w]);
            WindowBad[w] = checked(WindowBad[w] + other.WindowBad[w]);
        }

        for (int p = 0; p < LongEvents.Length; p++)
        {
            LongEvents[p] = checked(LongEvents[p] + other.LongEvents[p]);
            LongBad[p] = checked(LongBad[p] + other.LongBad[p]);
            ShortEvents[p] = checked(ShortEvents[p] + other.ShortEvents[p]);
            ShortBad[p] = checked(ShortBad[p] + other.ShortBad[p]);
        }

        TrafficEvents = checked(TrafficEvents + other.TrafficEvents);
        EventCount = checked(EventCount + other.EventCount);
        AfterAsOf = checked(AfterAsOf + other.AfterAsOf);
        Outside = checked(Outside + other.Outside);
    }

    public StandardCounts Clone(int rollingHistory)
    {
        var copy = new StandardCounts(Standard, Policy, AsOf, rollingHistory);
        copy.Add(this);
        return copy;
    }

    internal static (long Events, long Bad) CalendarRange(StandardSeries series, Instant start, Instant end, int upTo)
    {
        int a = series.LowerBound(start.ToUnixTimeTicks());
        int b = Math.Min(series.LowerBound(end.ToUnixTimeTicks()), upTo);
        return b <= a ? (0, 0) : (b - a, series.Bad(a, b));
    }
}
