namespace Cx.Domain.Listening;

/// <summary>The test behind a period-over-period change of a survey metric.</summary>
public enum SurveyTest
{
    /// <summary>No test.</summary>
    None = 0,

    /// <summary>NPS: z test of the difference of the adjusted-Wald scores, with the sum of their variances (Rocks 2016).</summary>
    AdjustedWaldZ = 1,

    /// <summary>CSAT: two-proportion z test with the pooled proportion.</summary>
    TwoProportionZ = 2,

    /// <summary>CES: Welch's t test with the Welch–Satterthwaite degrees of freedom.</summary>
    WelchT = 3,
}
