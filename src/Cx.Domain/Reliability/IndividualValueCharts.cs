using System.Globalization;
using Cx.Domain.Internal;
using Cx.Domain.Validation;
using NodaTime;

namespace Cx.Domain.Reliability;

/// <summary>The individual-value charts of an <see cref="EarlyWarningPolicy"/>: the EWMA and two-sided CUSUM of
/// <see cref="EwmaChart"/> and <see cref="CusumChart"/> (and optional run rules) on every raw value, as before the
/// episode-based early warnings; a standard stays on watch for <see cref="Memory"/> after an adverse signal.</summary>
/// <remarks>Kept for comparison (<see cref="EarlyWarningPolicy.Legacy"/>) and for processes with few, roughly normal values.
/// On customer processes with occasional large failures a single outlier pushes the CUSUM far over its limit; prefer
/// <see cref="ValueDriftDetector"/>. Immutable: the chart settings are copied.</remarks>
public sealed class IndividualValueCharts
{
    private IndividualValueCharts(EwmaOptions ewma, CusumOptions cusum, RunRuleSet runRules, Duration? memory)
    {
        Lambda = ewma.Lambda;
        LimitWidth = ewma.LimitWidth;
        UseAsymptoticLimits = ewma.UseAsymptoticLimits;
        CusumReferenceValue = cusum.ReferenceValue;
        CusumDecisionInterval = cusum.DecisionInterval;
        RunRules = runRules;
        Memory = memory;
    }

    /// <summary>Gets the EWMA's smoothing weight.</summary>
    public double Lambda { get; }

    /// <summary>Gets the EWMA's limit width L.</summary>
    public double LimitWidth { get; }

    /// <summary>Gets a value indicating whether the EWMA uses asymptotic limits.</summary>
    public bool UseAsymptoticLimits { get; }

    /// <summary>Gets the CUSUM's reference value k, in sigmas.</summary>
    public double CusumReferenceValue { get; }

    /// <summary>Gets the CUSUM's decision interval h, in sigmas.</summary>
    public double CusumDecisionInterval { get; }

    /// <summary>Gets the run rules applied beside the charts.</summary>
    public RunRuleSet RunRules { get; }

    /// <summary>Gets how long after an adverse signal the detector keeps firing, or null for the longest long window of the
    /// standard's burn-rate rules (3 days for a 30-day window).</summary>
    public Duration? Memory { get; }

    /// <summary>Creates the charts' settings.</summary>
    /// <param name="ewma">The EWMA settings; the defaults (lambda 0.2, L 3) when null.</param>
    /// <param name="cusum">The CUSUM settings; the defaults (k 0.5, h 5) when null.</param>
    /// <param name="runRules">The run rules; none by default.</param>
    /// <param name="memory">The memory, positive, or null for the default.</param>
    /// <returns>The settings.</returns>
    /// <exception cref="CxValidationException">A setting is invalid (CX0514 for the charts, CX0518 otherwise).</exception>
    public static IndividualValueCharts Create(EwmaOptions? ewma = null, CusumOptions? cusum = null, RunRuleSet runRules = RunRuleSet.None, Duration? memory = null)
    {
        ewma ??= new EwmaOptions();
        cusum ??= new CusumOptions();
        var failures = new FailureCollector();
        const string subject = "individual-value charts";
        foreach (FluentValidation.Results.ValidationFailure f in new EwmaOptionsValidator().Validate(ewma).Errors.Concat(new CusumOptionsValidator().Validate(cusum).Errors))
        {
            failures.Add(null, subject, f.PropertyName, f.ErrorCode, f.ErrorMessage);
        }

        if (!Enum.IsDefined(runRules))
        {
            failures.Add(null, subject, "RunRules", CxErrorCodes.EarlyWarningDetectorInvalid, $"Expected None, WesternElectric or Nelson, got {runRules}.");
        }

        if (memory is { } m && m <= Duration.Zero)
        {
            failures.Add(null, subject, "Memory", CxErrorCodes.EarlyWarningDetectorInvalid, $"Expected a positive memory or none for the default, got {DurationText.Format(m)}.");
        }

        failures.ThrowIfAny(subject);
        return new IndividualValueCharts(ewma, cusum, runRules, memory);
    }

    internal EwmaOptions Ewma => new() { Lambda = Lambda, LimitWidth = LimitWidth, UseAsymptoticLimits = UseAsymptoticLimits };

    internal CusumOptions Cusum => new() { ReferenceValue = CusumReferenceValue, DecisionInterval = CusumDecisionInterval };

    /// <summary>Returns a short description such as <c>individual values: EWMA 0.2/3, CUSUM 0.5/5, memory 3d</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"individual values: EWMA {Lambda:G4}/{LimitWidth:G4}, CUSUM {CusumReferenceValue:G4}/{CusumDecisionInterval:G4}{(RunRules == RunRuleSet.None ? string.Empty : ", " + RunRules)}, memory {(Memory is { } m ? DurationText.Format(m) : "longest long window")}");
}
