using System.Globalization;
using NodaTime;

namespace Cx.Domain.Reliability;

/// <summary>The figures of one evaluation window: events, good events, compliance, verdict, error budget and burn rate.</summary>
/// <remarks>
/// <para>Compliance is good / events; the error budget is <c>(1 - objective) x events</c> bad events; budget consumed is
/// bad / budget (above 1 when overspent); budget remaining is budget - bad events (negative when overspent); the burn rate
/// is <c>(bad / events) / (1 - objective)</c>, which over one window equals the budget consumed. Budget and burn rate are
/// computed in decimal from the objective's digits, so a bad share equal to the allowance gives exactly 1.</para>
/// <para>A window with no events has compliance null and burns nothing.</para>
/// </remarks>
public sealed class WindowEvaluation
{
    internal WindowEvaluation(string label, Instant start, Instant end, bool isComplete, long events, long bad, ReliabilityStandard standard)
    {
        Label = label;
        Start = start;
        End = end;
        IsComplete = isComplete;
        EventCount = events;
        BadEventCount = bad;
        Objective = standard.Objective;
        Compliance = events == 0 ? null : (double)(events - bad) / events;
        decimal budget = standard.AllowedBadShare * events;
        ErrorBudget = (double)budget;
        BudgetRemaining = (double)(budget - bad);
        BurnRate = events == 0 ? 0 : (double)(bad / budget);
        BudgetConsumed = BurnRate;
        Status = events < standard.MinimumEvents ? WindowStatus.NotEnoughData : bad > budget ? WindowStatus.Breached : WindowStatus.Met;
    }

    /// <summary>Gets the label: the period's label for a calendar window, or <c>start..end</c> for a rolling one.</summary>
    public string Label { get; }

    /// <summary>Gets the start of the window (inclusive for calendar periods, exclusive for rolling windows).</summary>
    public Instant Start { get; }

    /// <summary>Gets the end of the window (exclusive for calendar periods, inclusive for rolling windows).</summary>
    public Instant End { get; }

    /// <summary>Gets a value indicating whether the window had ended by the evaluation instant (false for the current
    /// calendar period, whose figures are so far).</summary>
    public bool IsComplete { get; }

    /// <summary>Gets the number of events.</summary>
    public long EventCount { get; }

    /// <summary>Gets the number of events that met the threshold.</summary>
    public long GoodEventCount => EventCount - BadEventCount;

    /// <summary>Gets the number of events that missed the threshold.</summary>
    public long BadEventCount { get; }

    /// <summary>Gets the share of good events in [0, 1], or null without events.</summary>
    public double? Compliance { get; }

    /// <summary>Gets the standard's objective.</summary>
    public double Objective { get; }

    /// <summary>Gets the verdict.</summary>
    public WindowStatus Status { get; }

    /// <summary>Gets the error budget: how many bad events the window may have, <c>(1 - objective) x events</c>.</summary>
    public double ErrorBudget { get; }

    /// <summary>Gets the share of the error budget spent, bad / budget; 0 without events.</summary>
    public double BudgetConsumed { get; }

    /// <summary>Gets the bad events still allowed, budget - bad; negative when overspent.</summary>
    public double BudgetRemaining { get; }

    /// <summary>Gets the burn rate, <c>(bad / events) / (1 - objective)</c>; 0 without events.</summary>
    public double BurnRate { get; }

    /// <summary>Returns a short description such as <c>2026-03: 95.0% (n=120, bad 6), met</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Label}: {(Compliance is { } c ? (c * 100).ToString("F1", CultureInfo.InvariantCulture) + "%" : "-")} (n={EventCount}, bad {BadEventCount}), {Status}");
}
