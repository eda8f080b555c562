namespace Cx.Domain.Reliability;

/// <summary>How the value-drift detector groups a standard's values before charting them.</summary>
public enum ValueDriftSubgroup
{
    /// <summary>Not set; rejected by validation.</summary>
    None = 0,

    /// <summary>One subgroup per calendar day in the standard's time zone (UTC for rolling windows), complete at the day's end.</summary>
    Day = 1,

    /// <summary>One subgroup per fixed number of consecutive events, complete at its last event.</summary>
    Events = 2,
}
