using System.Globalization;
using BenchmarkDotNet.Running;

namespace Cx.Domain.Benchmarks;

/// <summary>Runs the benchmarks chosen on the command line, for example <c>--filter '*AssetMovement*'</c> or <c>--job Dry</c>;
/// or, with <c>write-csv N FILE [sorted|shuffled]</c>, writes the perf workload of N customers as the revenue CSV
/// <c>cx movements</c> reads (for the whole-process comparison in <c>benchmarks/file-input/</c>); with
/// <c>write-arrow N FILE</c>, the same shuffled rows as an Arrow IPC file.</summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Length >= 3 && args[0] == "write-csv")
        {
            int customers = int.Parse(args[1], CultureInfo.InvariantCulture);
            PerfWorkload workload = PerfWorkload.Generate(customers);
            bool sorted = args.Length > 3 && args[3] == "sorted";
            FileInputBenchmarks.WriteCsv(sorted ? workload.Sorted : workload.Shuffled(), args[2]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {workload.RowCount} rows of {customers} customers ({(sorted ? "sorted" : "shuffled")}) to {args[2]}"));
            return;
        }

        if (args.Length >= 3 && args[0] == "write-arrow")
        {
            int customers = int.Parse(args[1], CultureInfo.InvariantCulture);
            PerfWorkload workload = PerfWorkload.Generate(customers);
            FileInputBenchmarks.WriteArrow(workload.Shuffled(), args[2]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {workload.RowCount} rows of {customers} customers (shuffled) to {args[2]}"));
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
