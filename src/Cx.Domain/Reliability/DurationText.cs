using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Cx.Domain.Reliability;

/// <summary>Reads and writes durations in the OpenSLO style (<c>30d</c>, <c>6h</c>, <c>5m</c>, <c>90s</c>, <c>2w</c>) or
/// NodaTime's round-trip pattern (<c>1:02:03:04</c>).</summary>
internal static class DurationText
{
    public static string Format(Duration duration)
    {
        long seconds = (long)duration.TotalSeconds;
        if (Duration.FromSeconds(seconds) != duration || seconds == 0)
        {
            return DurationPattern.Roundtrip.Format(duration);
        }

        return seconds % 86_400 == 0 ? Text(seconds / 86_400, "d")
            : seconds % 3_600 == 0 ? Text(seconds / 3_600, "h")
            : seconds % 60 == 0 ? Text(seconds / 60, "m")
            : Text(seconds, "s");
    }

    public static bool TryParse(string? text, out Duration duration)
    {
        duration = Duration.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        string t = text.Trim();
        char unit = t[^1];
        if (char.IsLetter(unit) && long.TryParse(t.AsSpan(0, t.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out long n) && n <= 1_000_000)
        {
            long seconds = unit switch
            {
                's' => 1,
                'm' => 60,
                'h' => 3_600,
                'd' => 86_400,
                'w' => 604_800,
                _ => 0,
            };
            duration = Duration.FromSeconds(n * seconds);
            return seconds > 0;
        }

        ParseResult<Duration> result = DurationPattern.Roundtrip.Parse(t);
        duration = result.Success ? result.Value : Duration.Zero;
        return result.Success;
    }

    /// <summary>A duration for people, such as <c>9d 13h 8m</c>; seconds only below a minute; <c>-</c> before for negatives.</summary>
    public static string Human(Duration duration)
    {
        if (duration < Duration.Zero)
        {
            return "-" + Human(-duration);
        }

        long minutesTotal = (long)Math.Round(duration.TotalMinutes);
        if (minutesTotal == 0)
        {
            return ((long)Math.Round(duration.TotalSeconds)).ToString(CultureInfo.InvariantCulture) + "s";
        }

        var parts = new List<string>(3);
        long days = minutesTotal / 1440;
        long hours = minutesTotal / 60 % 24;
        long minutes = minutesTotal % 60;
        if (days != 0)
        {
            parts.Add(Text(days, "d"));
        }

        if (hours != 0)
        {
            parts.Add(Text(hours, "h"));
        }

        if (minutes != 0)
        {
            parts.Add(Text(minutes, "m"));
        }

        return string.Join(' ', parts);
    }

    private static string Text(long n, string unit) => n.ToString(CultureInfo.InvariantCulture) + unit;
}
