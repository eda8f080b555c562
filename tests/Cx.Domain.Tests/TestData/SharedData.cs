namespace Cx.Domain.Tests.TestData;

/// <summary>Finds the project's reference data sets in <c>../shared/data</c>, beside the repository.</summary>
public static class SharedData
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
        string path = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data", relative));
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"Reference data {relative} not found at {path}: clone the repository beside shared/.", path);
    }
}
