using Cx.Cli;
using Cx.Cli.Output;

// Ctrl-C cancels the run: the command stops at its next read or write and exits with 130, leaving no output. A computation
// that cannot be interrupted is given a moment; then its output is abandoned (temporary files removed) and the tool exits.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

CxConsole console = CxConsole.System with { Cancellation = cancellation.Token };
int exitCode = CxApp.InternalError;
var run = new Thread(() => exitCode = CxApp.Run(args, Console.Out, Console.Error, console), maxStackSize: 16 * 1024 * 1024) { IsBackground = true };
run.Start();
while (!run.Join(TimeSpan.FromMilliseconds(50)))
{
    if (cancellation.IsCancellationRequested && !run.Join(CxApp.CancelGrace))
    {
        if (OutputFile.Abandon())
        {
            CxApp.WriteLine(Console.Error, "cx: cancelled; nothing was written.");
            return CxApp.Cancelled;
        }

        // The output was already being written when Ctrl-C came: the run has succeeded, let it end.
        run.Join();
    }
}

return exitCode;
