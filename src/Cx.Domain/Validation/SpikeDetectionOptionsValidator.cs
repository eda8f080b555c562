using System.Globalization;
using Cx.Domain.Internal;
using Cx.Domain.Listening;
using FluentValidation;

namespace Cx.Domain.Validation;

/// <summary>Validates <see cref="SpikeDetectionOptions"/>.</summary>
/// <remarks>Every failure has code CX0715 (<see cref="CxErrorCodes.SpikeDetectionOptionsInvalid"/>).</remarks>
public sealed class SpikeDetectionOptionsValidator : AbstractValidator<SpikeDetectionOptions>
{
    /// <summary>Initializes the validator.</summary>
    public SpikeDetectionOptionsValidator()
    {
        RuleFor(o => o.BaselinePeriods).InclusiveBetween(3, 1000).WithErrorCode(CxErrorCodes.SpikeDetectionOptionsInvalid)
            .WithMessage(o => Invariant($"Expected a Farrington baseline of 3 to 1000 periods, got {o.BaselinePeriods}."));
        RuleFor(o => o.Alpha).Must(Probability).WithErrorCode(CxErrorCodes.SpikeDetectionOptionsInvalid)
            .WithMessage(o => Invariant($"Expected a false-alarm probability above 0 and below 0.5, got {o.Alpha}. 0.01 flags about one period in a hundred of an in-control series."));
        RuleFor(o => o.Threshold).Must(t => t is FarringtonThreshold.NegativeBinomialQuantile or FarringtonThreshold.TwoThirdsPower).WithErrorCode(CxErrorCodes.SpikeDetectionOptionsInvalid)
            .WithMessage(o => $"Expected NegativeBinomialQuantile or TwoThirdsPower, got {EnumText.Of(o.Threshold)}.");
        RuleFor(o => o.TrendSignificance).Must(p => double.IsFinite(p) && p > 0 && p < 1).WithErrorCode(CxErrorCodes.SpikeDetectionOptionsInvalid)
            .WithMessage(o => Invariant($"Expected a trend significance level above 0 and below 1, got {o.TrendSignificance}."));
        RuleFor(o => o.ReweightingThreshold).Must(t => double.IsFinite(t) && t > 0).WithErrorCode(CxErrorCodes.SpikeDetectionOptionsInvalid)
            .WithMessage(o => Invariant($"Expected a positive reweighting threshold (2.58 in Noufaily et al. 2013), got {o.ReweightingThreshold}."));
        RuleFor(o => o.MinimumCount).InclusiveBetween(0, 1_000_000_000).WithErrorCode(CxErrorCodes.SpikeDetectionOptionsInvalid)
            .WithMessage(o => Invariant($"Expected a minimum count of 0 or more, got {o.MinimumCount}."));
        RuleFor(o => o.MinimumCountPeriods).InclusiveBetween(1, 1000).WithErrorCode(CxErrorCodes.SpikeDetectionOptionsInvalid)
            .WithMessage(o => Invariant($"Expected the minimum count over 1 to 1000 periods, got {o.MinimumCountPeriods}."));
        RuleFor(o => o.EarsBaselinePeriods).InclusiveBetween(3, 1000).WithErrorCode(CxErrorCodes.SpikeDetectionOptionsInvalid)
            .WithMessage(o => Invariant($"Expected an EARS baseline of 3 to 1000 periods, got {o.EarsBaselinePeriods}."));
        RuleFor(o => o.EarsLag).InclusiveBetween(0, 100).WithErrorCode(CxErrorCodes.SpikeDetectionOptionsInvalid)
            .WithMessage(o => Invariant($"Expected an EARS lag of 0 to 100 periods (2 for C2), got {o.EarsLag}."));
        RuleFor(o => o.EarsAlpha).Must(Probability).WithErrorCode(CxErrorCodes.SpikeDetectionOptionsInvalid)
            .WithMessage(o => Invariant($"Expected an EARS alpha above 0 and below 0.5, got {o.EarsAlpha}."));
        RuleFor(o => o.EarsMinimumSigma).Must(s => double.IsFinite(s) && s >= 0).WithErrorCode(CxErrorCodes.SpikeDetectionOptionsInvalid)
            .WithMessage(o => Invariant($"Expected a finite minimum standard deviation of 0 or more, got {o.EarsMinimumSigma}."));
    }

    private static bool Probability(double p) => double.IsFinite(p) && p > 0 && p < 0.5;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
