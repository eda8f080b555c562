using BenchmarkDotNet.Running;

namespace Cx.Domain.Benchmarks;

/// <summary>Runs the benchmarks chosen on the command line, for example <c>--filter '*AssetMovement*'</c> or <c>--job Dry</c>.</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
