using System.Globalization;
using System.Text;
using Cx.Domain.Assets;
using Cx.Domain.Attribution;
using Cx.Domain.Journey;
using Cx.Domain.Reliability;
using NodaTime;
using NodaTime.Text;

namespace Cx.Domain.Reporting;

/// <summary>Culture-independent words and numbers shared by every renderer: dates, instants, durations, counts, amounts,
/// shares, and the names of statuses, categories and models as the reports spell them.</summary>
internal static class ReportText
{
    /// <summary>A date as ISO <c>yyyy-MM-dd</c>.</summary>
    public static string Date(LocalDate date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Year:D4}-{date.Month:D2}-{date.Day:D2}");

    /// <summary>A count, without separators: <c>1234</c>.</summary>
    public static string Count(long count) => count.ToString(CultureInfo.InvariantCulture);

    /// <summary>A count with thousands separators, for people: <c>1,234</c>.</summary>
    public static string GroupedCount(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>An amount in the unit's major units with its decimals and thousands separators: <c>1,234.50</c>.</summary>
    public static string Grouped(MeasureUnit unit, long units) =>
        unit.ToDecimal(units).ToString("N" + unit.DecimalPlaces.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>An amount with thousands separators and the unit: <c>USD 1,234.50</c>, or <c>1,234 visits</c> for a quantity.</summary>
    public static string WithUnit(MeasureUnit unit, long units) => Internal.Amounts.Format(unit, units);

    /// <summary>An instant as ISO 8601 in UTC, such as <c>2025-04-10T08:30:00Z</c> (fractions of a second only when present).</summary>
    public static string Instant(Instant at) => InstantPattern.ExtendedIso.Format(at);

    /// <summary>An as-of instant for a reader: <c>end of 2025-12-31</c> when it is the last instant of a day in the zone (a
    /// period's end), else the instant in the zone to the minute, rounded down: <c>2025-11-20 14:05 (Europe/Paris)</c>.</summary>
    public static string AsOf(Instant at, DateTimeZone zone)
    {
        ZonedDateTime local = at.InZone(zone);
        if (at == NodaTime.Instant.MaxValue || (at + Duration.Epsilon).InZone(zone).Date != local.Date)
        {
            return "end of " + Date(local.Date);
        }

        return string.Create(CultureInfo.InvariantCulture, $"{Date(local.Date)} {local.Hour:D2}:{local.Minute:D2} ({zone.Id})");
    }

    /// <summary>An instant in a table cell, as short as it can be read: <c>2025-10-01</c> at midnight UTC, else
    /// <c>2025-04-11 00:04</c> (UTC, to the minute, rounded down).</summary>
    public static string Moment(Instant at) => Moment(at, DateTimeZone.Utc);

    /// <summary>An instant in a table cell in the report's time zone (the one its "as of" names), as short as it can be
    /// read: <c>2025-10-01</c> at local midnight, else <c>2025-04-11 00:04</c> (local time, to the minute, rounded
    /// down).</summary>
    public static string Moment(Instant at, DateTimeZone zone)
    {
        LocalDateTime local = at.InZone(zone).LocalDateTime;
        return local.TimeOfDay == LocalTime.Midnight
            ? Date(local.Date)
            : string.Create(CultureInfo.InvariantCulture, $"{Date(local.Date)} {local.Hour:D2}:{local.Minute:D2}");
    }

    /// <summary>The status as the JSON and CSV spell it: <c>reliable</c>, <c>watch</c>, <c>breached</c>, <c>noData</c>.</summary>
    public static string Status(StandardStatus status) => status switch
    {
        StandardStatus.Reliable => "reliable",
        StandardStatus.Watch => "watch",
        StandardStatus.Breached => "breached",
        StandardStatus.NoData => "noData",
        _ => "unknown",
    };

    /// <summary>The status as the tables spell it.</summary>
    public static string StatusWords(StandardStatus status) => status == StandardStatus.NoData ? "no data" : Status(status);

    /// <summary>An enum value in camel case, such as <c>burnRate</c> or <c>notEnoughData</c>.</summary>
    public static string Camel<T>(T value)
        where T : struct, Enum
    {
        string name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    /// <summary>The comparison as the standards JSON spells it: <c>lte</c> (at most) or <c>gte</c> (at least).</summary>
    public static string Op(ThresholdComparison comparison) => comparison == ThresholdComparison.AtMost ? "lte" : "gte";

    /// <summary>A category's name as the journey JSON spells it (<c>managingCustomersAtRisk</c>...).</summary>
    public static string Category(TouchpointCategory category) => category switch
    {
        TouchpointCategory.ManagingCustomersAtRisk => "managingCustomersAtRisk",
        TouchpointCategory.RespondingToCustomerNeeds => "respondingToCustomerNeeds",
        TouchpointCategory.IncreasingTheBond => "increasingTheBond",
        TouchpointCategory.EarningTheRightToGrowth => "earningTheRightToGrowth",
        _ => "unknown",
    };

    /// <summary>A category in words, for charts and pages: <c>managing customers at risk</c>.</summary>
    public static string CategoryWords(TouchpointCategory category) => category switch
    {
        TouchpointCategory.ManagingCustomersAtRisk => "managing customers at risk",
        TouchpointCategory.RespondingToCustomerNeeds => "responding to customer needs",
        TouchpointCategory.IncreasingTheBond => "increasing the bond",
        TouchpointCategory.EarningTheRightToGrowth => "earning the right to growth",
        _ => "unknown",
    };

    /// <summary>Gains or losses.</summary>
    public static string Direction(AttributionDirection direction) => direction == AttributionDirection.Losses ? "losses" : "gains";

    /// <summary>Which movements an attribution credited: <c>gains</c>, <c>losses</c> or <c>both</c>.</summary>
    public static string Directions(IReadOnlyCollection<MovementClass> movements)
    {
        bool gains = movements.Any(m => m is MovementClass.New or MovementClass.Reactivated or MovementClass.Expansion);
        bool losses = movements.Any(m => m is MovementClass.Contraction or MovementClass.Churned);
        return gains && losses ? "both" : losses ? "losses" : "gains";
    }

    /// <summary>A model's name as the <c>cx</c> tool spells it: <c>first-touch</c>, <c>markov</c>...</summary>
    public static string Model(AttributionModel model) => model switch
    {
        AttributionModel.FirstTouch => "first-touch",
        AttributionModel.LastTouch => "last-touch",
        AttributionModel.Linear => "linear",
        AttributionModel.TimeDecay => "time-decay",
        AttributionModel.PositionBased => "position-based",
        AttributionModel.MarkovChain => "markov",
        AttributionModel.Shapley => "shapley",
        _ => "unknown",
    };

    /// <summary>A duration in ISO 8601, such as <c>P2DT4H30M</c> (days of 24 hours; <c>PT0S</c> for zero).</summary>
    public static string IsoDuration(Duration duration)
    {
        var text = new StringBuilder(duration < Duration.Zero ? "-P" : "P");
        long ticks = Math.Abs(duration.BclCompatibleTicks);
        long days = ticks / NodaConstants.TicksPerDay;
        long hours = ticks / NodaConstants.TicksPerHour % 24;
        long minutes = ticks / NodaConstants.TicksPerMinute % 60;
        long secondTicks = ticks % NodaConstants.TicksPerMinute;
        if (days > 0)
        {
            text.Append(days.ToString(CultureInfo.InvariantCulture)).Append('D');
        }

        if (hours > 0 || minutes > 0 || secondTicks > 0 || days == 0)
        {
            text.Append('T');
            if (hours > 0)
            {
                text.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('H');
            }

            if (minutes > 0)
            {
                text.Append(minutes.ToString(CultureInfo.InvariantCulture)).Append('M');
            }

            if (secondTicks > 0 || (hours == 0 && minutes == 0))
            {
                text.Append((secondTicks / (decimal)NodaConstants.TicksPerSecond).ToString(CultureInfo.InvariantCulture)).Append('S');
            }
        }

        return text.ToString();
    }

    /// <summary>A duration for people, such as <c>2d 4h 30m</c>; seconds only below a minute.</summary>
    public static string Human(Duration duration)
    {
        long minutesTotal = (long)Math.Round(duration.TotalMinutes);
        if (minutesTotal == 0)
        {
            return ((long)Math.Round(duration.TotalSeconds)).ToString(CultureInfo.InvariantCulture) + "s";
        }

        long days = minutesTotal / 1440;
        long hours = minutesTotal / 60 % 24;
        long minutes = minutesTotal % 60;
        var parts = new List<string>(3);
        if (days != 0)
        {
            parts.Add(days.ToString(CultureInfo.InvariantCulture) + "d");
        }

        if (hours != 0)
        {
            parts.Add(hours.ToString(CultureInfo.InvariantCulture) + "h");
        }

        if (minutes != 0)
        {
            parts.Add(minutes.ToString(CultureInfo.InvariantCulture) + "m");
        }

        return string.Join(' ', parts);
    }

    /// <summary>A share as a percentage with one decimal, such as <c>94.2%</c>; <c>-</c> for none.</summary>
    public static string Percent(double? share) =>
        share is { } s ? (s * 100).ToString("F1", CultureInfo.InvariantCulture) + "%" : "-";

    /// <summary>A number with a fixed count of decimals.</summary>
    public static string Fixed(double value, int decimals) =>
        value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>A number in its shortest round-trip form, as the JSON writes it.</summary>
    public static string Exact(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A number for people: up to <paramref name="digits"/> significant digits but the integer part always whole,
    /// thousands separated (<c>1,234.5</c>, <c>98,765</c>, <c>0.01236</c>); below 1e-6 or from 1e15 on in scientific
    /// notation (<c>1E-300</c>), where fixed notation would show only zeros or hundreds of digits.</summary>
    public static string Short(double value, int digits = 4)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return "-";
        }

        if (value == 0)
        {
            return "0";
        }

        int exponent = (int)Math.Floor(Math.Log10(Math.Abs(value)));
        if (exponent is < -6 or >= 15)
        {
            return value.ToString("G" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        }

        // Math.Round takes at most 15 digits, which the exponent's range above keeps it within.
        double rounded = Math.Round(value, Math.Clamp(digits - 1 - exponent, 0, 15));
        return rounded.ToString("#,0.##########", CultureInfo.InvariantCulture);
    }

    /// <summary>The threshold in words, such as <c>hours from request to test drive &lt;= 48 h</c>.</summary>
    public static string Threshold(ReliabilityStandard s) =>
        string.Create(CultureInfo.InvariantCulture, $"{s.Metric} {(s.Comparison == ThresholdComparison.AtMost ? "<=" : ">=")} {s.Threshold:G6}{(s.Unit.Length == 0 ? string.Empty : " " + s.Unit)}");
}
