using Cx.Domain.Assets;
using Cx.Domain.DependencyInjection;
using Cx.Domain.Primitives;
using Cx.Domain.Validation;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Cx.Domain.Tests.DependencyInjection;

public sealed class CxDomainServiceCollectionExtensionsTests
{
    private sealed class FixedClock : IClock
    {
        public Instant GetCurrentInstant() => Instant.FromUtc(2024, 3, 1, 0, 0);
    }

    private static ServiceDescriptor Single<T>(IServiceCollection services) =>
        Assert.Single(services, d => d.ServiceType == typeof(T));

    [Theory]
    [InlineData(typeof(AssetMovementCalculator))]
    [InlineData(typeof(RetentionCalculator))]
    [InlineData(typeof(CohortCalculator))]
    [InlineData(typeof(CxDomainOptions))]
    [InlineData(typeof(Cx.Domain.Listening.ListeningCalculator))]
    [InlineData(typeof(Cx.Domain.EarlyWarning.RevenueErosionCalculator))]
    [InlineData(typeof(Cx.Domain.Reporting.CustomerRoomCalculator))]
    public void AddCxDomain_Calculators_AreRegisteredAsSingletons(Type service)
    {
        var services = new ServiceCollection();

        services.AddCxDomain();

        ServiceDescriptor descriptor = Assert.Single(services, d => d.ServiceType == service);
        Assert.Equal(ServiceLifetime.Singleton, descriptor.Lifetime);
        using ServiceProvider provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        object first = provider.GetRequiredService(service);
        using IServiceScope scope = provider.CreateScope();
        Assert.Same(first, scope.ServiceProvider.GetRequiredService(service));
    }

    [Fact]
    public void AddCxDomain_NoClockRegistered_RegistersTheSystemClock()
    {
        var services = new ServiceCollection();

        services.AddCxDomain();

        ServiceDescriptor clock = Single<IClock>(services);
        Assert.Equal(ServiceLifetime.Singleton, clock.Lifetime);
        using ServiceProvider provider = services.BuildServiceProvider();
        Assert.Same(SystemClock.Instance, provider.GetRequiredService<IClock>());
    }

    [Fact]
    public void AddCxDomain_ClockAlreadyRegistered_KeepsIt()
    {
        var services = new ServiceCollection();
        var clock = new FixedClock();
        services.AddSingleton<IClock>(clock);

        services.AddCxDomain();

        Single<IClock>(services);
        using ServiceProvider provider = services.BuildServiceProvider();
        Assert.Same(clock, provider.GetRequiredService<IClock>());
    }

    [Fact]
    public void AddCxDomain_ClockRegisteredAfterwards_WinsAsTheLastRegistration()
    {
        var services = new ServiceCollection();
        var clock = new FixedClock();

        services.AddCxDomain();
        services.AddSingleton<IClock>(clock);

        using ServiceProvider provider = services.BuildServiceProvider();
        Assert.Same(clock, provider.GetRequiredService<IClock>());
    }

    [Fact]
    public void AddCxDomain_Always_ReturnsTheSameCollection()
    {
        var services = new ServiceCollection();

        Assert.Same(services, services.AddCxDomain());
        Assert.Same(services, services.AddCxDomain(o => o.AssetMovements.ActivityWindow = 3));
    }

    [Fact]
    public void AddCxDomain_CalledTwice_RegistersEachServiceOnce()
    {
        var services = new ServiceCollection();

        services.AddCxDomain().AddCxDomain();

        Single<AssetMovementCalculator>(services);
        Single<RetentionCalculator>(services);
        Single<CohortCalculator>(services);
        Single<CxDomainOptions>(services);
        Single<IClock>(services);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(AssetMovementOptions.MaxActivityWindow + 1)]
    public void AddCxDomain_InvalidActivityWindow_ThrowsCxValidationExceptionAtRegistration(int window)
    {
        var services = new ServiceCollection();

        CxValidationException error = Assert.Throws<CxValidationException>(() => services.AddCxDomain(o => o.AssetMovements.ActivityWindow = window));

        CxValidationFailure failure = Assert.Single(error.Failures);
        Assert.Equal(CxErrorCodes.ActivityWindowInvalid, failure.ErrorCode);
        Assert.Equal("ActivityWindow", failure.Field);
        Assert.Contains($"got {window}", error.Message, StringComparison.Ordinal);
        Assert.Empty(services);
    }

    [Fact]
    public void AddCxDomain_InvalidListeningConfidence_ThrowsCxValidationExceptionAtRegistration()
    {
        var services = new ServiceCollection();

        CxValidationException error = Assert.Throws<CxValidationException>(() => services.AddCxDomain(o => o.Listening.ConfidenceLevel = 1.5));

        CxValidationFailure failure = Assert.Single(error.Failures);
        Assert.Equal(CxErrorCodes.ListeningOptionsInvalid, failure.ErrorCode);
        Assert.Equal("ConfidenceLevel", failure.Field);
        Assert.Empty(services);
    }

    [Fact]
    public void AddCxDomain_NullArguments_ThrowArgumentNull()
    {
        Assert.Equal("services", Assert.Throws<ArgumentNullException>(() => ((IServiceCollection)null!).AddCxDomain()).ParamName);
        Assert.Equal("services", Assert.Throws<ArgumentNullException>(() => ((IServiceCollection)null!).AddCxDomain(_ => { })).ParamName);
        Assert.Equal("configure", Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddCxDomain(null!)).ParamName);
    }

    [Fact]
    public void AddCxDomain_ConfigureAction_RunsOnceDuringRegistration()
    {
        var services = new ServiceCollection();
        int calls = 0;

        services.AddCxDomain(_ => calls++);

        Assert.Equal(1, calls);
        using ServiceProvider provider = services.BuildServiceProvider();
        _ = provider.GetRequiredService<AssetMovementCalculator>();
        Assert.Equal(1, calls);
    }

    [Fact]
    public void ResolvedCalculator_ConfiguredWindow_IsItsDefault()
    {
        var services = new ServiceCollection();
        services.AddCxDomain(o => o.AssetMovements.ActivityWindow = 12);
        using ServiceProvider provider = services.BuildServiceProvider();

        AssetMovementCalculator calculator = provider.GetRequiredService<AssetMovementCalculator>();
        AssetMovementReport report = calculator.Calculate(Ledger());

        Assert.Equal(12, report.ActivityWindow);
        Assert.Equal(12, provider.GetRequiredService<CxDomainOptions>().AssetMovements.ActivityWindow);
        Assert.Equal(2, calculator.Calculate(Ledger(), new AssetMovementOptions { ActivityWindow = 2 }).ActivityWindow);
    }

    [Fact]
    public void ResolvedCalculator_NoConfiguration_UsesWindowOne()
    {
        var services = new ServiceCollection();
        services.AddCxDomain();
        using ServiceProvider provider = services.BuildServiceProvider();

        Assert.Equal(1, provider.GetRequiredService<AssetMovementCalculator>().Calculate(Ledger()).ActivityWindow);
    }

    [Fact]
    public void ResolvedCalculator_OptionsChangedAfterRegistration_KeepsTheValidatedWindow()
    {
        var services = new ServiceCollection();
        services.AddCxDomain(o => o.AssetMovements.ActivityWindow = 12);
        using ServiceProvider provider = services.BuildServiceProvider();

        provider.GetRequiredService<CxDomainOptions>().AssetMovements.ActivityWindow = 0;

        Assert.Equal(12, provider.GetRequiredService<AssetMovementCalculator>().Calculate(Ledger()).ActivityWindow);
    }

    private static AssetLedger Ledger() => AssetLedger.FromRecords(
        [
            new AssetRecord(CustomerId.From("A"), new LocalDate(2024, 1, 5), Money.FromDecimal(100m, Currency.Usd)),
            new AssetRecord(CustomerId.From("B"), new LocalDate(2024, 2, 5), Money.FromDecimal(50m, Currency.Usd)),
        ],
        PeriodGrid.Monthly(new YearMonth(2024, 1), new YearMonth(2024, 3)));
}
