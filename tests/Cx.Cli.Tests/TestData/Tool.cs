namespace Cx.Cli.Tests.TestData;

/// <summary>Runs the tool in-process and captures what it wrote.</summary>
internal static class Tool
{
    public static CliRun Run(params string[] args) => Run(CxConsole.Redirected, args);

    public static CliRun Run(CxConsole console, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int exit = CxApp.Run(args, stdout, stderr, console);
        return new CliRun(exit, stdout.ToString(), stderr.ToString());
    }

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
}

/// <summary>The outcome of one run: exit code, standard output, standard error.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public string[] ErrorLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
