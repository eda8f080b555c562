using System.CommandLine;
using System.CommandLine.Help;
using System.Globalization;
using System.Text;
using Cx.Domain.Validation;

namespace Cx.Cli;

/// <summary>The <c>cx</c> tool: parses the command line, runs a command and turns every outcome into an exit code.</summary>
/// <remarks>
/// Exit codes: <see cref="Ok"/> (0) on success, help and version; <see cref="BadInput"/> (2) for a bad command line or
/// bad input (also anything the library refuses with a <see cref="CxValidationException"/>), with one line per problem
/// on standard error (the first <see cref="ProblemLinesShown"/>, then a count); <see cref="Cancelled"/> (130) when the
/// user pressed Ctrl-C; <see cref="InternalError"/> (1) for anything unexpected, with a short message and no stack trace.
/// Nothing is written to standard output or <c>--output</c> unless the run succeeds. Every line on standard error shows
/// control characters of the input visibly (<c>\x1b</c>), so an echoed value can neither drive the terminal nor fake a
/// line.
/// </remarks>
internal static class CxApp
{
    public const int Ok = 0;
    public const int InternalError = 1;
    public const int BadInput = 2;
    public const int Cancelled = 130;
    public const int ProblemLinesShown = 20;

    /// <summary>How long a cancelled run may take to reach its next read or write before its output is abandoned.</summary>
    public static readonly TimeSpan CancelGrace = TimeSpan.FromMilliseconds(500);

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

        // Numbers, dates and option values are read and written in the invariant culture whatever the machine's (a
        // German machine read "--confidence 0.8" as 8), and the parser's own messages stay in English like the rest.
        CultureInfo culture = CultureInfo.CurrentCulture;
        CultureInfo uiCulture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        try
        {
            return RunInvariant(args, stdout, stderr, console);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }

    private static int RunInvariant(string[] args, TextWriter stdout, TextWriter stderr, CxConsole console)
    {
        try
        {
            Command root = CreateRoot(stdout, stderr, console);
            ParseResult parse = root.Parse(args);
            if (parse.Errors.Count > 0 && parse.Action is not HelpAction)
            {
                foreach (System.CommandLine.Parsing.ParseError error in parse.Errors)
                {
                    // System.CommandLine lists the allowed values on lines of their own ("Must be one of:\n\t'a'"): keep
                    // that layout, with every line made visible.
                    string[] lines = error.Message.Split("\n\t");
                    WriteLine(stderr, $"cx: {lines[0]}");
                    foreach (string line in lines.Skip(1))
                    {
                        stderr.WriteLine("\t" + Visible(line));
                    }
                }

                string command = parse.CommandResult.Command == root ? "cx" : $"cx {parse.CommandResult.Command.Name}";
                WriteLine(stderr, $"Run '{command} --help' for usage.");
                return BadInput;
            }

            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (OperationCanceledException) when (console.Cancellation.IsCancellationRequested)
        {
            WriteLine(stderr, "cx: cancelled; nothing was written.");
            return Cancelled;
        }
        catch (BadInputException ex)
        {
            WriteProblems(stderr, ex);
            return BadInput;
        }
        catch (CxValidationException ex)
        {
            // The library refused the input (a total that does not fit, a date outside its range...): bad input, not a bug.
            foreach (CxValidationFailure failure in ex.Failures.Take(ProblemLinesShown))
            {
                WriteLine(stderr, $"cx: {failure}");
            }

            if (ex.TotalFailureCount > ProblemLinesShown)
            {
                WriteLine(stderr, string.Create(CultureInfo.InvariantCulture, $"... and {ex.TotalFailureCount - ProblemLinesShown} more"));
            }

            WriteLine(stderr, "cx: the input cannot be computed as it is; nothing was written.");
            return BadInput;
        }
        catch (OutOfMemoryException)
        {
            WriteLine(stderr, "cx: out of memory; the input is too large for this machine.");
            return InternalError;
        }
#pragma warning disable CA1031 // The tool's last line of defence: any other failure becomes exit code 1 and a short message.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            WriteLine(stderr, $"cx: internal error: {ex.GetType().Name}: {FirstLine(ex.Message)}");
            WriteLine(stderr, "cx: this is a bug in cx; please report it with the command you ran.");
            return InternalError;
        }
    }

    /// <summary>Renders a line for a terminal: control characters (ESC, CR, LF, DEL, C1), bidirectional overrides and unpaired
    /// surrogates appear as escapes such as <c>\x1b</c> or <c>\u202e</c>, so that text from the input can neither move the
    /// cursor, recolour the screen nor start a line of its own.</summary>
    internal static string Visible(string text)
    {
        StringBuilder? escaped = null;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            bool hostile = c < ' ' || c is >= '\u007f' and <= '\u009f' || c is >= '\u202a' and <= '\u202e' || c is >= '\u2066' and <= '\u2069' || c is '\u200e' or '\u200f' or '\u061c'
                || (char.IsSurrogate(c) && !pair && !(char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1])));
            if (!hostile)
            {
                escaped?.Append(c);
                continue;
            }

            escaped ??= new StringBuilder(text, 0, i, text.Length + 16);
            escaped.Append(c <= '\u00ff' ? string.Create(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}") : string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"));
        }

        return escaped?.ToString() ?? text;
    }

    /// <summary>Writes one line to standard error, made <see cref="Visible"/>.</summary>
    internal static void WriteLine(TextWriter stderr, string line) => stderr.WriteLine(Visible(line));

    private static Command CreateRoot(TextWriter stdout, TextWriter stderr, CxConsole console)
    {
        var root = new Command("cx", "Customer-experience metrics from your data, computed by Cx.Domain.")
        {
            new HelpOption(),
            new VersionOption(),
            MovementsCommand.Create(stdout, stderr, console),
            ReliabilityCommand.Create(stdout, stderr, console),
            SampleCommand.Create(stdout, console),
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
            WriteLine(stderr, $"cx: {ex.Message}");
            return;
        }

        foreach (InputProblem problem in ex.Problems.Take(ProblemLinesShown))
        {
            WriteLine(stderr, problem.Format(source));
        }

        if (ex.TotalCount > ProblemLinesShown)
        {
            WriteLine(stderr, string.Create(CultureInfo.InvariantCulture, $"... and {ex.TotalCount - ProblemLinesShown} more"));
        }

        WriteLine(stderr, string.Create(CultureInfo.InvariantCulture, $"cx: {ex.TotalCount} problem{(ex.TotalCount == 1 ? string.Empty : "s")} in {source}; nothing was written."));
    }

    private static string FirstLine(string message)
    {
        int newline = message.IndexOfAny(['\r', '\n']);
        return newline < 0 ? message : message[..newline];
    }
}
