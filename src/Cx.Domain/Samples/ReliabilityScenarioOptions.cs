using NodaTime;

namespace Cx.Domain.Samples;

/// <summary>Settings of one generated reliability scenario: a process, its standard, its volume and what happens to it.</summary>
/// <remarks>Validated by <see cref="ReliabilityScenarios.Generate"/> (CX0521). The process measures a duration in hours
/// against an "at most" threshold: usual values never fail it (they are bounded), failures are values beyond it, so the bad
/// share is exactly the failure rate until a drift pushes the usual values up.</remarks>
public sealed class ReliabilityScenarioOptions
{
    /// <summary>Gets or sets the seed; the same options give the same scenario on every machine.</summary>
    public ulong Seed { get; set; } = 2026;

    /// <summary>Gets or sets what happens to the process; default <see cref="ScenarioKind.InControl"/>.</summary>
    public ScenarioKind Kind { get; set; } = ScenarioKind.InControl;

    /// <summary>Gets or sets the mean events a weekday, 1 to 10,000; days vary uniformly from half to one and a half times it.</summary>
    public int EventsPerDay { get; set; } = 20;

    /// <summary>Gets or sets the weekend volume as a share of the weekday volume, 0 to 1; default 1 (no weekly pattern).</summary>
    public double WeekendFactor { get; set; } = 1;

    /// <summary>Gets or sets the first day.</summary>
    public LocalDate StartDate { get; set; } = new(2026, 1, 1);

    /// <summary>Gets or sets the number of days, 60 to 3,660; default 180.</summary>
    public int Days { get; set; } = 180;

    /// <summary>Gets or sets the days of the reference interval at the start (the drift baseline), 7 or more; default 30.</summary>
    public int ReferenceDays { get; set; } = 30;

    /// <summary>Gets or sets the standard's objective, in (0.5, 1); default 0.95.</summary>
    public double Objective { get; set; } = 0.95;

    /// <summary>Gets or sets the standard's evidence gate, or null for <c>3 / (1 - objective)</c> (60 for 95%).</summary>
    public int? MinimumEvents { get; set; }

    /// <summary>Gets or sets a value indicating whether the standard's window is a rolling 30 days instead of calendar months (UTC).</summary>
    public bool RollingWindow { get; set; }

    /// <summary>Gets or sets the in-control bad share as a share of the budget <c>1 - objective</c>, in (0, 1); default 0.3.</summary>
    public double InControlBudgetShare { get; set; } = 0.3;

    /// <summary>Gets or sets the day the change starts, counted from 0, after the reference days; null for a day drawn from
    /// the seed between the end of the reference days plus 30 and 45 days before the end.</summary>
    public int? ChangeDay { get; set; }

    /// <summary>Gets or sets the bad share of a sudden break as a multiple of the budget, above 1; default 4.</summary>
    public double BreakBudgetMultiple { get; set; } = 4;

    /// <summary>Gets or sets how many days a sudden break lasts, or null for to the end.</summary>
    public int? BreakDays { get; set; }

    /// <summary>Gets or sets the days a slow drift takes to move the usual values' mean up to the threshold, 7 or more; default 60.</summary>
    public int DriftDays { get; set; } = 60;
}
