using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace Cx.Domain.Benchmarks;

/// <summary>Runs a class with a few launches of one warm-up and a few measured iterations each, unless a job is chosen
/// on the command line (<c>--job Dry</c>, <c>-j short</c>): then only that job runs.</summary>
/// <remarks>
/// A plain <c>[SimpleJob(...)]</c> would run next to a command-line job (a dry run would also do the full run), and
/// the <c>[IterationCount]</c>-style attributes would rewrite the command-line job itself; this attribute does neither.
/// It is for benchmarks whose slowest case takes seconds per invocation, where BenchmarkDotNet's default job
/// (15 to 100 iterations) would run for hours.
/// </remarks>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class FewIterationsJobAttribute : Attribute, IConfigSource
{
    /// <summary>Initializes the attribute.</summary>
    /// <param name="launchCount">The number of processes per benchmark case.</param>
    /// <param name="iterationCount">The number of measured iterations per process.</param>
    public FewIterationsJobAttribute(int launchCount, int iterationCount)
    {
        LaunchCount = launchCount;
        IterationCount = iterationCount;
        var config = ManualConfig.CreateEmpty();
        if (!JobOnCommandLine(Environment.GetCommandLineArgs()))
        {
            config.AddJob(Job.Default.WithLaunchCount(launchCount).WithWarmupCount(1).WithIterationCount(iterationCount).WithId("FewIterations"));
        }

        Config = config;
    }

    /// <summary>Gets the number of processes per benchmark case.</summary>
    public int LaunchCount { get; }

    /// <summary>Gets the number of measured iterations per process.</summary>
    public int IterationCount { get; }

    /// <inheritdoc/>
    public IConfig Config { get; }

    private static bool JobOnCommandLine(string[] args) =>
        args.Any(a => a is "-j" or "--job" || a.StartsWith("--job=", StringComparison.Ordinal));
}
