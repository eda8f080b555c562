using System.Globalization;
using Cx.Domain.Primitives;
using Cx.Domain.Validation;
using Cx.Domain.Value;

namespace Cx.Domain.Tests.Robustness;

/// <summary>Issue #13: exception messages format numbers in the invariant culture, also in the Value module (found by
/// driving it through the fuzz harness under <see cref="HostileCulture"/>: "got ⁻885565" where "-885565" was meant).</summary>
public sealed class ValueMessageCultureTests
{
    private static string MessageUnderHostileCulture(Action action)
    {
        CultureInfo saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = HostileCulture.Instance;
        try
        {
            return Assert.ThrowsAny<Exception>(action).Message;
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void ContractCohort_NegativeCounts_AreWrittenInvariantly()
    {
        string message = MessageUnderHostileCulture(() => ContractCohort.Create("c", [-885565, 0]));

        Assert.Contains("got -885565.", message, StringComparison.Ordinal);
        Assert.Null(HostileCulture.Leak(message));
    }

    [Fact]
    public void CustomerSummaries_NegativeFrequencies_AreWrittenInvariantly()
    {
        string message = MessageUnderHostileCulture(() => CustomerSummarySet.FromSummaries([new CustomerSummary(CustomerId.From("A"), -100001, 0, 10, 0, -3)], ValueTimeUnit.Weeks));

        Assert.Contains("got -100001.", message, StringComparison.Ordinal);
        Assert.Contains("got -3.", message, StringComparison.Ordinal);
        Assert.Null(HostileCulture.Leak(message));
    }

    [Fact]
    public void CustomerValueOptions_OutOfRange_AreWrittenInvariantly()
    {
        CustomerSummarySet set = CustomerSummarySet.FromSummaries([new CustomerSummary(CustomerId.From("A"), 2, 5, 10, 20)], ValueTimeUnit.Weeks);

        string message = MessageUnderHostileCulture(() => new CustomerValueCalculator().Calculate(new BgNbdParameters(0.243, 4.414, 0.793, 2.426), null, set, new CustomerValueOptions { PeriodsPerYear = -1000000 }));

        Assert.IsType<CxValidationException>(Assert.ThrowsAny<Exception>(() => new CustomerValueCalculator().Calculate(new BgNbdParameters(0.243, 4.414, 0.793, 2.426), null, set, new CustomerValueOptions { PeriodsPerYear = -1000000 })));
        Assert.Contains("got -1000000.", message, StringComparison.Ordinal);
        Assert.Null(HostileCulture.Leak(message));
    }

    [Fact]
    public void LostValueForward_ANullMovementOrABadUnit_IsADocumentedArgumentException()
    {
        CustomerSummarySet set = CustomerSummarySet.FromSummaries([new CustomerSummary(CustomerId.From("A"), 2, 5, 10, 20)], ValueTimeUnit.Weeks);
        CustomerValueReport values = new CustomerValueCalculator().Calculate(new BgNbdParameters(0.243, 4.414, 0.793, 2.426), null, set);

        var nullMovement = Assert.Throws<ArgumentException>(() => new CustomerValueCalculator().LostValueForward([null!], values, 100));
        string unit = MessageUnderHostileCulture(() => new CustomerValueCalculator().LostValueForward([], values, -740762));

        Assert.Equal("movements", nullMovement.ParamName);
        Assert.Contains("got null at position 0", nullMovement.Message, StringComparison.Ordinal);
        Assert.Contains("got -740762.", unit, StringComparison.Ordinal);
        Assert.Null(HostileCulture.Leak(unit));
    }
}
