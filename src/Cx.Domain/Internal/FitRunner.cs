using System.Globalization;
using Cx.Domain.Validation;
using Cx.Domain.Value;

namespace Cx.Domain.Internal;

/// <summary>Validates fit options and turns a maximum-likelihood run into a <see cref="ModelFit{TParameters}"/>.</summary>
internal static class FitRunner
{
    public static double[] Start(ModelFitOptions? options, string[] names, double[] defaults, string what)
    {
        var failures = new FailureCollector();
        if (options?.MaxIterations is < 1)
        {
            failures.Add(null, what, "MaxIterations", CxErrorCodes.FitOptionsInvalid, string.Create(CultureInfo.InvariantCulture, $"Expected an iteration limit of at least 1, got {options.MaxIterations}."));
        }

        if (options?.MaxEvaluations is < ModelFitOptions.MinEvaluations)
        {
            failures.Add(null, what, "MaxEvaluations", CxErrorCodes.FitOptionsInvalid,
                string.Create(CultureInfo.InvariantCulture, $"Expected an evaluation limit of at least {ModelFitOptions.MinEvaluations}, got {options.MaxEvaluations}."));
        }

        double[] start = defaults;
        if (options?.StartingValues is { } given)
        {
            if (given.Count != names.Length)
            {
                failures.Add(null, what, "StartingValues", CxErrorCodes.FitOptionsInvalid,
                    $"Expected {names.Length} starting values ({string.Join(", ", names)}), got {given.Count}.");
            }
            else
            {
                for (int i = 0; i < given.Count; i++)
                {
                    if (!(given[i] > 0) || !double.IsFinite(given[i]))
                    {
                        failures.Add(null, what, $"StartingValues[{i}]", CxErrorCodes.FitOptionsInvalid,
                            $"Expected a positive finite starting value for {names[i]}, got {given[i].ToString("R", CultureInfo.InvariantCulture)}.");
                    }
                }

                start = [.. given];
            }
        }

        failures.ThrowIfAny(what);
        return start;
    }

    public static ModelFit<T> Run<T>(LogLikelihoodFunction logLikelihood, double[] start, bool analyticGradient, ModelFitOptions? options, string[] names,
        long observations, Func<double[], T> create)
        where T : class
    {
        (double[] theta, double ll, double[] errors, FitDiagnostics diagnostics) =
            MaximumLikelihood.Fit(logLikelihood, start, analyticGradient, options?.MaxIterations ?? ModelFitOptions.DefaultMaxIterations,
                options?.MaxEvaluations ?? ModelFitOptions.DefaultMaxEvaluations);
        var estimates = names.Select((n, i) => new ParameterEstimate(n, theta[i], errors[i])).ToArray();
        return new ModelFit<T>(create(theta), estimates, ll, observations, diagnostics);
    }
}
