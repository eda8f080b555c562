using System.Globalization;
using Cx.Domain.Value;
using FluentValidation;

namespace Cx.Domain.Validation;

/// <summary>Validates one <see cref="CustomerSummary"/>: a customer, x ≥ 0, 0 ≤ t_x ≤ T ≤ <see cref="PurchaseModel.MaxTime"/>, t_x = 0 when x = 0, spend ≥ 0,
/// holdout frequency ≥ 0, an optional segment.</summary>
/// <remarks>Error codes: CX0101 customer, CX0901 frequency, CX0902 time, CX0903 t_x &gt; T, CX0904 x = 0 with t_x &gt; 0,
/// CX0905 spend, CX0106 segment.</remarks>
public sealed class CustomerSummaryValidator : AbstractValidator<CustomerSummary>
{
    /// <summary>Initializes the validator.</summary>
    public CustomerSummaryValidator()
    {
        RuleFor(s => s.Customer).Must(RecordRules.CustomerOk).WithErrorCode(CxErrorCodes.CustomerIdEmpty).WithMessage(RecordRules.CustomerMessage);
        RuleFor(s => s.Frequency).GreaterThanOrEqualTo(0).WithErrorCode(CxErrorCodes.SummaryFrequencyInvalid)
            .WithMessage(s => string.Create(CultureInfo.InvariantCulture, $"Expected a repeat-purchase count x of 0 or more, got {s.Frequency}. x counts purchases after the first."));
        RuleFor(s => s.HoldoutFrequency).GreaterThanOrEqualTo(0).WithErrorCode(CxErrorCodes.SummaryFrequencyInvalid)
            .WithMessage(s => string.Create(CultureInfo.InvariantCulture, $"Expected a holdout purchase count of 0 or more, got {s.HoldoutFrequency}."));
        RuleFor(s => s.Recency).Must(TimeOk).WithErrorCode(CxErrorCodes.SummaryTimeInvalid)
            .WithMessage(s => string.Create(CultureInfo.InvariantCulture, $"Expected a recency t_x from 0 to 1e12 (PurchaseModel.MaxTime, in the summaries' time unit), got {Text(s.Recency)}."));
        RuleFor(s => s.Age).Must(TimeOk).WithErrorCode(CxErrorCodes.SummaryTimeInvalid)
            .WithMessage(s => string.Create(CultureInfo.InvariantCulture, $"Expected an age T from 0 to 1e12 (PurchaseModel.MaxTime, in the summaries' time unit), got {Text(s.Age)}."));
        RuleFor(s => s.Recency).Must((s, t) => !(t > s.Age)).WithErrorCode(CxErrorCodes.SummaryRecencyAfterAge)
            .When(s => double.IsFinite(s.Recency) && double.IsFinite(s.Age))
            .WithMessage(s => string.Create(CultureInfo.InvariantCulture, $"Expected a recency t_x of at most the age T = {Text(s.Age)}, got {Text(s.Recency)}: the last purchase cannot come after the end of calibration. Check that both are measured from the first purchase."));
        RuleFor(s => s.Recency).Must((s, t) => s.Frequency != 0 || t == 0).WithErrorCode(CxErrorCodes.SummaryRecencyWithoutRepeat)
            .WithMessage(s => string.Create(CultureInfo.InvariantCulture, $"Expected a recency t_x of 0 for a customer with no repeat purchase (x = 0), got {Text(s.Recency)}. Recency is the time of the last repeat purchase after the first."));
        RuleFor(s => s.MeanRepeatSpend).Must(m => m >= 0 && double.IsFinite(m)).WithErrorCode(CxErrorCodes.SummarySpendInvalid)
            .WithMessage(s => string.Create(CultureInfo.InvariantCulture, $"Expected a finite mean repeat spend of 0 or more, got {Text(s.MeanRepeatSpend)}."));
        RuleFor(s => s.Segment).Must(RecordRules.SegmentOk).WithErrorCode(CxErrorCodes.SegmentInvalid).WithMessage(RecordRules.SegmentMessage);
    }

    internal static bool IsValid(in CustomerSummary s) =>
        RecordRules.CustomerOk(s.Customer) && s.Frequency >= 0 && s.HoldoutFrequency >= 0 && TimeOk(s.Recency)
        && TimeOk(s.Age) && s.Recency <= s.Age && (s.Frequency != 0 || s.Recency == 0)
        && s.MeanRepeatSpend >= 0 && double.IsFinite(s.MeanRepeatSpend) && RecordRules.SegmentOk(s.Segment);

    /// <summary>0 ≤ t ≤ <see cref="PurchaseModel.MaxTime"/> (false for NaN).</summary>
    private static bool TimeOk(double t) => t >= 0 && t <= PurchaseModel.MaxTime;

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
