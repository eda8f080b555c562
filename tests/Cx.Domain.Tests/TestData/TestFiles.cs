namespace Cx.Domain.Tests.TestData;

/// <summary>Finds the repository root and the reference data sets in <c>tests/data</c> (copied there with their
/// licences, so that a clone of the repository alone passes the tests).</summary>
public static class TestFiles
{
    public static string RepositoryRoot
    {
        get
        {
            for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Cx.Domain.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException($"Cx.Domain.sln not found above {AppContext.BaseDirectory}.");
        }
    }

    public static string PathOf(string relative)
    {
        string path = Path.GetFullPath(Path.Combine(RepositoryRoot, "tests", "data", relative));
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"Reference data {relative} not found at {path}: it belongs in the repository (tests/data).", path);
    }
}
