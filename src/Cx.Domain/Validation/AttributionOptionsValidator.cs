using Cx.Domain.Assets;
using Cx.Domain.Attribution;
using FluentValidation;
using NodaTime;
using NodaPeriod = NodaTime.Period;

namespace Cx.Domain.Validation;

/// <summary>Validates <see cref="AttributionOptions"/>, reporting every failure with its code.</summary>
/// <remarks>Codes: CX0302 an undefined model, touch filter, Shapley players or value function or Markov allocation, or no
/// time zone; CX0601 lookback not positive; CX0602 half-life not positive; CX0603 position-based shares; CX0606 movement classes.</remarks>
public sealed class AttributionOptionsValidator : AbstractValidator<AttributionOptions>
{
    /// <summary>Initializes the validator.</summary>
    public AttributionOptionsValidator()
    {
        RuleFor(o => o.Model).Must(m => m is >= AttributionModel.FirstTouch and <= AttributionModel.Shapley).WithErrorCode(CxErrorCodes.PolicyInvalid)
            .WithMessage(o => $"Expected Model to be FirstTouch, LastTouch, Linear, TimeDecay, PositionBased, MarkovChain or Shapley, got {o.Model}.");
        RuleFor(o => o.GainTouches).Must(Defined).WithErrorCode(CxErrorCodes.PolicyInvalid)
            .WithMessage(o => $"Expected GainTouches to be All, UnreliableOnly or ReliableOnly, got {o.GainTouches}.");
        RuleFor(o => o.LossTouches).Must(Defined).WithErrorCode(CxErrorCodes.PolicyInvalid)
            .WithMessage(o => $"Expected LossTouches to be All, UnreliableOnly or ReliableOnly, got {o.LossTouches}.");
        RuleFor(o => o.ShapleyPlayers).Must(p => p is ShapleyPlayers.Stages or ShapleyPlayers.Touchpoints).WithErrorCode(CxErrorCodes.PolicyInvalid)
            .WithMessage(o => $"Expected ShapleyPlayers to be Stages or Touchpoints, got {o.ShapleyPlayers}.");
        RuleFor(o => o.MarkovAllocation).Must(a => a is MarkovAllocation.PerPath or MarkovAllocation.Pooled).WithErrorCode(CxErrorCodes.PolicyInvalid)
            .WithMessage(o => $"Expected MarkovAllocation to be PerPath or Pooled, got {o.MarkovAllocation}.");
        RuleFor(o => o.ShapleyValueFunction).Must(f => f is ShapleyValueFunction.ConversionRate or ShapleyValueFunction.ConversionCount).WithErrorCode(CxErrorCodes.PolicyInvalid)
            .WithMessage(o => $"Expected ShapleyValueFunction to be ConversionRate or ConversionCount, got {o.ShapleyValueFunction}.");
        RuleFor(o => o.TimeZone).Must(z => z is not null).WithErrorCode(CxErrorCodes.PolicyInvalid)
            .WithMessage("Expected a time zone to turn period ends into instants, got null. Use DateTimeZone.Utc or a zone from DateTimeZoneProviders.Tzdb.");
        RuleFor(o => o.Lookback).Must(Positive).WithErrorCode(CxErrorCodes.AttributionLookbackInvalid)
            .WithMessage(o => $"Expected a positive lookback window such as P90D, got {(o.Lookback is null ? "null" : o.Lookback.ToString())}. Every unit must be zero or more and at least one above zero.");
        RuleFor(o => o.HalfLife).Must(h => h > Duration.Zero).WithErrorCode(CxErrorCodes.AttributionHalfLifeInvalid)
            .WithMessage(o => $"Expected a positive half-life for time decay, got {o.HalfLife}. Use for example Duration.FromDays(7).");
        RuleFor(o => o).Must(SharesOk).WithName(nameof(AttributionOptions.FirstTouchShare)).WithErrorCode(CxErrorCodes.AttributionPositionSharesInvalid)
            .WithMessage(o => string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"Expected position-based shares in [0, 1] summing to more than 0 and at most 1, got first {o.FirstTouchShare} and last {o.LastTouchShare}. The default is 0.4 and 0.4."));
        RuleFor(o => o.Movements).Must(ClassesOk).WithErrorCode(CxErrorCodes.AttributionMovementClassesInvalid)
            .WithMessage(o => $"Expected one or more of New, Reactivated, Expansion, Contraction, Churned, got {(o.Movements is null ? "null" : "[" + string.Join(", ", o.Movements) + "]")}.");
    }

    private static bool Defined(TouchFilter filter) => filter is TouchFilter.All or TouchFilter.UnreliableOnly or TouchFilter.ReliableOnly;

    private static bool Positive(NodaPeriod? p) =>
        p is not null && !p.Equals(NodaPeriod.Zero)
        && p.Years >= 0 && p.Months >= 0 && p.Weeks >= 0 && p.Days >= 0 && p.Hours >= 0 && p.Minutes >= 0
        && p.Seconds >= 0 && p.Milliseconds >= 0 && p.Ticks >= 0 && p.Nanoseconds >= 0;

    private static bool SharesOk(AttributionOptions o) =>
        double.IsFinite(o.FirstTouchShare) && double.IsFinite(o.LastTouchShare)
        && o.FirstTouchShare >= 0 && o.LastTouchShare >= 0
        && o.FirstTouchShare + o.LastTouchShare > 0 && o.FirstTouchShare + o.LastTouchShare <= 1;

    private static bool ClassesOk(IReadOnlyCollection<MovementClass>? classes) =>
        classes is { Count: > 0 } && classes.All(c => c is MovementClass.New or MovementClass.Reactivated or MovementClass.Expansion or MovementClass.Contraction or MovementClass.Churned);
}
