using System.Globalization;
using Cx.Domain.EarlyWarning;
using FluentValidation;

namespace Cx.Domain.Validation;

/// <summary>Validates <see cref="EarlyWarningOptions"/>, reporting every failure with its code.</summary>
/// <remarks>Codes: CX0801 horizon outside 1 to 120; CX0802 confidence level not strictly between 0.5 and 1; CX0803 evidence
/// gate or priority count below 1; CX0804 tenure band starts not strictly increasing from 1, or more than 20; CX0805 a score
/// weight negative or not finite, or all zero; CX0806 no time zone.</remarks>
public sealed class EarlyWarningOptionsValidator : AbstractValidator<EarlyWarningOptions>
{
    /// <summary>The most tenure band starts accepted.</summary>
    public const int MaxTenureBandStarts = 20;

    /// <summary>Initializes the validator.</summary>
    public EarlyWarningOptionsValidator()
    {
        RuleFor(o => o.Horizon).InclusiveBetween(1, EarlyWarningOptions.MaxHorizon).WithErrorCode(CxErrorCodes.EarlyWarningHorizonInvalid)
            .WithMessage(o => string.Create(CultureInfo.InvariantCulture, $"Expected a horizon of 1 to {EarlyWarningOptions.MaxHorizon} periods, got {o.Horizon}. The default is 3."));
        RuleFor(o => o.ConfidenceLevel).Must(c => double.IsFinite(c) && c > 0.5 && c < 1).WithErrorCode(CxErrorCodes.EarlyWarningConfidenceLevelInvalid)
            .WithMessage(o => string.Create(CultureInfo.InvariantCulture, $"Expected a confidence level strictly between 0.5 and 1, such as 0.95, got {o.ConfidenceLevel}."));
        RuleFor(o => o.MinimumExposedCount).GreaterThanOrEqualTo(1).WithErrorCode(CxErrorCodes.EarlyWarningCountInvalid)
            .WithMessage(o => string.Create(CultureInfo.InvariantCulture, $"Expected an evidence gate of at least 1 exposed customer-period, got {o.MinimumExposedCount}. The default is {EarlyWarningOptions.DefaultMinimumExposedCount}."));
        RuleFor(o => o.PriorityCount).GreaterThanOrEqualTo(1).WithErrorCode(CxErrorCodes.EarlyWarningCountInvalid)
            .WithMessage(o => string.Create(CultureInfo.InvariantCulture, $"Expected at least 1 priority, got {o.PriorityCount}. The default is 5."));
        RuleFor(o => o.TenureBandStarts).Must(BandsOk).WithErrorCode(CxErrorCodes.EarlyWarningTenureBandsInvalid)
            .WithMessage(o => string.Create(CultureInfo.InvariantCulture, $"Expected tenure band starts strictly increasing from at least 1, at most {MaxTenureBandStarts} of them, got {(o.TenureBandStarts is null ? "null" : "[" + string.Join(", ", o.TenureBandStarts.Select(b => b.ToString(CultureInfo.InvariantCulture))) + "]")}. The default is [3, 12, 24]."));
        RuleFor(o => o).Must(WeightsOk).WithName(nameof(EarlyWarningOptions.RevenueAtRiskWeight)).WithErrorCode(CxErrorCodes.EarlyWarningWeightsInvalid)
            .WithMessage(o => string.Create(CultureInfo.InvariantCulture,
                $"Expected finite score weights of zero or more, the first three not all zero, got revenue at risk {o.RevenueAtRiskWeight}, signal {o.SignalWeight}, stage losses {o.StageLossWeight}, complaints {o.ComplaintWeight}. The defaults are 0.5, 0.25, 0.25 and 0.25."));
        RuleFor(o => o.TimeZone).Must(z => z is not null).WithErrorCode(CxErrorCodes.EarlyWarningTimeZoneMissing)
            .WithMessage("Expected a time zone to turn instants into business dates, got null. Use DateTimeZone.Utc or a zone from DateTimeZoneProviders.Tzdb.");
    }

    private static bool BandsOk(IReadOnlyList<int>? starts)
    {
        if (starts is null || starts.Count > MaxTenureBandStarts)
        {
            return false;
        }

        for (int i = 0; i < starts.Count; i++)
        {
            if (starts[i] < 1 || (i > 0 && starts[i] <= starts[i - 1]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool WeightsOk(EarlyWarningOptions o)
    {
        double[] weights = [o.RevenueAtRiskWeight, o.SignalWeight, o.StageLossWeight];
        return weights.All(w => double.IsFinite(w) && w >= 0) && weights.Any(w => w > 0) && double.IsFinite(o.ComplaintWeight) && o.ComplaintWeight >= 0;
    }
}
