using System.Text.RegularExpressions;
using Cx.Domain.Tests.TestData;

namespace Cx.Domain.Tests.Readme;

/// <summary>The README is also the package's readme on nuget.org, where relative links break: every link is absolute,
/// and every link into this repository names a file or folder that exists.</summary>
public sealed partial class ReadmeLinkTests
{
    private const string Repository = "https://github.com/cx-domain/cx-domain/blob/main/";

    [Fact]
    public void Readme_Links_AreAbsoluteAndPointToExistingFiles()
    {
        string readme = File.ReadAllText(Path.Combine(TestFiles.RepositoryRoot, "README.md"));
        string[] links = [.. Link().Matches(readme).Select(m => m.Groups["target"].Value)];

        Assert.NotEmpty(links);
        foreach (string link in links)
        {
            Assert.True(link.StartsWith("https://", StringComparison.Ordinal) || link.StartsWith('#'), $"relative link in README.md: {link} (write {Repository}{link})");
            if (link.StartsWith(Repository, StringComparison.Ordinal))
            {
                string path = Path.Combine(TestFiles.RepositoryRoot, link[Repository.Length..].Split('#')[0]);
                Assert.True(File.Exists(path) || Directory.Exists(path), $"README.md links to {link}, which is not in the repository");
            }
        }
    }

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex Link();
}
