namespace Cx.Domain.Reliability;

/// <summary>How urgent a burn-rate alert is, in the Google SRE workbook's terms.</summary>
public enum AlertSeverity
{
    /// <summary>Not set; rejected by validation.</summary>
    None = 0,

    /// <summary>Act within days: the budget is being spent steadily too fast (the workbook's "ticket").</summary>
    Ticket = 1,

    /// <summary>Act now: the budget is being spent fast enough to be gone well before the window ends (the workbook's "page").</summary>
    Page = 2,
}
