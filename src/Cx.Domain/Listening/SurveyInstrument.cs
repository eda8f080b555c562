namespace Cx.Domain.Listening;

/// <summary>The survey question a score answers.</summary>
/// <remarks>Stored as a byte. <see cref="None"/> (the default) means the signal carries no survey score.</remarks>
public enum SurveyInstrument : byte
{
    /// <summary>No survey score.</summary>
    None = 0,

    /// <summary>Net Promoter Score: "how likely are you to recommend us", 0 to 10; promoters 9–10, passives 7–8, detractors 0–6.</summary>
    Nps = 1,

    /// <summary>Customer satisfaction on a stated scale (1–5 by default); the top two boxes count as satisfied.</summary>
    Csat = 2,

    /// <summary>Customer Effort Score (CES 2.0): "the company made it easy to handle my issue", 1 (strongly disagree) to 7
    /// (strongly agree); higher is easier.</summary>
    Ces = 3,
}
