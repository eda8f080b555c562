namespace Cx.Domain.Attribution;

/// <summary>An attribution model: learns from one direction's paths (or ignores them) and weighs the touches of each movement's path.</summary>
/// <remarks>Models are pluggable: <see cref="JourneyAttributionCalculator"/> takes a set of models and picks the one whose
/// <see cref="Kind"/> is <see cref="AttributionOptions.Model"/>; <c>AddCxDomain</c> registers the built-in ones with
/// <c>TryAddEnumerable</c>. A model only produces weights; the calculator turns them into cents, so every model conserves
/// value to the cent and gives nothing to a touchpoint that is not on the path.</remarks>
public interface IAttributionModel
{
    /// <summary>Gets which model this is.</summary>
    AttributionModel Kind { get; }

    /// <summary>Fits the model on every path of one direction: the paths of moving customers and the null paths of customers
    /// with touches and no movement in that direction.</summary>
    /// <param name="paths">The paths.</param>
    /// <param name="options">The validated options.</param>
    /// <returns>The fitted model, which weighs the touches of each movement's path.</returns>
    AttributionModelFit Fit(AttributionPathSet paths, AttributionOptions options);
}
