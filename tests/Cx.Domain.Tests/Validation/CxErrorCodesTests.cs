using System.Reflection;
using Cx.Domain.Validation;

namespace Cx.Domain.Tests.Validation;

public sealed class CxErrorCodesTests
{
    private static IReadOnlyList<(string Name, string Code)> Constants() =>
        typeof(CxErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (f.Name, (string)f.GetRawConstantValue()!))
            .ToArray();

    private static string ErrorsDocument()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Cx.Domain.sln")))
            {
                string path = Path.Combine(dir.FullName, "docs", "errors.md");
                Assert.True(File.Exists(path), $"expected {path} next to Cx.Domain.sln");
                return File.ReadAllText(path);
            }
        }

        throw new InvalidOperationException($"No Cx.Domain.sln above {AppContext.BaseDirectory}.");
    }

    [Fact]
    public void Constants_Always_AreUniqueAndWellFormed()
    {
        IReadOnlyList<(string Name, string Code)> constants = Constants();

        Assert.True(constants.Count >= 20, $"expected the error codes, found {constants.Count}");
        Assert.All(constants, c => Assert.Matches("^CX[0-9]{4}$", c.Code));
        Assert.Equal(constants.Count, constants.Select(c => c.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotContain(typeof(CxErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static), f => !f.IsLiteral);
    }

    [Fact]
    public void ErrorsDocument_EveryConstant_HasASectionWithMeaningExampleAndFix()
    {
        string document = ErrorsDocument();
        string[] sections = document.Split("\n## ", StringSplitOptions.None);

        Assert.All(Constants(), c =>
        {
            string? section = sections.SingleOrDefault(s => s.StartsWith($"{c.Code} — {c.Name}\n", StringComparison.Ordinal));
            Assert.True(section is not null, $"docs/errors.md needs a section headed '## {c.Code} — {c.Name}'");
            Assert.Contains("**Meaning.**", section, StringComparison.Ordinal);
            Assert.Contains("**Example.**", section, StringComparison.Ordinal);
            Assert.Contains("**Fix.**", section, StringComparison.Ordinal);
            Assert.Contains($"| {c.Code} | `{c.Name}` |", document, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void ErrorsDocument_EveryCodeItMentions_IsAConstant()
    {
        HashSet<string> codes = Constants().Select(c => c.Code).ToHashSet(StringComparer.Ordinal);

        IEnumerable<string> mentioned = System.Text.RegularExpressions.Regex.Matches(ErrorsDocument(), "CX[0-9]{4}").Select(m => m.Value).Distinct();

        Assert.All(mentioned, code => Assert.Contains(code, codes));
    }
}
