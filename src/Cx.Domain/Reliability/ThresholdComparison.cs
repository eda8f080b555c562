namespace Cx.Domain.Reliability;

/// <summary>How an event's value is judged against a standard's threshold.</summary>
public enum ThresholdComparison
{
    /// <summary>Not set; rejected by validation.</summary>
    Unknown = 0,

    /// <summary>An event is good when its value is at most the threshold (<c>value &lt;= threshold</c>), as for durations.</summary>
    AtMost = 1,

    /// <summary>An event is good when its value is at least the threshold (<c>value &gt;= threshold</c>), as for scores.</summary>
    AtLeast = 2,
}
