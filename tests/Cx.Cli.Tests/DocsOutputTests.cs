using System.Text;
using System.Text.RegularExpressions;
using Cx.Cli.Tests.TestData;

namespace Cx.Cli.Tests;

/// <summary>Docs that cannot go stale: every command output shown in <c>README.md</c> and <c>docs/</c> sits in a fenced
/// block tagged with the command that produces it, and this test runs each command and compares.</summary>
/// <remarks>
/// <para>The tag is an HTML comment (invisible on the rendered page) on the line before the block:
/// <c>&lt;!-- cx-output: ARGS --&gt;</c> for standard output, <c>&lt;!-- cx-stderr: ARGS --&gt;</c> for standard error, and
/// <c>head=N</c> or <c>tail=N</c> before the colon to show only the first or last N lines
/// (<c>&lt;!-- cx-output tail=7: reliability --sample --backtest --&gt;</c>).
/// ARGS are split like a shell's words (double quotes group); paths are relative to the repository root; the tool runs
/// as at a terminal (a table unless <c>--format</c> says otherwise).</para>
/// <para>When an output changes on purpose, run the tests with <c>CX_UPDATE_DOCS=1</c>: the blocks are rewritten in the
/// source tree; review the diff.</para>
/// </remarks>
public sealed partial class DocsOutputTests
{
    public static TheoryData<string> Documents => [.. DocumentPaths().Select(p => Path.GetRelativePath(RepositoryRoot, p))];

    [Fact]
    public void Docs_HaveTaggedOutputs()
    {
        int tags = DocumentPaths().Sum(p => Tag().Count(File.ReadAllText(p)));

        Assert.True(tags >= 8, $"expected the outputs in docs/ to be tagged, found {tags} tags");
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void TaggedOutputs_AreWhatTheCommandsPrint(string document)
    {
        string path = Path.Combine(RepositoryRoot, document);
        string text = File.ReadAllText(path).ReplaceLineEndings("\n");
        var updated = new StringBuilder();
        var stale = new List<string>();
        int at = 0;
        foreach (Match m in TaggedBlock().Matches(text))
        {
            string args = m.Groups["args"].Value.Trim();
            int? count = m.Groups["count"].Success ? int.Parse(m.Groups["count"].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
            bool tail = m.Groups["part"].Value == "tail";
            CliRun run = Tool.Run(CxConsole.Redirected with { IsOutputRedirected = false }, [.. Words(args).Select(Resolve)]);
            bool stderr = m.Groups["stream"].Value == "stderr";
            Assert.True(stderr ? run.ExitCode != 0 : run.ExitCode == 0, $"{document}: 'cx {args}' exited with {run.ExitCode}: {run.Stderr}");
            string actual = Shown(stderr ? run.Stderr : run.Stdout, count, tail);
            string shown = m.Groups["body"].Value;
            if (!string.Equals(actual, shown, StringComparison.Ordinal))
            {
                stale.Add($"'cx {args}' in {document} (line {text[..m.Index].Count(c => c == '\n') + 1}) now prints:\n{actual}");
            }

            Group body = m.Groups["body"];
            updated.Append(text, at, body.Index - at).Append(actual);
            at = body.Index + body.Length;
        }

        updated.Append(text, at, text.Length - at);
        Assert.True(Tag().Count(text) == TaggedBlock().Count(text), $"{document}: a cx-output or cx-stderr tag is not followed by a fenced block");
        if (Environment.GetEnvironmentVariable("CX_UPDATE_DOCS") == "1" && stale.Count > 0)
        {
            File.WriteAllText(path, updated.ToString());
            return;
        }

        Assert.True(stale.Count == 0, "Outputs shown in the docs are stale (run the tests with CX_UPDATE_DOCS=1 to rewrite them):\n" + string.Join("\n", stale));
    }

    /// <summary>The lines a block shows: the output, or its first or last <paramref name="count"/> lines, ending with a line end.</summary>
    private static string Shown(string output, int? count, bool tail)
    {
        string[] lines = output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        return string.Join('\n', count is not { } n ? lines : tail ? lines.TakeLast(n) : lines.Take(n)) + "\n";
    }

    private static string Resolve(string arg)
    {
        string candidate = Path.Combine(RepositoryRoot, arg);
        return !arg.StartsWith('-') && arg.Contains('/', StringComparison.Ordinal) && File.Exists(candidate) ? candidate : arg;
    }

    /// <summary>Splits a command line into words; double quotes group words and are removed.</summary>
    internal static IEnumerable<string> Words(string args)
    {
        var word = new StringBuilder();
        bool quoted = false;
        bool any = false;
        foreach (char c in args)
        {
            if (c == '"')
            {
                quoted = !quoted;
                any = true;
            }
            else if (char.IsWhiteSpace(c) && !quoted)
            {
                if (any)
                {
                    yield return word.ToString();
                    word.Clear();
                    any = false;
                }
            }
            else
            {
                word.Append(c);
                any = true;
            }
        }

        if (any)
        {
            yield return word.ToString();
        }
    }

    private static IEnumerable<string> DocumentPaths() =>
        Directory.GetFiles(Path.Combine(RepositoryRoot, "docs"), "*.md", SearchOption.AllDirectories).Prepend(Path.Combine(RepositoryRoot, "README.md")).Order(StringComparer.Ordinal);

    private static string RepositoryRoot { get; } = FindRoot();

    private static string FindRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Cx.Domain.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Cx.Domain.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"<!-- cx-(output|stderr)")]
    private static partial Regex Tag();

    /// <summary>A tag, then (after optional blank lines) a fenced block; the body is everything between the fences.</summary>
    [GeneratedRegex(@"<!-- cx-(?<stream>output|stderr)(?: (?<part>head|tail)=(?<count>[0-9]+))?: (?<args>.+?) -->\n(?:\n)*```[a-z]*\n(?<body>(?:.*\n)*?)```", RegexOptions.None)]
    private static partial Regex TaggedBlock();
}
