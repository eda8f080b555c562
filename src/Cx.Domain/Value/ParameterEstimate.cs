using System.Globalization;

namespace Cx.Domain.Value;

/// <summary>One fitted parameter: its name, maximum-likelihood value and standard error.</summary>
/// <remarks>The standard error is the square root of the diagonal of the inverse observed information (the negative
/// Hessian of the log-likelihood at the maximum), by the delta method from the log scale the fit works on. NaN when the
/// fit did not converge to a proper maximum.</remarks>
public sealed class ParameterEstimate
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="name">The parameter's name, such as <c>r</c> or <c>alpha</c>.</param>
    /// <param name="value">The estimate.</param>
    /// <param name="standardError">The standard error, or NaN when unavailable.</param>
    public ParameterEstimate(string name, double value, double standardError)
    {
        Name = name;
        Value = value;
        StandardError = standardError;
    }

    /// <summary>Gets the parameter's name.</summary>
    public string Name { get; }

    /// <summary>Gets the maximum-likelihood estimate.</summary>
    public double Value { get; }

    /// <summary>Gets the standard error, or NaN when the fit has none.</summary>
    public double StandardError { get; }

    /// <summary>Returns <c>name = value (SE error)</c> with four significant digits, invariant culture.</summary>
    /// <returns>For example <c>r = 0.2426 (SE 0.01257)</c>.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Name} = {Value:G4} (SE {StandardError:G4})");
}
