using Cx.Domain.Assets;
using Cx.Domain.DependencyInjection;
using Cx.Domain.Reliability;
using Cx.Domain.Validation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Cx.Domain.Hosting.Tests;

/// <summary><c>AddCxDomain(configuration)</c>: the options bound from a section, exposed as <see cref="IOptions{TOptions}"/>,
/// used by the calculators, and validated when the services are registered.</summary>
public sealed class CxDomainConfigurationTests
{
    private static IConfiguration Section(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>("CxDomain:" + v.Key, v.Value))).Build().GetSection("CxDomain");

    [Fact]
    public void AddCxDomain_Section_BindsTheOptionsAndTheCalculatorsUseThem()
    {
        IConfiguration section = Section(
            ("AssetMovements:ActivityWindow", "12"), ("Reliability:EarlyWarning", "legacy"), ("Reliability:RollingHistoryCount", "6"),
            ("Reliability:BacktestStep", "00:10:00"));

        using ServiceProvider provider = new ServiceCollection().AddCxDomain(section).BuildServiceProvider();

        CxDomainOptions options = provider.GetRequiredService<IOptions<CxDomainOptions>>().Value;
        Assert.Same(provider.GetRequiredService<CxDomainOptions>(), options);
        Assert.Equal(12, options.AssetMovements.ActivityWindow);
        Assert.Same(EarlyWarningPolicy.Legacy, options.Reliability.EarlyWarning);
        Assert.Equal(6, options.Reliability.RollingHistoryCount);
        Assert.Equal(Duration.FromMinutes(10), options.Reliability.BacktestStep);
        Assert.Same(EarlyWarningPolicy.Default, new ServiceCollection().AddCxDomain(Section()).BuildServiceProvider().GetRequiredService<CxDomainOptions>().Reliability.EarlyWarning);

        AssetLedger ledger = AssetLedger.FromPeriodValues(
            [new AssetPeriodValue(Cx.Domain.Primitives.CustomerId.From("A"), 0, Cx.Domain.Primitives.Money.FromDecimal(100m, Cx.Domain.Primitives.Currency.Usd))],
            Cx.Domain.Primitives.PeriodGrid.Monthly(new YearMonth(2024, 1), new YearMonth(2024, 3)));
        Assert.Equal(12, provider.GetRequiredService<AssetMovementCalculator>().Calculate(ledger).ActivityWindow);
    }

    [Fact]
    public void AddCxDomain_EmptySection_KeepsTheDefaultsAndCodeWinsOverConfiguration()
    {
        using ServiceProvider defaults = new ServiceCollection().AddCxDomain(Section()).BuildServiceProvider();
        using ServiceProvider coded = new ServiceCollection()
            .AddCxDomain(Section(("AssetMovements:ActivityWindow", "12")), o => o.AssetMovements.ActivityWindow = 3).BuildServiceProvider();

        Assert.Equal(1, defaults.GetRequiredService<IOptions<CxDomainOptions>>().Value.AssetMovements.ActivityWindow);
        Assert.Equal(3, coded.GetRequiredService<IOptions<CxDomainOptions>>().Value.AssetMovements.ActivityWindow);
    }

    [Fact]
    public void AddCxDomain_InvalidSetting_FailsAtRegistrationNamingIt()
    {
        var services = new ServiceCollection();

        CxValidationException ex = Assert.Throws<CxValidationException>(() => services.AddCxDomain(Section(("AssetMovements:ActivityWindow", "0"))));

        Assert.Contains("ActivityWindow", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCxDomain_ValueThatDoesNotConvertOrUnknownName_FailsAtRegistration()
    {
        InvalidOperationException notANumber = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddCxDomain(Section(("AssetMovements:ActivityWindow", "twelve"))));
        InvalidOperationException typo = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddCxDomain(Section(("AssetMovements:ActivityWindows", "12"))));

        Assert.Contains("CxDomain:AssetMovements:ActivityWindow", notANumber.Message, StringComparison.Ordinal);
        Assert.Contains("ActivityWindows", typo.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddCxDomain((IConfiguration)null!));
        InvalidOperationException policy = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddCxDomain(Section(("Reliability:EarlyWarning", "quiet"))));
        Assert.StartsWith("Reliability:EarlyWarning: expected 'default' or 'legacy', got 'quiet'.", policy.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AssetMovements:ActivityWindow", "-2147483648")]
    [InlineData("AssetMovements:ActivityWindow", "0")]
    [InlineData("AssetMovements:ActivityWindow", "2147483647")]
    [InlineData("AssetMovements:ActivityWindow", "2147483648")]
    [InlineData("AssetMovements:ActivityWindow", "NaN")]
    [InlineData("AssetMovements:ActivityWindow", "")]
    [InlineData("Reliability:RollingHistoryCount", "-2147483648")]
    [InlineData("Reliability:RollingHistoryCount", "0")]
    [InlineData("Reliability:RollingHistoryCount", "2147483647")]
    [InlineData("Reliability:BacktestStep", "00:00:00")]
    [InlineData("Reliability:BacktestStep", "-00:00:01")]
    [InlineData("Reliability:BacktestStep", "10675199.02:48:05.4775807")]
    [InlineData("Reliability:BacktestStep", "-10675199.02:48:05.4775808")]
    [InlineData("Reliability:BacktestStep", "00:00:00.0000001")]
    [InlineData("Reliability:BacktestStep", "1e308")]
    [InlineData("Reliability:EarlyWarning", "")]
    [InlineData("Reliability:EarlyWarning", " ")]
    [InlineData("Reliability:EarlyWarning", "\u001b[2J")]
    [InlineData("Reliability", "default")]
    [InlineData("AssetMovements:ActivityWindow:Nested", "1")]
    public void AddCxDomain_SettingsAtTheirEnds_RegisterOrFailWithADocumentedException(string key, string value)
    {
        // Issue #13 for the hosting package: each setting at the ends of its type (and past them, and of another shape)
        // registers, or fails at registration with a type AddCxDomain documents, naming the setting; never a raw
        // overflow from the conversions behind it.
        var services = new ServiceCollection();
        try
        {
            services.AddCxDomain(Section((key, value)));
            using ServiceProvider provider = services.BuildServiceProvider();
            _ = provider.GetRequiredService<IOptions<CxDomainOptions>>().Value;
            _ = provider.GetRequiredService<AssetMovementCalculator>();
        }
        catch (Exception ex) when (ex is InvalidOperationException or CxValidationException)
        {
            string setting = key.Split(':')[^1];
            Assert.True(ex.Message.Contains(setting, StringComparison.Ordinal) || ex.Message.Contains(key.Split(':')[0], StringComparison.Ordinal), $"{ex.GetType().Name}: {ex.Message}");
        }
    }
}
