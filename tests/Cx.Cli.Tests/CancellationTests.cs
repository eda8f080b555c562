using System.Diagnostics;
using System.Text;
using Cx.Cli.Tests.TestData;

namespace Cx.Cli.Tests;

/// <summary>Ctrl-C: the run stops promptly with exit code 130, writes nothing to standard output and leaves no output file
/// (not even a temporary one).</summary>
public sealed class CancellationTests
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(20);

    [Fact]
    public void Run_CancelledWhileReading_Exits130AndWritesNothing()
    {
        using var folder = new TempFolder();
        using var cancellation = new CancellationTokenSource();
        var input = new CancellingStream(Encoding.UTF8.GetBytes("customer_id,date,amount\n" + string.Concat(Enumerable.Range(0, 20_000).Select(i => $"C{i},2024-01-05,1.00\n"))), cancellation, cancelAfterReads: 2);
        CxConsole console = CxConsole.Redirected with { OpenStandardInput = () => input, Cancellation = cancellation.Token };

        CliRun run = Tool.Run(console, "movements", "--input", "-", "--output", folder.File("out.csv"));

        Assert.Equal(130, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Equal(["cx: cancelled; nothing was written."], run.ErrorLines);
        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void Run_CancelledBeforeItsOutputIsCommitted_Exits130AndWritesNothing()
    {
        using var folder = new TempFolder();
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        CxConsole console = CxConsole.Redirected with { Cancellation = cancellation.Token };

        CliRun toFile = Tool.Run(console, "sample", "--customers", "10", "--events", folder.File("events.csv"), "--output", folder.File("revenue.csv"));
        CliRun toStdout = Tool.Run(console, "movements", "--sample");

        Assert.Equal(130, toFile.ExitCode);
        Assert.Equal(130, toStdout.ExitCode);
        Assert.Equal(string.Empty, toStdout.Stdout);
        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public async Task Process_SigintWhileReadingStandardInput_Exits130PromptlyAndLeavesNoOutput()
    {
        if (OperatingSystem.IsWindows())
        {
            // No SIGINT on Windows: the console's cancel event is covered in-process above.
            Run_CancelledWhileReading_Exits130AndWritesNothing();
            return;
        }

        using var folder = new TempFolder();
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

        // As from a terminal: a command started in the background by a non-interactive shell (`cmd &` in a script, as a CI
        // runner may start the tests) inherits SIGINT ignored, and cx, like any Unix program, keeps it ignored — the test
        // then waited 20 s for nothing. GNU env resets it to the default before starting the tool (same process id).
        var start = new ProcessStartInfo(OperatingSystem.IsLinux() ? "env" : dotnet)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] tool = [Path.Combine(AppContext.BaseDirectory, "Cx.Cli.dll"), "movements", "--input", "-", "--output", folder.File("out.csv")];
        foreach (string arg in OperatingSystem.IsLinux() ? ["--default-signal=INT", dotnet, .. tool] : tool)
        {
            start.ArgumentList.Add(arg);
        }

        using Process cx = Process.Start(start)!;
        Task<string> stdout = cx.StandardOutput.ReadToEndAsync();
        Task<string> stderr = cx.StandardError.ReadToEndAsync();

        // Once more than a pipe's buffer (64 KiB) has been written, the tool is reading: its Ctrl-C handler is in place.
        cx.StandardInput.Write("customer_id,date,amount\n");
        string rows = string.Concat(Enumerable.Range(0, 4_000).Select(i => $"C{i:D6},2024-01-05,1.00\n"));
        for (int written = 0; written < 256 * 1024; written += rows.Length)
        {
            cx.StandardInput.Write(rows);
        }

        cx.StandardInput.Flush();
        var watch = Stopwatch.StartNew();
        using (Process kill = Process.Start("kill", ["-INT", cx.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        // Standard input stays open: the tool must not wait for its end.
        bool exited = cx.WaitForExit(Prompt);
        if (!exited)
        {
            // Say what the tool had printed by then.
            cx.Kill();
            cx.WaitForExit();
            Assert.Fail($"cx did not stop within {Prompt.TotalSeconds} s of SIGINT; its standard error:\n{await stderr}");
        }
        Assert.True(watch.Elapsed < Prompt);
        Assert.Equal(130, cx.ExitCode);
        Assert.Equal(string.Empty, await stdout);
        Assert.Contains("cx: cancelled; nothing was written.", await stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    /// <summary>An input that cancels the run after a few reads, as Ctrl-C in the middle of a large file would.</summary>
    private sealed class CancellingStream(byte[] data, CancellationTokenSource cancellation, int cancelAfterReads) : MemoryStream(data)
    {
        private int _reads;

        public override int Read(byte[] buffer, int offset, int count)
        {
            Cancel();
            return base.Read(buffer, offset, Math.Min(count, 1024));
        }

        public override int Read(Span<byte> buffer)
        {
            Cancel();
            return base.Read(buffer[..Math.Min(buffer.Length, 1024)]);
        }

        private void Cancel()
        {
            if (++_reads == cancelAfterReads)
            {
                cancellation.Cancel();
            }
        }
    }
}
