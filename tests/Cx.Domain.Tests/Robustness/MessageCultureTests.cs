using System.Globalization;
using Cx.Domain.EarlyWarning;
using Cx.Domain.Listening;
using Cx.Domain.Tests.TestData;
using Cx.Domain.Validation;
using FluentValidation.Results;

namespace Cx.Domain.Tests.Robustness;

/// <summary>Issue #13: messages of the listening path, the early warnings' options and the spike detector's options write
/// enums (undefined values as their number) and numbers in the invariant culture, under a de-DE-like culture and under the harness's
/// <see cref="HostileCulture"/> alike.</summary>
public sealed class MessageCultureTests
{
    public static TheoryData<string> Cultures => ["de-DE", "hostile"];

    /// <summary>Globalization is invariant in tests: a culture with de-DE's decimal comma and group dot, and a minus sign
    /// (U+2212) that no invariant message holds.</summary>
    private static CultureInfo GermanLike()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberDecimalSeparator = ",";
        culture.NumberFormat.NumberGroupSeparator = ".";
        culture.NumberFormat.NegativeSign = "\u2212";
        return CultureInfo.ReadOnly(culture);
    }

    private static T Under<T>(string culture, Func<T> action)
    {
        CultureInfo saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = culture == "hostile" ? HostileCulture.Instance : GermanLike();
        try
        {
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    private static void Invariant(string message)
    {
        Assert.Null(HostileCulture.Leak(message));
        Assert.DoesNotContain("\u2212", message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void EarlyWarningOptions_NegativeCounts_AreWrittenInvariantly(string culture)
    {
        ValidationResult result = Under(culture, () => new EarlyWarningOptionsValidator().Validate(new EarlyWarningOptions { Horizon = -5, MinimumExposedCount = -20000, PriorityCount = -1, TenureBandStarts = [-3, 12] }));
        string messages = string.Join("\n", result.Errors.Select(e => e.ErrorMessage));

        Assert.Contains("got -5.", messages, StringComparison.Ordinal);
        Assert.Contains("got -20000.", messages, StringComparison.Ordinal);
        Assert.Contains("got -1.", messages, StringComparison.Ordinal);
        Assert.Contains("got [-3, 12].", messages, StringComparison.Ordinal);
        Invariant(messages);
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void SpikeDetectionOptions_AnUndefinedThreshold_IsWrittenAsItsNumber(string culture)
    {
        ValidationResult result = Under(culture, () => new SpikeDetectionOptionsValidator().Validate(new SpikeDetectionOptions { Threshold = (FarringtonThreshold)(-40000) }));
        string message = Assert.Single(result.Errors).ErrorMessage;

        Assert.Contains("got -40000.", message, StringComparison.Ordinal);
        Invariant(message);
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void ListeningColumns_UndefinedSourceAndKind_AreWrittenAsTheirNumbers(string culture)
    {
        FeedbackColumns columns = new(ListeningData.Journey, ListeningData.Taxonomy, new long[] { NodaTime.Instant.FromUtc(2024, 3, 1, 0, 0).ToUnixTimeTicks() },
            new[] { (FeedbackSource)200 }, new[] { (FeedbackKind)201 }, new[] { -1 }, new[] { -1 });

        var error = Under(culture, () => Assert.Throws<CxValidationException>(() => new ListeningCalculator().Calculate(ListeningData.Grid, columns)));

        Assert.Contains(error.Failures, f => f.Field == "Sources" && f.Message.EndsWith("got 200.", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Field == "Kinds" && f.Message.EndsWith("got 201.", StringComparison.Ordinal));
        Invariant(error.Message);
    }
}
