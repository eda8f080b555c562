namespace Cx.Domain.Reliability;

/// <summary>How an evaluation window cuts time.</summary>
public enum EvaluationWindowKind
{
    /// <summary>Not set.</summary>
    Unknown = 0,

    /// <summary>The calendar periods of a <see cref="Primitives.PeriodGrid"/>, in a time zone.</summary>
    Calendar = 1,

    /// <summary>A rolling <see cref="NodaTime.Duration"/> ending at the evaluation instant.</summary>
    Rolling = 2,
}
