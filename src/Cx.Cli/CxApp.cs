using System.CommandLine;
using System.CommandLine.Help;

namespace Cx.Cli;

/// <summary>The <c>cx</c> tool: parses the command line, runs a command and turns every outcome into an exit code.</summary>
/// <remarks>
/// Exit codes: <see cref="Ok"/> (0) on success, help and version; <see cref="BadInput"/> (2) for a bad command line or
/// bad input, with one line per problem on standard error (the first <see cref="ProblemLinesShown"/>, then a count);
/// <see cref="InternalError"/> (1) for anything unexpected, with a short message and no stack trace. Nothing is written to
/// standard output or <c>--output</c> unless the run succeeds.
/// </remarks>
internal static class CxApp
{
    public const int Ok = 0;
    public const int InternalError = 1;
    public const int BadInput = 2;
    public const int ProblemLinesShown = 20;

    /// <summary>Runs the tool in-process.</summary>
    /// <param name="args">The command-line arguments, without the program name.</param>
    /// <param name="stdout">Where results go.</param>
    /// <param name="stderr">Where problems and progress go.</param>
    /// <param name="console">The terminal facts; the process's console when null.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CxConsole? console = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        console ??= CxConsole.System;
        try
        {
            Command root = CreateRoot(stdout, stderr, console);
            ParseResult parse = root.Parse(args);
            if (parse.Errors.Count > 0 && parse.Action is not HelpAction)
            {
                foreach (System.CommandLine.Parsing.ParseError error in parse.Errors)
                {
                    stderr.WriteLine($"cx: {error.Message}");
                }

                string command = parse.CommandResult.Command == root ? "cx" : $"cx {parse.CommandResult.Command.Name}";
                stderr.WriteLine($"Run '{command} --help' for usage.");
                return BadInput;
            }

            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (BadInputException ex)
        {
            WriteProblems(stderr, ex);
            return BadInput;
        }
        catch (OutOfMemoryException)
        {
            stderr.WriteLine("cx: out of memory; the input is too large for this machine.");
            return InternalError;
        }
#pragma warning disable CA1031 // The tool's last line of defence: any other failure becomes exit code 1 and a short message.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            stderr.WriteLine($"cx: internal error: {ex.GetType().Name}: {FirstLine(ex.Message)}");
            stderr.WriteLine("cx: this is a bug in cx; please report it with the command you ran.");
            return InternalError;
        }
    }

    private static Command CreateRoot(TextWriter stdout, TextWriter stderr, CxConsole console)
    {
        var root = new Command("cx", "Customer-experience metrics from your data, computed by Cx.Domain.")
        {
            new HelpOption(),
            new VersionOption(),
            MovementsCommand.Create(stdout, stderr, console),
            ReliabilityCommand.Create(stdout, stderr, console),
            SampleCommand.Create(stdout),
            AttributionCommand.Create(stdout, stderr, console),
            ValueCommand.Create(stdout, stderr, console),
            ListeningCommand.Create(stdout, stderr, console),
            RoomCommand.Create(stdout, stderr, console),
            RiskCommand.Create(stdout, stderr, console),
        };
        return root;
    }

    private static void WriteProblems(TextWriter stderr, BadInputException ex)
    {
        string source = ex.InputName ?? "cx";
        if (ex.InputName is null)
        {
            stderr.WriteLine($"cx: {ex.Message}");
            return;
        }

        foreach (InputProblem problem in ex.Problems.Take(ProblemLinesShown))
        {
            stderr.WriteLine(problem.Format(source));
        }

        if (ex.TotalCount > ProblemLinesShown)
        {
            stderr.WriteLine($"... and {ex.TotalCount - ProblemLinesShown} more");
        }

        stderr.WriteLine($"cx: {ex.TotalCount} problem{(ex.TotalCount == 1 ? string.Empty : "s")} in {source}; nothing was written.");
    }

    private static string FirstLine(string message)
    {
        int newline = message.IndexOfAny(['\r', '\n']);
        return newline < 0 ? message : message[..newline];
    }
}
