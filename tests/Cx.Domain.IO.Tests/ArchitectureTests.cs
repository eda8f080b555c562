using System.Reflection;

namespace Cx.Domain.IO.Tests;

/// <summary>The shape rules of STYLE.md for the package's public types: classes sealed, abstract or static; structs
/// readonly; no public setters outside option types; every public type in <c>Cx.Domain.IO</c>.</summary>
public sealed class ArchitectureTests
{
    private static readonly Type[] PublicTypes = typeof(RevenueFileReader).Assembly.GetExportedTypes();

    [Fact]
    public void PublicTypes_Always_FollowTheShapeRules()
    {
        Assert.Contains(typeof(RevenueFileReader), PublicTypes);
        Assert.All(PublicTypes, t => Assert.Equal("Cx.Domain.IO", t.Namespace));
        Assert.Empty(PublicTypes.Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract).Select(t => t.FullName));
        Assert.Empty(PublicTypes.Where(t => t.IsValueType && !t.IsEnum && !t.CustomAttributes.Any(a => a.AttributeType.Name == "IsReadOnlyAttribute")).Select(t => t.FullName));
        Assert.Empty(PublicTypes
            .Where(t => !t.Name.EndsWith("Options", StringComparison.Ordinal))
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(p => p.SetMethod is { IsPublic: true })
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}"));
    }

    [Fact]
    public void Package_DependsOnlyOnTheCoreParquetSharpAndArrow()
    {
        string[] references = [.. typeof(RevenueFileReader).Assembly.GetReferencedAssemblies().Select(a => a.Name!)
            .Where(n => !n.StartsWith("System", StringComparison.Ordinal) && n != "netstandard" && n != "mscorlib")
            .Order(StringComparer.Ordinal)];

        Assert.Equal(["Apache.Arrow", "Apache.Arrow.Compression", "Cx.Domain", "FluentValidation", "NodaTime", "ParquetSharp"], references);
    }
}
