using Cx.Domain.Tests.TestData;

namespace Cx.Domain.Tests.Reporting;

/// <summary>The notebook of <c>examples/sample-company.dib</c>: its C# runs after the package's extension, as the kernel
/// runs it, and every value it displays is shown by one of the extension's HTML formatters (or is text).</summary>
public sealed class SampleNotebookTests
{
    [Fact]
    public void SampleNotebook_RunsAndEveryDisplayedResultHasAnHtmlFormatter()
    {
        string notebook = File.ReadAllText(Path.Combine(TestFiles.RepositoryRoot, "examples", "sample-company.dib"));
        IReadOnlyList<string> cells = NotebookExtension.CSharpCells(notebook);
        string folder = Directory.CreateTempSubdirectory("cx-notebook-").FullName;
        string before = Environment.CurrentDirectory;
        (IReadOnlyList<(Type Type, string MimeType, Func<object, string> Format)> Formatters, IReadOnlyList<object> Displayed) run;
        try
        {
            Environment.CurrentDirectory = folder; // the last cell writes sample-company.html
            run = NotebookExtension.Run(cells);
            Assert.True(File.Exists(Path.Combine(folder, "sample-company.html")));
        }
        finally
        {
            Environment.CurrentDirectory = before;
            Directory.Delete(folder, recursive: true);
        }

        Assert.Contains(cells, c => c.Contains("#r \"nuget: Cx.Domain, ", StringComparison.Ordinal));
        Assert.Equal(12, run.Displayed.Count); // one per display( ) call of the notebook
        foreach (object value in run.Displayed.Where(v => v is not string))
        {
            (Type Type, string MimeType, Func<object, string> Format) formatter = Assert.Single(run.Formatters, f => f.Type.IsInstanceOfType(value));
            string html = formatter.Format(value);
            Assert.False(string.IsNullOrWhiteSpace(html), $"{value.GetType().Name} gave no HTML");
        }
    }
}
