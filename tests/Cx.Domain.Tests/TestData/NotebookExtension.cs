using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Cx.Domain.Tests.TestData;

/// <summary>Runs the C# cells of the package's notebook extension (<c>interactive-extensions/dotnet/extension.dib</c>)
/// as .NET Interactive would, against the library and a stand-in for the one API it calls
/// (<c>Microsoft.DotNet.Interactive.Formatting.Formatter.Register</c>), and returns the formatters it registered.</summary>
/// <remarks>The stand-in has the signature of the real <c>Formatter.Register&lt;T&gt;(Action&lt;T, TextWriter&gt;, string)</c>;
/// <c>.ci/run</c> also compiles the cells against the real package and the packed library.</remarks>
public static class NotebookExtension
{
    /// <summary>The stand-in for the formatting API: records each registration.</summary>
    private const string FormatterStandIn = """
        namespace Microsoft.DotNet.Interactive
        {
            public static class Kernel
            {
                public static readonly System.Collections.Generic.List<object> Displayed = new();

                public static void display(object value) => Displayed.Add(value);
            }
        }

        namespace Microsoft.DotNet.Interactive.Formatting
        {
            public static class Formatter
            {
                public static readonly System.Collections.Generic.List<(System.Type Type, string MimeType, System.Func<object, string> Format)> Registered = new();

                public static void Register<T>(System.Action<T, System.IO.TextWriter> formatter, string mimeType = "text/plain")
                {
                    Registered.Add((typeof(T), mimeType, value =>
                    {
                        using var writer = new System.IO.StringWriter(System.Globalization.CultureInfo.InvariantCulture);
                        formatter((T)value, writer);
                        return writer.ToString();
                    }));
                }
            }
        }
        """;

    /// <summary>Gets the path of the extension in the source tree.</summary>
    public static string Path { get; } = System.IO.Path.Combine(TestFiles.RepositoryRoot, "src", "Cx.Domain", "interactive-extensions", "dotnet", "extension.dib");

    /// <summary>Returns the C# cells of a .dib document, in order.</summary>
    public static IReadOnlyList<string> CSharpCells(string dib)
    {
        var cells = new List<string>();
        string? kernel = null;
        var cell = new List<string>();
        foreach (string line in dib.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (line.StartsWith("#!", StringComparison.Ordinal))
            {
                Flush();
                kernel = line[2..].Trim();
                continue;
            }

            cell.Add(line);
        }

        Flush();
        return cells;

        void Flush()
        {
            if (kernel is "csharp" or "c#" && cell.Count > 0)
            {
                cells.Add(string.Join('\n', cell));
            }

            cell.Clear();
        }
    }

    /// <summary>Compiles and runs the extension's C# cells; returns each registered formatter by type and MIME type.</summary>
    /// <exception cref="InvalidOperationException">The cells do not compile; the message lists the errors.</exception>
    public static IReadOnlyList<(Type Type, string MimeType, Func<object, string> Format)> Load() => Run([]).Formatters;

    /// <summary>Runs the extension's cells, then a notebook's C# cells (without their <c>#r</c> and <c>#i</c> directives) as one
    /// program, as the kernel would after loading the package; <c>display(value)</c> records the value.</summary>
    /// <param name="notebookCells">The notebook's C# cells, in order.</param>
    /// <returns>The formatters registered and the values displayed.</returns>
    /// <exception cref="InvalidOperationException">The cells do not compile; the message lists the errors.</exception>
    public static (IReadOnlyList<(Type Type, string MimeType, Func<object, string> Format)> Formatters, IReadOnlyList<object> Displayed) Run(IEnumerable<string> notebookCells)
    {
        IEnumerable<string> withoutDirectives = notebookCells.Select(c => string.Join('\n', c.Split('\n').Where(l => !l.StartsWith("#r ", StringComparison.Ordinal) && !l.StartsWith("#i ", StringComparison.Ordinal))));
        List<string> cells = [.. CSharpCells(File.ReadAllText(Path)), .. withoutDirectives];

        // Usings of every cell go first, as the kernel keeps them for the whole session.
        string[] lines = [.. cells.SelectMany(c => c.Split('\n'))];
        string code = "using static Microsoft.DotNet.Interactive.Kernel;\n" +
            string.Join('\n', lines.Where(l => l.StartsWith("using ", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal)) + "\n" +
            string.Join('\n', lines.Where(l => !l.StartsWith("using ", StringComparison.Ordinal)));
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(System.IO.Path.PathSeparator);
        MetadataReference[] references =
        [
            .. trusted.Where(p => System.IO.Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || System.IO.Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
                .Select(p => MetadataReference.CreateFromFile(p)),
            MetadataReference.CreateFromFile(typeof(Cx.Domain.Primitives.Money).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(NodaTime.Instant).Assembly.Location),
        ];
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        CSharpCompilation compilation = CSharpCompilation.Create(
            "CxNotebookExtension" + Guid.NewGuid().ToString("N"),
            [CSharpSyntaxTree.ParseText(code, parse, "extension.dib"), CSharpSyntaxTree.ParseText(FormatterStandIn, parse, "Formatter.cs")],
            references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult emitted = compilation.Emit(image);
        Diagnostic[] problems = [.. emitted.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning)];
        if (!emitted.Success || problems.Length > 0)
        {
            throw new InvalidOperationException("extension.dib does not compile cleanly:\n" + string.Join('\n', problems.Select(d => d.ToString())));
        }

        Assembly assembly = AssemblyLoadContext.Default.LoadFromStream(new MemoryStream(image.ToArray()));
        assembly.EntryPoint!.Invoke(null, [Array.Empty<string>()]);
        object registered = assembly.GetType("Microsoft.DotNet.Interactive.Formatting.Formatter")!.GetField("Registered")!.GetValue(null)!;
        object displayed = assembly.GetType("Microsoft.DotNet.Interactive.Kernel")!.GetField("Displayed")!.GetValue(null)!;
        return ((List<(Type, string, Func<object, string>)>)registered, (List<object>)displayed);
    }
}
