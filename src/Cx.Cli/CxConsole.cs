namespace Cx.Cli;

/// <summary>What the tool needs to know about the terminal it runs in, as a value so tests can pose as a terminal.</summary>
/// <param name="IsOutputRedirected">Whether standard output goes to a file or pipe rather than a terminal; decides the default format.</param>
/// <param name="IsErrorRedirected">Whether standard error goes to a file or pipe; progress is only shown on a terminal.</param>
/// <param name="OpenStandardInput">Opens standard input, read when the file argument is <c>-</c>.</param>
/// <param name="ProgressThresholdBytes">Input files larger than this show progress on a terminal.</param>
/// <param name="Cancellation">Cancelled when the user presses Ctrl-C (the console's cancel event); the run then stops at
/// its next read or write and leaves no output (exit code <see cref="CxApp.Cancelled"/>).</param>
internal sealed record CxConsole(bool IsOutputRedirected, bool IsErrorRedirected, Func<Stream> OpenStandardInput, long ProgressThresholdBytes = CxConsole.DefaultProgressThresholdBytes, CancellationToken Cancellation = default)
{
    /// <summary>Files over 8 MiB take long enough to read that a progress line helps.</summary>
    public const long DefaultProgressThresholdBytes = 8L * 1024 * 1024;

    /// <summary>Gets the process's real console.</summary>
    public static CxConsole System => new(Console.IsOutputRedirected, Console.IsErrorRedirected, Console.OpenStandardInput);

    /// <summary>Gets a console whose output and error are both redirected and whose standard input is empty (tests, pipelines).</summary>
    public static CxConsole Redirected => new(true, true, () => Stream.Null);
}
