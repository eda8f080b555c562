using Cx.Domain.Internal;
using Cx.Domain.Reliability;
using Cx.Domain.Validation;
using NodaTime;
using static Cx.Domain.Tests.TestData.ReliabilityData;

namespace Cx.Domain.Tests.Reliability;

/// <summary>The evidence gates of the burn-rate rules on worked examples, and the law the significance gate guarantees.</summary>
public sealed class BurnRateGateTests
{
    // The workbook's ticket rule for 30 days: 1 over 3d and 6h, 10% of the budget.
    private static readonly BurnRateWindowPair Ticket = BurnRatePolicy.Derive(Duration.FromDays(30)).Pairs[2];
    private static readonly ReliabilityStandard Standard = TestDrive(EvaluationWindow.Rolling(Duration.FromDays(30)));

    [Fact]
    public void MinimumBadEvents_TwoBadOfTen_DoNotFireWhenThreeAreNeeded()
    {
        // Burn (2/10)/0.05 = 4 over both windows: the factor alone fires, the gate of 3 bad events does not.
        Assert.True(BurnRateGate.Fires(Ticket, 10, 2, 10, 2, 200, Standard, BurnRateRules.Create()));
        Assert.False(BurnRateGate.Fires(Ticket, 10, 2, 10, 2, 200, Standard, BurnRateRules.Create(minimumBadEventsInLongWindow: 3)));
        Assert.True(BurnRateGate.Fires(Ticket, 10, 3, 10, 3, 200, Standard, BurnRateRules.Create(minimumBadEventsInLongWindow: 3)));
    }

    [Fact]
    public void TrafficAware_BadEventsMustExceedTheBudgetShareOfTheWholeWindow()
    {
        // 600 events in the last 30 days allow 0.05 x 600 = 30 bad; the ticket rule stands for 10% of them: 3. A quiet
        // three days with 40 events and 3 bad burns (3/40)/0.05 = 1.5 > 1, but 3 bad is not above 3; a fourth is.
        BurnRateRules rules = BurnRateRules.Create(trafficAware: true);
        Assert.False(BurnRateGate.Fires(Ticket, 40, 3, 8, 1, 600, Standard, rules));
        Assert.True(BurnRateGate.Fires(Ticket, 40, 4, 8, 1, 600, Standard, rules));
        Assert.Equal(0.10, BurnRateGate.BudgetShare(Ticket, Duration.FromDays(30)), 12);
        Assert.Contains("4 bad over 3d against 3, 10% of the budget of the last 30d (600 events)", BurnRateGate.Describe(Ticket, 40, 4, 8, 1, 600, Standard, rules), StringComparison.Ordinal);
    }

    /// <summary>p-values from SciPy: <c>/usr/bin/python3 -c "from scipy.stats import binom; print(binom.sf(3, 40, 0.05),
    /// binom.sf(4, 40, 0.05), binom.sf(5, 40, 0.05))"</c>: 0.13815, 0.04803, 0.01388.</summary>
    [Fact]
    public void Significance_FourOfFortyIsNotSignificantFiveIs()
    {
        // The ticket's threshold share is 1 x 0.05: is 4 of 40 (10%) significantly above 5%? P(X >= 4) = 0.138: no.
        BurnRateRules rules = BurnRateRules.Create(significanceConfidence: 0.95);
        Assert.False(BurnRateGate.Evaluate(Ticket, 40, 4, 8, 1, 600, Standard, rules, out double? p4));
        Assert.Equal(0.1381497755010656, p4!.Value, 12);
        Assert.True(BurnRateGate.Evaluate(Ticket, 40, 5, 8, 1, 600, Standard, rules, out double? p5));
        Assert.Equal(0.0480282602542153, p5!.Value, 12);
        Assert.True(BurnRateGate.Evaluate(Ticket, 40, 6, 8, 1, 600, Standard, rules, out double? p6));
        Assert.Equal(0.013876949213303603, p6!.Value, 12);
    }

    /// <summary>The worked example of docs/concepts/reliability.md, the false ticket of issue #8: 1 late test drive of 17 in
    /// three days (burn 1.18) and 1 of 3 in six hours (6.67), about 170 in the last 30 days. The workbook's rule fires; the
    /// default policy's gates do not, until 4 of 17 are late. p-values from SciPy: <c>/usr/bin/python3 -c "from scipy.stats
    /// import binom; print([binom.sf(k - 1, 17, 0.05) for k in (1, 3, 4)])"</c>: 0.58188, 0.050253, 0.0088006.</summary>
    [Fact]
    public void DefaultGates_OneLateOfSeventeen_DoNotFireFourDo()
    {
        BurnRateRules gates = EarlyWarningPolicy.Default.BurnRate!;
        Assert.True(BurnRateGate.Fires(Ticket, 17, 1, 3, 1, 170, Standard, BurnRateRules.Create()));
        Assert.False(BurnRateGate.Evaluate(Ticket, 17, 1, 3, 1, 170, Standard, gates, out _));
        Assert.False(BurnRateGate.Evaluate(Ticket, 17, 3, 3, 1, 170, Standard, gates, out double? p3));
        Assert.Equal(0.05025297817250557, p3!.Value, 12);
        Assert.True(BurnRateGate.Evaluate(Ticket, 17, 4, 3, 1, 170, Standard, gates, out double? p4));
        Assert.Equal(0.008800604947685557, p4!.Value, 12);
    }

    /// <summary>The law of the significance gate: a process exactly at a rule's threshold share fires the rule (over a long
    /// window of n events, with the short window as bad as the long one) with probability at most 1 - confidence, whatever
    /// n; computed exactly by summing the binomial distribution over the bad counts that pass every gate.</summary>
    [Fact]
    public void Significance_ProcessAtTheThresholdShare_FiresWithProbabilityAtMostOneMinusConfidence()
    {
        BurnRateRules rules = BurnRateRules.Create(minimumBadEventsInLongWindow: 3, trafficAware: true, significanceConfidence: 0.95);
        foreach (BurnRateWindowPair pair in BurnRatePolicy.Derive(Duration.FromDays(30), includeSlothTicket: true).Pairs)
        {
            double share = pair.Factor * 0.05;
            if (share >= 1)
            {
                continue;
            }

            for (int n = 10; n <= 400; n += 7)
            {
                long windowEvents = (long)(n * (Duration.FromDays(30) / pair.LongWindow));
                double firing = 0;
                for (int bad = 0; bad <= n; bad++)
                {
                    if (BurnRateGate.Fires(pair, n, bad, n, bad, windowEvents, Standard, rules))
                    {
                        firing += Math.Exp(SpecialFunctions.LogGamma(n + 1) - SpecialFunctions.LogGamma(bad + 1) - SpecialFunctions.LogGamma(n - bad + 1)
                            + (bad * Math.Log(share)) + ((n - bad) * Math.Log(1 - share)));
                    }
                }

                Assert.True(firing <= 0.05 + 1e-12, $"{pair}, n = {n}: {firing}");
            }
        }
    }

    [Fact]
    public void Rules_BadGates_AreRejectedWithCX0518()
    {
        Assert.Equal(CxErrorCodes.EarlyWarningDetectorInvalid, Assert.Throws<CxValidationException>(() => BurnRateRules.Create(minimumEventsInLongWindow: 0)).Failures[0].ErrorCode);
        Assert.Equal(CxErrorCodes.EarlyWarningDetectorInvalid, Assert.Throws<CxValidationException>(() => BurnRateRules.Create(minimumBadEventsInLongWindow: -1)).Failures[0].ErrorCode);
        Assert.Equal(CxErrorCodes.EarlyWarningDetectorInvalid, Assert.Throws<CxValidationException>(() => BurnRateRules.Create(significanceConfidence: 1)).Failures[0].ErrorCode);
        Assert.Equal(CxErrorCodes.EarlyWarningDetectorInvalid, Assert.Throws<CxValidationException>(() => BurnRateRules.Create(significanceConfidence: double.NaN)).Failures[0].ErrorCode);
    }
}
