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
        string page = Path.Combine(folder, "sample-company.html");
        (IReadOnlyList<(Type Type, string MimeType, Func<object, string> Format)> Formatters, IReadOnlyList<object> Displayed) run;
        try
        {
            // The last cell writes sample-company.html to the notebook's folder: here, a temporary one.
            run = NotebookExtension.Run(cells.Select(c => c.Replace("\"sample-company.html\"", "@\"" + page + "\"", StringComparison.Ordinal)));
            Assert.True(File.Exists(page));
        }
        finally
        {
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
