using System.Reflection;
using System.Text;

namespace Cx.Domain.Tests.Robustness;

/// <summary>The bars of issue #13 on the harness's run (see FuzzHarness.cs): no unexpected exception, no wrong result, no
/// hang, no runaway memory, and every exception thrown is in its member's documentation.</summary>
public sealed class FuzzTests
{
    /// <summary>The namespaces whose every public member the harness drives; a new module adds its own.</summary>
    public static readonly IReadOnlyCollection<string> CoveredNamespaces =
    [
        "Cx.Domain.Primitives", "Cx.Domain.Assets", "Cx.Domain.Journey", "Cx.Domain.Attribution", "Cx.Domain.Reliability", "Cx.Domain.Samples",
        "Cx.Domain.Validation", "Cx.Domain.DependencyInjection", "Microsoft.Extensions.DependencyInjection",
        "Cx.Domain.Listening", "Cx.Domain.Reporting", "Cx.Domain.EarlyWarning", "Cx.Domain.Value",
    ];

    private static string Report(IEnumerable<FuzzFinding> findings)
    {
        FuzzFinding[] all = [.. findings];
        var text = new StringBuilder().Append(all.Length).Append(" finding(s):\n");
        foreach (FuzzFinding f in all.GroupBy(f => (f.Kind, f.Member)).Select(g => g.First()).Take(40))
        {
            text.Append(f).Append('\n');
        }

        return text.ToString();
    }

    [Fact]
    public void Fuzz_EveryEntryPoint_NoUnexpectedExceptionWrongResultHangOrRunawayMemory()
    {
        FuzzRun run = FuzzHarness.Result;
        if (Environment.GetEnvironmentVariable("CX_FUZZ_REPORT") is { Length: > 0 } path)
        {
            File.WriteAllText(path, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{run.CaseCounts.Values.Sum()} cases over {run.Members.Count} members; slowest targets:\n{string.Join("\n", run.Elapsed.OrderByDescending(e => e.Value).Take(12).Select(e => $"  {e.Value.TotalSeconds:F2} s {e.Key}"))}\n") + string.Join("\n", run.Findings), new System.Text.UTF8Encoding(false));
        }

        Assert.True(run.CaseCounts.Values.Sum() >= run.Members.Count * Math.Min(FuzzHarness.CasesPerTarget, 5), "the harness ran too few cases");
        Assert.True(run.Findings.Count == 0, Report(run.Findings));
    }

    [Fact]
    public void DocumentedExceptions_CoverWhatTheFuzzerThrows()
    {
        FuzzRun run = FuzzHarness.Result;
        Dictionary<string, MemberInfo> members = run.Members.ToDictionary(DocIds.Of, StringComparer.Ordinal);
        var missing = run.Thrown
            .Where(t => !XmlDocs.Documents(members[t.Key.Member], t.Key.Exception))
            .Select(t => $"{t.Key.Member} throws {t.Key.Exception.Name}, its docs list [{string.Join(", ", XmlDocs.ExceptionsOf(members[t.Key.Member]).Select(e => e.Cref))}] (input: {t.Value})")
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(missing.Count == 0, $"{missing.Count} undocumented exception type(s):\n" + string.Join("\n", missing.Take(40)));
    }

    [Fact]
    public void DocumentedExceptions_EveryCrefIsAnExceptionType()
    {
        var bad = FuzzHarness.PublicMembers(CoveredNamespaces)
            .SelectMany(m => XmlDocs.ExceptionsOf(m).Where(e => e.Type is null || !typeof(Exception).IsAssignableFrom(e.Type)).Select(e => $"{DocIds.Of(m)}: {e.Cref}"))
            .ToList();

        Assert.True(bad.Count == 0, string.Join("\n", bad));
    }

    [Fact]
    public void EveryPublicMember_IsFuzzed()
    {
        FuzzRegistry registry = FuzzHarness.BuildRegistry();
        var unreached = FuzzHarness.PublicMembers(CoveredNamespaces)
            .Where(m => !registry.Manual.ContainsKey(m) && registry.Values.CasesFor(m, registry) is null)
            .Select(DocIds.Of)
            .ToList();

        Assert.True(unreached.Count == 0, $"the harness cannot call {unreached.Count} public member(s); register generators for their parameter types or a hand-written target:\n" + string.Join("\n", unreached));
    }

    [Fact]
    public void EveryPublicMember_HasDocumentation()
    {
        // A class without a constructor gets the compiler's parameterless one, which has no documentation comment to carry.
        var undocumented = FuzzHarness.PublicMembers(CoveredNamespaces)
            .Where(m => !XmlDocs.HasEntry(m) && !(m is ConstructorInfo { IsStatic: false } c && c.GetParameters().Length == 0))
            .Select(DocIds.Of)
            .ToList();

        Assert.True(undocumented.Count == 0, "doc ids not found in Cx.Domain.xml (the harness computes them wrongly, or the member lacks docs):\n" + string.Join("\n", undocumented));
    }
}
