using Cx.Domain.DependencyInjection;
using Cx.Domain.Hosting;
using Cx.Domain.Validation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Cx.Domain with its defaults read from configuration.</summary>
public static class CxDomainConfigurationExtensions
{
    /// <summary>Registers the Cx.Domain services (as <see cref="CxDomainServiceCollectionExtensions.AddCxDomain(IServiceCollection, Action{CxDomainOptions})"/>
    /// does) with <see cref="CxDomainOptions"/> bound from a configuration section, and exposes the options as
    /// <see cref="IOptions{TOptions}"/> of <see cref="CxDomainOptions"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section that holds the options, such as <c>builder.Configuration.GetSection("CxDomain")</c>:
    /// <c>{"AssetMovements": {"ActivityWindow": 12}, "Reliability": {"EarlyWarning": "default", "RollingHistoryCount": 12, "BacktestStep": "00:10:00"}}</c>,
    /// names as in <see cref="CxDomainOptions"/>, durations as <see cref="TimeSpan"/> text. Settings not given keep their
    /// defaults; an unknown name is an error (a typo would otherwise be ignored). <c>EarlyWarning</c> names a built-in policy
    /// (<c>default</c> or <c>legacy</c>); a policy of one's own is set in code, in <paramref name="configure"/>.</param>
    /// <param name="configure">Changes applied after binding (code wins over configuration); none when null.</param>
    /// <returns>The same service collection, for chaining.</returns>
    /// <remarks>The section is read and validated once, now: a value that does not convert, or an invalid setting, fails the
    /// registration at start-up with a message that names the setting, not the first request. The calculators are singletons
    /// built with these options, so a later change of the configuration source does not reach them.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configuration"/> is null.</exception>
    /// <exception cref="InvalidOperationException">A configuration value does not convert to its setting's type, the section
    /// names a setting that does not exist, or <c>EarlyWarning</c> names no built-in policy.</exception>
    /// <exception cref="CxValidationException">The bound options are invalid.</exception>
    public static IServiceCollection AddCxDomain(this IServiceCollection services, IConfiguration configuration, Action<CxDomainOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = new CxDomainSettings();
        configuration.Bind(settings, binder => binder.ErrorOnUnknownConfiguration = true);
        CxDomainOptions? bound = null;
        services.AddCxDomain(options =>
        {
            settings.ApplyTo(options);
            configure?.Invoke(options);
            bound = options;
        });

        // The same instance the calculators were built with; AddCxDomain validated it.
        services.AddSingleton<IOptions<CxDomainOptions>>(Options.Options.Create(bound!));
        return services;
    }
}
