using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Cx.Domain.Primitives;

namespace Cx.Domain.Tests.Architecture;

/// <summary>The shape rules of STYLE.md and DESIGN.md, checked by reflection over the Cx.Domain assembly.</summary>
public sealed class ArchitectureTests
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Assembly Domain = typeof(Money).Assembly;

    private static readonly Type[] PublicTypes = Domain.GetExportedTypes();

    private static string Describe(IEnumerable<string> offenders) => "\n  " + string.Join("\n  ", offenders);

    private static bool IsOptionsType(Type type) => type.Name.EndsWith("Options", StringComparison.Ordinal);

    private static bool IsInit(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));

    [Fact]
    public void PublicTypes_Always_Exist()
    {
        Assert.Contains(typeof(Money), PublicTypes);
        Assert.True(PublicTypes.Length > 40, $"expected the library's public types, found {PublicTypes.Length}");
    }

    [Fact]
    public void PublicClasses_Always_AreSealedAbstractOrStatic()
    {
        string[] offenders = PublicTypes
            .Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract && !typeof(Delegate).IsAssignableFrom(t))
            .Select(t => t.FullName!)
            .ToArray();

        Assert.True(offenders.Length == 0, "Public classes must be sealed, abstract or static:" + Describe(offenders));
    }

    [Fact]
    public void PublicStructs_Always_AreReadonly()
    {
        Type[] structs = PublicTypes.Where(t => t.IsValueType && !t.IsEnum).ToArray();

        string[] offenders = structs
            .Where(t => !t.CustomAttributes.Any(a => a.AttributeType.FullName == "System.Runtime.CompilerServices.IsReadOnlyAttribute"))
            .Select(t => t.FullName!)
            .ToArray();

        Assert.Contains(typeof(Money), structs);
        Assert.True(offenders.Length == 0, "Public structs must be readonly:" + Describe(offenders));
    }

    [Fact]
    public void PublicProperties_OutsideOptionsTypes_HaveNoSetter()
    {
        string[] offenders = PublicTypes
            .Where(t => !IsOptionsType(t))
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(p => p.SetMethod is { IsPublic: true } setter && !IsInit(setter))
            .Select(p => $"{p.DeclaringType!.FullName}.{p.Name}")
            .ToArray();

        Assert.True(offenders.Length == 0, "Only option types may have public setters:" + Describe(offenders));
    }

    /// <summary>Input records whose <c>init</c> accessors are allowed: they carry no derived figures, and every entry point
    /// that consumes them validates them (STYLE.md: "an init accessor only where it re-validates"). Results never
    /// have init accessors.</summary>
    private static readonly string[] KnownInitAccessorTypes =
    [
        "Cx.Domain.Assets.AssetPeriodValue",
        "Cx.Domain.Assets.AssetRecord",
        "Cx.Domain.Assets.QuantityRecord",
        "Cx.Domain.Journey.ExperienceEvent",
        "Cx.Domain.Journey.JourneyFrameworkDefinition",
        "Cx.Domain.Listening.FeedbackSignal",
        "Cx.Domain.Reliability.PeriodAggregate",
        "Cx.Domain.Reliability.ReliabilityMeasurement",
        "Cx.Domain.Reliability.ReliabilityStandardDefinition",
        "Cx.Domain.Value.CustomerSummary",
    ];

    /// <summary>Types with <see cref="IEquatable{T}"/> but no <c>==</c>/<c>!=</c>; the list is empty and stays so
    /// (STYLE.md: "equality is complete").</summary>
    private static readonly string[] KnownTypesWithoutEqualityOperators = [];

    [Fact]
    public void PublicProperties_OutsideOptionsTypes_HaveNoInitAccessorBeyondTheKnownList()
    {
        string[] typesWithInit = PublicTypes
            .Where(t => !IsOptionsType(t))
            .Where(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Any(p => p.SetMethod is { IsPublic: true } setter && IsInit(setter)))
            .Select(t => t.FullName!)
            .Order(StringComparer.Ordinal)
            .ToArray();

        string[] added = typesWithInit.Except(KnownInitAccessorTypes).ToArray();
        string[] fixedOnes = KnownInitAccessorTypes.Except(typesWithInit).ToArray();
        Assert.True(added.Length == 0, "Init accessors count as setters; only option types may have them:" + Describe(added));
        Assert.True(fixedOnes.Length == 0, "These types no longer have init accessors; remove them from KnownInitAccessorTypes:" + Describe(fixedOnes));
    }

    [Fact]
    public void EquatableTypes_Always_DefineEqualityOperatorsBeyondTheKnownList()
    {
        string[] missing = PublicTypes
            .Where(t => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEquatable<>) && i.GetGenericArguments()[0] == t))
            .Where(t => t.GetMethod("op_Equality", [t, t]) is null || t.GetMethod("op_Inequality", [t, t]) is null)
            .Select(t => t.FullName!)
            .Order(StringComparer.Ordinal)
            .ToArray();

        string[] added = missing.Except(KnownTypesWithoutEqualityOperators).ToArray();
        string[] fixedOnes = KnownTypesWithoutEqualityOperators.Except(missing).ToArray();
        Assert.True(added.Length == 0, "IEquatable<T> types need == and != that agree with Equals:" + Describe(added));
        Assert.True(fixedOnes.Length == 0, "These types now define == and !=; remove them from KnownTypesWithoutEqualityOperators:" + Describe(fixedOnes));
    }

    [Fact]
    public void OptionsTypes_Always_AreSealedClassesWithAParameterlessConstructor()
    {
        Type[] options = PublicTypes.Where(IsOptionsType).ToArray();

        Assert.NotEmpty(options);
        Assert.All(options, t =>
        {
            Assert.True(t.IsClass && t.IsSealed, $"{t} should be a sealed class");
            Assert.NotNull(t.GetConstructor(Type.EmptyTypes));
        });
    }

    [Fact]
    public void PublicEnums_Always_HaveAZeroMemberNamedUnknownOrNone()
    {
        Type[] enums = PublicTypes.Where(t => t.IsEnum).ToArray();

        string[] offenders = enums
            .Where(t => Enum.GetName(t, Activator.CreateInstance(t)!) is not ("Unknown" or "None"))
            .Select(t => t.FullName!)
            .ToArray();

        Assert.NotEmpty(enums);
        Assert.True(offenders.Length == 0, "Public enums need a zero member named Unknown or None:" + Describe(offenders));
    }

    [Fact]
    public void PublicTypes_Always_LiveInTheNamespaceOfTheirFolder()
    {
        string source = Path.Combine(RepositoryRoot(), "src", "Cx.Domain");
        string[] files = Directory.GetFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToArray();
        var offenders = new List<string>();

        foreach (Type type in PublicTypes.Where(t => !t.IsNested))
        {
            string name = type.Name.Split('`')[0];
            string[] typeFiles = files
                .Where(f => Path.GetFileName(f) == name + ".cs" || Path.GetFileName(f).StartsWith(name + ".", StringComparison.Ordinal))
                .ToArray();
            if (typeFiles.Length == 0)
            {
                offenders.Add($"{type.FullName}: no file named {name}.cs under src/Cx.Domain");
                continue;
            }

            foreach (string file in typeFiles)
            {
                string[] folders = Path.GetRelativePath(source, Path.GetDirectoryName(file)!).Split(Path.DirectorySeparatorChar);
                string area = folders[0];
                string expected = type.Name == "CxDomainServiceCollectionExtensions" && area == "DependencyInjection"
                    ? "Microsoft.Extensions.DependencyInjection"
                    : "Cx.Domain." + area;
                if (folders.Length != 1 || area == ".")
                {
                    offenders.Add($"{type.FullName}: {Path.GetRelativePath(source, file)} is not in an area folder directly under src/Cx.Domain");
                }
                else if (type.Namespace != expected)
                {
                    offenders.Add($"{type.FullName}: in folder {area}, expected namespace {expected}");
                }
                else if (!File.ReadAllText(file).Contains($"namespace {expected};", StringComparison.Ordinal))
                {
                    offenders.Add($"{type.FullName}: {Path.GetRelativePath(source, file)} does not declare namespace {expected}");
                }
            }
        }

        Assert.True(offenders.Count == 0, "Public types must live in the namespace of their folder:" + Describe(offenders));
    }

    [Fact]
    public void PublicTypes_OutsideTheDependencyInjectionExtensions_AreInCxDomainAreaNamespaces()
    {
        string[] offenders = PublicTypes
            .Where(t => t.Name != "CxDomainServiceCollectionExtensions")
            .Where(t => t.Namespace is null || !Regex.IsMatch(t.Namespace, "^Cx\\.Domain\\.[A-Z][A-Za-z]+$") || t.Namespace == "Cx.Domain.Internal")
            .Select(t => t.FullName!)
            .ToArray();

        Assert.True(offenders.Length == 0, "Public types belong in Cx.Domain.<Area> (never Internal):" + Describe(offenders));
        Assert.Equal("Microsoft.Extensions.DependencyInjection", PublicTypes.Single(t => t.Name == "CxDomainServiceCollectionExtensions").Namespace);
    }

    [Theory]
    [InlineData("Cx.Domain.Primitives", new[] { "Cx.Domain.Assets", "Cx.Domain.Validation", "Cx.Domain.DependencyInjection", "Microsoft.Extensions.DependencyInjection", "FluentValidation" })]
    [InlineData("Cx.Domain.Assets", new[] { "Cx.Domain.DependencyInjection", "Microsoft.Extensions.DependencyInjection" })]
    [InlineData("Cx.Domain.Validation", new[] { "Cx.Domain.DependencyInjection", "Microsoft.Extensions.DependencyInjection" })]
    [InlineData("Cx.Domain.Reliability", new[] { "Cx.Domain.Assets", "Cx.Domain.Samples", "Cx.Domain.DependencyInjection", "Microsoft.Extensions.DependencyInjection" })]
    [InlineData("Cx.Domain.Listening", new[] { "Cx.Domain.Attribution", "Cx.Domain.Reliability", "Cx.Domain.Samples", "Cx.Domain.DependencyInjection", "Microsoft.Extensions.DependencyInjection" })]
    [InlineData("Cx.Domain.Value", new[] { "Cx.Domain.Reliability", "Cx.Domain.Attribution", "Cx.Domain.Samples", "Cx.Domain.DependencyInjection", "Microsoft.Extensions.DependencyInjection" })]
    [InlineData("Cx.Domain.EarlyWarning", new[] { "Cx.Domain.Samples", "Cx.Domain.Reporting", "Cx.Domain.DependencyInjection", "Microsoft.Extensions.DependencyInjection" })]
    public void Modules_Always_DependDownwardOnly(string module, string[] forbidden)
    {
        Type[] types = Domain.GetTypes().Where(t => t.Namespace == module).ToArray();
        var offenders = new SortedSet<string>(StringComparer.Ordinal);

        foreach (Type type in types)
        {
            foreach ((string where, Type referenced) in SignatureReferences(type))
            {
                foreach (Type t in Expand(referenced))
                {
                    if (t.Namespace is { } ns && forbidden.Any(f => ns == f || ns.StartsWith(f + ".", StringComparison.Ordinal)))
                    {
                        offenders.Add($"{type.FullName} {where} uses {t.FullName}");
                    }
                }
            }
        }

        Assert.NotEmpty(types);
        Assert.True(offenders.Count == 0, $"{module} must not depend on {string.Join(", ", forbidden)}:" + Describe(offenders));
    }

    [Fact]
    public void SignatureReferences_OfATypeUsingAnother_FindsIt()
    {
        // Guards the dependency check itself: both types mention Currency in their signatures.
        Assert.Contains(typeof(Currency), SignatureReferences(typeof(Money)).SelectMany(r => Expand(r.Type)));
        Assert.Contains(typeof(Currency), SignatureReferences(typeof(CurrencyMismatchException)).SelectMany(r => Expand(r.Type)));
    }

    private static IEnumerable<(string Where, Type Type)> SignatureReferences(Type type)
    {
        if (type.BaseType is { } baseType)
        {
            yield return ("derives from", baseType);
        }

        foreach (Type i in type.GetInterfaces())
        {
            yield return ("implements", i);
        }

        foreach (CustomAttributeData a in type.CustomAttributes)
        {
            yield return ("is marked with", a.AttributeType);
        }

        foreach (FieldInfo f in type.GetFields(Declared))
        {
            yield return ($"field {f.Name}", f.FieldType);
        }

        foreach (PropertyInfo p in type.GetProperties(Declared))
        {
            yield return ($"property {p.Name}", p.PropertyType);
        }

        foreach (EventInfo e in type.GetEvents(Declared))
        {
            yield return ($"event {e.Name}", e.EventHandlerType!);
        }

        foreach (MethodBase m in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            if (m is MethodInfo method)
            {
                yield return ($"method {m.Name} returns", method.ReturnType);
                foreach (Type g in method.IsGenericMethodDefinition ? method.GetGenericArguments() : [])
                {
                    yield return ($"method {m.Name} type parameter", g);
                }
            }

            foreach (ParameterInfo p in m.GetParameters())
            {
                yield return ($"method {m.Name} parameter {p.Name}", p.ParameterType);
            }

            MethodBody? body = m.GetMethodBody();
            foreach (LocalVariableInfo local in body?.LocalVariables ?? [])
            {
                yield return ($"method {m.Name} local", local.LocalType);
            }
        }

        foreach (Type nested in type.GetNestedTypes(Declared))
        {
            foreach ((string where, Type t) in SignatureReferences(nested))
            {
                yield return ($"(nested {nested.Name}) {where}", t);
            }
        }
    }

    private static IEnumerable<Type> Expand(Type type)
    {
        if (type.HasElementType)
        {
            foreach (Type t in Expand(type.GetElementType()!))
            {
                yield return t;
            }

            yield break;
        }

        if (type.IsGenericParameter)
        {
            foreach (Type constraint in type.GetGenericParameterConstraints())
            {
                foreach (Type t in Expand(constraint))
                {
                    yield return t;
                }
            }

            yield break;
        }

        yield return type;
        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            foreach (Type t in type.GetGenericArguments().SelectMany(Expand))
            {
                yield return t;
            }
        }
    }

    private static string RepositoryRoot()
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
}
