namespace Cx.Cli.Input;

/// <summary>How to read a CSV file of experience events: which columns, which separator.</summary>
/// <param name="CustomerColumn">The header name of the customer id column.</param>
/// <param name="TouchpointColumn">The header name of the touchpoint id column.</param>
/// <param name="InstantColumn">The header name of the instant column (ISO 8601 with Z or an offset).</param>
/// <param name="OutcomeColumn">The header name of the outcome column (reliable, unreliable, unknown).</param>
/// <param name="ChannelColumn">The header name of the channel column.</param>
/// <param name="ChannelRequired">Whether a missing channel column is an error (it was asked for) or means no channels.</param>
/// <param name="Separator">The field separator.</param>
internal sealed record EventCsvOptions(
    string CustomerColumn,
    string TouchpointColumn,
    string InstantColumn,
    string OutcomeColumn,
    string ChannelColumn,
    bool ChannelRequired,
    char Separator)
{
    /// <summary>Gets the defaults: columns <c>customer_id</c>, <c>touchpoint</c>, <c>instant</c>, <c>outcome</c> and (when present) <c>channel</c>; comma.</summary>
    public static EventCsvOptions Default { get; } = new("customer_id", "touchpoint", "instant", "outcome", "channel", false, ',');
}
