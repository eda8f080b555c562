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

    /// <summary>Fits by maximum likelihood. With <paramref name="supported"/>, a search that ends outside the range the
    /// parameters' constructor accepts is reported at the range's end, as <see cref="FitStatus.ParameterAtBoundary"/>
    /// (the likelihood is evaluated there), instead of the constructor refusing it.</summary>
    public static ModelFit<T> Run<T>(LogLikelihoodFunction logLikelihood, double[] start, bool analyticGradient, ModelFitOptions? options, string[] names,
        long observations, Func<double[], T> create, (double Min, double Max)? supported = null)
        where T : class
    {
        (double[] theta, double ll, double[] errors, FitDiagnostics diagnostics) =
            MaximumLikelihood.Fit(logLikelihood, start, analyticGradient, options?.MaxIterations ?? ModelFitOptions.DefaultMaxIterations,
                options?.MaxEvaluations ?? ModelFitOptions.DefaultMaxEvaluations);
        if (supported is { } range && theta.Any(v => !(v >= range.Min && v <= range.Max)))
        {
            theta = [.. theta.Select(v => double.IsNaN(v) || v > range.Max ? range.Max : Math.Max(v, range.Min))];
            ll = logLikelihood([.. theta.Select(v => Math.Log(v))], null);
            errors = [.. errors.Select(_ => double.NaN)];
            diagnostics = new FitDiagnostics(FitStatus.ParameterAtBoundary, diagnostics.Iterations, diagnostics.Evaluations + 1, diagnostics.GradientNorm,
                diagnostics.Message + string.Create(CultureInfo.InvariantCulture, $"; a parameter left the range the model supports ({range.Min:G3} to {range.Max:G3}) and is reported at its end"),
                diagnostics.StartingValues);
        }

        var estimates = names.Select((n, i) => new ParameterEstimate(n, theta[i], errors[i])).ToArray();
        return new ModelFit<T>(create(theta), estimates, ll, observations, diagnostics);
    }

    /// <summary>The same fit reported as <see cref="FitStatus.ParameterAtBoundary"/>, its message extended by
    /// <paramref name="reason"/> (a converged search that stopped on a ridge towards a limit of the model).</summary>
    public static ModelFit<T> AtBoundary<T>(ModelFit<T> fit, string reason, bool withoutStandardErrors)
        where T : class
    {
        FitDiagnostics d = fit.Diagnostics;
        var diagnostics = new FitDiagnostics(FitStatus.ParameterAtBoundary, d.Iterations, d.Evaluations, d.GradientNorm, d.Message + "; " + reason, d.StartingValues);
        IReadOnlyList<ParameterEstimate> estimates = withoutStandardErrors
            ? [.. fit.Estimates.Select(e => new ParameterEstimate(e.Name, e.Value, double.NaN))]
            : fit.Estimates;
        return new ModelFit<T>(fit.Parameters, estimates, fit.LogLikelihood, fit.ObservationCount, diagnostics);
    }
}
