using Cx.Domain.Assets;
using Cx.Domain.Attribution;
using Cx.Domain.DependencyInjection;
using Cx.Domain.Validation;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Cx.Domain's calculators in a service collection.</summary>
public static class CxDomainServiceCollectionExtensions
{
    /// <summary>Registers the Cx.Domain calculators (singletons, including <see cref="Cx.Domain.Attribution.JourneyAttributionCalculator"/>), the built-in attribution models (each with TryAddEnumerable, so your own <see cref="Cx.Domain.Attribution.IAttributionModel"/> can join or precede them), their options, and <see cref="IClock"/> (the system clock, unless one is registered).</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same service collection, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddCxDomain(this IServiceCollection services) => services.AddCxDomain(_ => { });

    /// <summary>Registers the Cx.Domain calculators with configured defaults; the options are built and validated now, so a
    /// bad setting fails at start-up, not on first use.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the defaults, for example <c>o =&gt; o.AssetMovements.ActivityWindow = 12</c>.</param>
    /// <returns>The same service collection, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configure"/> is null.</exception>
    /// <exception cref="CxValidationException">The configured options are invalid.</exception>
    public static IServiceCollection AddCxDomain(this IServiceCollection services, Action<CxDomainOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new CxDomainOptions();
        configure(options);
        var movementCalculator = new AssetMovementCalculator(options.AssetMovements);
        var reliabilityEvaluator = new Cx.Domain.Reliability.ReliabilityEvaluator(options.Reliability);
        var listeningCalculator = new Cx.Domain.Listening.ListeningCalculator(options.Listening);
        var erosionCalculator = new Cx.Domain.EarlyWarning.RevenueErosionCalculator(options.EarlyWarning);
        var roomCalculator = new Cx.Domain.Reporting.CustomerRoomCalculator(options.EarlyWarning, options.Listening);

        services.TryAddSingleton(options);
        services.TryAddSingleton(movementCalculator);
        services.TryAddSingleton(reliabilityEvaluator);
        services.TryAddSingleton(listeningCalculator);
        services.TryAddSingleton(erosionCalculator);
        services.TryAddSingleton(roomCalculator);
        services.TryAddSingleton<RetentionCalculator>();
        services.TryAddSingleton<CohortCalculator>();
        foreach (IAttributionModel model in JourneyAttributionCalculator.BuiltInModels)
        {
            // The built-in models are stateless: their shared instances serve (and keep registration free of reflection, so the
            // package stays trimmable); TryAddEnumerable still skips a model type that is already registered.
            services.TryAddEnumerable(ServiceDescriptor.Singleton(model));
        }

        services.TryAddSingleton(provider => new JourneyAttributionCalculator(provider.GetServices<IAttributionModel>()));
        services.TryAddSingleton<IClock>(SystemClock.Instance);
        return services;
    }
}
