using Cx.Domain.Journey;
using Cx.Domain.Primitives;
using Cx.Domain.Tests.TestData;
using Cx.Domain.Tests.Validation;
using Cx.Domain.Validation;
using NodaTime;

namespace Cx.Domain.Tests.Journey;

public sealed class ExperienceEventValidatorTests
{
    private static readonly Instant At = Instant.FromUtc(2024, 3, 1, 10, 0);

    [Fact]
    public void Validate_KnownTouchpoint_HasNoFailures()
    {
        ValidationAssert.Valid(new ExperienceEventValidator(Journeys.Small()).Validate(new ExperienceEvent(CustomerId.From("c1"), "web", At, ExperienceOutcome.Reliable, "web")));
    }

    [Fact]
    public void Validate_EmptyCustomer_FailsWithCustomerIdEmpty()
    {
        ValidationAssert.SingleFailure(new ExperienceEventValidator().Validate(new ExperienceEvent(default, "web", At, ExperienceOutcome.Reliable)), CxErrorCodes.CustomerIdEmpty, "Customer");
    }

    [Fact]
    public void Validate_UnknownTouchpoint_FailsWithEventUnknownTouchpoint()
    {
        ValidationAssert.SingleFailure(
            new ExperienceEventValidator(Journeys.Small()).Validate(new ExperienceEvent(CustomerId.From("c1"), "tets-drive", At, ExperienceOutcome.Reliable)),
            CxErrorCodes.EventUnknownTouchpoint, "TouchpointId", "'tets-drive'", "Test journey");
    }

    [Fact]
    public void Validate_UndefinedOutcomeAndBlankChannel_FailsTwiceWithEventInvalid()
    {
        FluentValidation.Results.ValidationResult result = new ExperienceEventValidator().Validate(new ExperienceEvent(CustomerId.From("c1"), "web", At, (ExperienceOutcome)7, " "));

        Assert.Equal([CxErrorCodes.EventInvalid, CxErrorCodes.EventInvalid], ValidationAssert.Codes(result));
    }
}
