using Cx.Domain.Assets;
using Cx.Domain.Validation;

namespace Cx.Domain.Tests.Validation;

public sealed class AssetMovementOptionsValidatorTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(12)]
    [InlineData(AssetMovementOptions.MaxActivityWindow)]
    public void Validate_WindowFromOneToTheLimit_HasNoFailures(int window)
    {
        ValidationAssert.Valid(new AssetMovementOptionsValidator().Validate(new AssetMovementOptions { ActivityWindow = window }));
    }

    [Fact]
    public void Validate_DefaultOptions_HaveNoFailures()
    {
        ValidationAssert.Valid(new AssetMovementOptionsValidator().Validate(new AssetMovementOptions()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(AssetMovementOptions.MaxActivityWindow + 1)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    public void Validate_WindowOutsideOneToTheLimit_FailsWithActivityWindowInvalid(int window)
    {
        ValidationAssert.SingleFailure(
            new AssetMovementOptionsValidator().Validate(new AssetMovementOptions { ActivityWindow = window }),
            CxErrorCodes.ActivityWindowInvalid,
            "ActivityWindow",
            "1 to 1000",
            $"got {window}");
    }

    [Fact]
    public void CalculatorConstructor_InvalidWindow_ThrowsCxValidationExceptionWithTheCode()
    {
        CxValidationException error = Assert.Throws<CxValidationException>(() => new AssetMovementCalculator(new AssetMovementOptions { ActivityWindow = 0 }));

        Assert.Equal(CxErrorCodes.ActivityWindowInvalid, Assert.Single(error.Failures).ErrorCode);
        Assert.Contains("asset movement options", error.Message, StringComparison.Ordinal);
    }
}
