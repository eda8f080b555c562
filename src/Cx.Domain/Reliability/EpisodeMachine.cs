using NodaTime;

namespace Cx.Domain.Reliability;

/// <summary>Groups the firings of one standard's detectors, judged instant by judged instant, into warning episodes.</summary>
internal sealed class EpisodeMachine
{
    private readonly StandardWarnings _detectors;
    private readonly long _quiet;
    private readonly long _firstJudged;
    private Builder? _open;

    /// <param name="detectors">The standard's detectors.</param>
    /// <param name="firstJudged">The first judged instant, in ticks: an episode firing there may have opened earlier.</param>
    public EpisodeMachine(StandardWarnings detectors, long firstJudged)
    {
        _detectors = detectors;
        _quiet = detectors.Quiet.BclCompatibleTicks;
        _firstJudged = firstJudged;
    }

    public List<WarningEpisode> Closed { get; } = [];

    public bool IsOpen => _open is not null;

    /// <summary>Advances to the judged instant <paramref name="t"/> with the firing set <paramref name="mask"/>.</summary>
    public void Step(long t, ulong mask, bool breached)
    {
        if (_open is { } open)
        {
            if (mask != 0)
            {
                open.LastFiring = t;
                ulong joined = mask & ~open.Seen;
                if (joined != 0)
                {
                    AddEscalations(open, t, joined, opening: false);
                }
            }
            else if (t - open.LastFiring >= _quiet)
            {
                open.ClosedAt = t;
                Closed.Add(open.Build(_detectors.Standard));
                _open = null;
            }
        }

        // At the first judged instant the episode may have opened earlier, before a breach: it is taken as open.
        if (_open is null && mask != 0 && (!breached || t == _firstJudged))
        {
            var opened = new Builder(t, t == _firstJudged);
            AddEscalations(opened, t, mask, opening: true);
            _open = opened;
        }
    }

    /// <summary>The episodes so far, the open one last (with no closing instant).</summary>
    public List<WarningEpisode> Finish()
    {
        var all = new List<WarningEpisode>(Closed);
        if (_open is { } open)
        {
            all.Add(open.Build(_detectors.Standard));
        }

        return all;
    }

    /// <summary>The open episode, or null.</summary>
    public WarningEpisode? Open() => _open?.Build(_detectors.Standard);

    private void AddEscalations(Builder episode, long t, ulong detectors, bool opening)
    {
        for (int d = 0; d < _detectors.DetectorCount; d++)
        {
            if ((detectors & (1UL << d)) == 0)
            {
                continue;
            }

            AlertSeverity severity = _detectors.Severities[d];
            EpisodeEscalationKind kind = opening ? EpisodeEscalationKind.Opened
                : severity > episode.Peak ? EpisodeEscalationKind.SeverityRaised : EpisodeEscalationKind.DetectorJoined;
            episode.Escalations.Add(new EpisodeEscalation(Instant.FromUnixTimeTicks(t), kind, _detectors.Kinds[d], _detectors.Names[d], severity, _detectors.Describe(d, t)));
            episode.Peak = severity > episode.Peak ? severity : episode.Peak;
            episode.Seen |= 1UL << d;
        }
    }

    private sealed class Builder(long openedAt, bool truncated)
    {
        public long OpenedAt { get; } = openedAt;

        public bool Truncated { get; } = truncated;

        public long LastFiring { get; set; } = openedAt;

        public long? ClosedAt { get; set; }

        public AlertSeverity Peak { get; set; }

        public ulong Seen { get; set; }

        public List<EpisodeEscalation> Escalations { get; } = [];

        public WarningEpisode Build(ReliabilityStandard standard) => new(
            standard, Instant.FromUnixTimeTicks(OpenedAt), Instant.FromUnixTimeTicks(LastFiring), ClosedAt is { } c ? Instant.FromUnixTimeTicks(c) : null,
            Peak, [.. Escalations], Truncated, EpisodeVerdict.None, null);
    }
}
