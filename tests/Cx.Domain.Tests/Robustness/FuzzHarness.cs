// The fuzz harness: hostile and extreme input through every public entry point of Cx.Domain.
//
// How it works
//   Every public method and constructor of the covered namespaces (FuzzTests.CoveredNamespaces) is a target. The harness
//   draws arguments for it from FuzzValues, a registry of FsCheck generators by parameter type (NodaTime's minimum and
//   maximum dates and instants, int and long extremes, NaN and infinities, huge durations, invalid UTF-16, mutated JSON,
//   and ordinary values in between), calls it by reflection, and judges the outcome:
//     - an exception must be CxValidationException or a type the member's XML docs list in <exception> (or a base of it);
//       the reflection test (FuzzTests.DocumentedExceptions_CoverWhatTheFuzzerThrows) checks the docs list each one;
//     - a result must obey the member's laws (FuzzLaws: a bridge reconciles, a sum is exact, JSON round-trips...) and the
//       general ones (ToString works, Equals is reflexive, nothing leaks the culture);
//     - every case runs under a hostile culture (odd decimal, group and negative signs): a message or ToString holding one
//       of its marks formats a number in the current culture instead of the invariant one;
//     - a case must end within FuzzHarness.CaseTimeout and allocate at most its memory bound.
//   Members with ref-struct parameters (spans) or that need a calculation's context have hand-written targets.
//
// Size
//   By default every target gets CX_FUZZ_CASES = 12 cases from seed CX_FUZZ_SEED = 13, a few seconds in all. The
//   coordinator's larger fixed-seed run:  CX_FUZZ_CASES=1000 dotnet test tests/Cx.Domain.Tests --filter FullyQualifiedName~Fuzz
//
// Adding a module (Listening, Value, EarlyWarning, Reporting...)
//   1. Add its namespace to FuzzTests.CoveredNamespaces.
//   2. Add a class implementing IFuzzModule next to its tests (say Listening/ListeningFuzz.cs); it is found by reflection:
//        public sealed class ListeningFuzz : IFuzzModule
//        {
//            public void Register(FuzzRegistry r)
//            {
//                r.Values.Add(FuzzValues.Frequency((3, ordinarySignals), (1, extremeSignals)));   // generators of its types
//                r.Law<SurveyScore>(typeof(SurveyMetrics), nameof(SurveyMetrics.Nps), (args, score) => ...);  // laws
//                r.Target(...);    // hand-written targets for span parameters
//            }
//        }
//   The coverage test (FuzzTests.EveryPublicMember_IsFuzzed) lists any member the harness cannot call yet.
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Xml.Linq;
using Cx.Domain.Validation;
using FsCheck;
using FsCheck.Fluent;

namespace Cx.Domain.Tests.Robustness;

/// <summary>A module's contribution to the fuzz harness: generators of its types, laws of its results, hand-written targets.</summary>
public interface IFuzzModule
{
    void Register(FuzzRegistry registry);
}

/// <summary>One call of a target: a readable description of the input and the call itself.</summary>
public sealed record FuzzCase(string Input, Func<object?> Call, Action<object?>? Law = null);

/// <summary>A hand-written target: the member whose docs list its exceptions, and its cases.</summary>
public sealed record FuzzTarget(MemberInfo Member, Gen<FuzzCase> Cases, long MaxAllocatedBytes = FuzzHarness.DefaultMaxAllocatedBytes);

/// <summary>What went wrong with one case.</summary>
public sealed record FuzzFinding(string Kind, string Member, string Input, string Detail)
{
    public override string ToString() => $"[{Kind}] {Member}\n    input: {Input}\n    {Detail}";
}

/// <summary>Where the generators, laws and hand-written targets of every module are collected.</summary>
public sealed class FuzzRegistry
{
    private readonly Dictionary<MemberInfo, List<Action<object?[], object?>>> _laws = [];

    public FuzzRegistry() => Values = new FuzzValues();

    public FuzzValues Values { get; }

    public List<FuzzTarget> Targets { get; } = [];

    /// <summary>Members the harness must not call generically (a hand-written target covers them, or they only make sense
    /// inside a calculation), with the reason.</summary>
    public Dictionary<MemberInfo, string> Manual { get; } = [];

    /// <summary>Members whose every case is expensive (the default sample company), with the most cases they get.</summary>
    public Dictionary<MemberInfo, int> CaseLimits { get; } = [];

    public void Target(FuzzTarget target)
    {
        Targets.Add(target);
        Manual.TryAdd(target.Member, "hand-written target");
    }

    /// <summary>A law of a member's result: <paramref name="law"/> gets the arguments (for an instance method, followed by the
    /// instance) and the result, and asserts.</summary>
    public void Law(MemberInfo member, Action<object?[], object?> law)
    {
        if (!_laws.TryGetValue(member, out List<Action<object?[], object?>>? list))
        {
            _laws[member] = list = [];
        }

        list.Add(law);
    }

    public IReadOnlyList<Action<object?[], object?>> LawsOf(MemberInfo member) =>
        _laws.TryGetValue(member, out List<Action<object?[], object?>>? list) ? list : [];
}

/// <summary>Runs the targets and collects findings; see the file header.</summary>
public static class FuzzHarness
{
    public const long DefaultMaxAllocatedBytes = 256L * 1024 * 1024;

    public static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(20);

    private static readonly Lazy<FuzzRun> Shared = new(() => Run(CasesPerTarget, Seed), LazyThreadSafetyMode.ExecutionAndPublication);

    public static int CasesPerTarget => int.TryParse(Environment.GetEnvironmentVariable("CX_FUZZ_CASES"), NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0 ? n : 12;

    public static ulong Seed => ulong.TryParse(Environment.GetEnvironmentVariable("CX_FUZZ_SEED"), NumberStyles.None, CultureInfo.InvariantCulture, out ulong s) ? s : 13;

    /// <summary>CX_FUZZ_ONLY: run only the targets whose doc id contains this text (to reproduce a finding: a target's cases
    /// depend only on the seed and its own doc id).</summary>
    public static string? Only => Environment.GetEnvironmentVariable("CX_FUZZ_ONLY") is { Length: > 0 } only ? only : null;

    /// <summary>The run every fuzz test reads (done once per test process).</summary>
    public static FuzzRun Result => Shared.Value;

    public static FuzzRegistry BuildRegistry()
    {
        var registry = new FuzzRegistry();
        foreach (Type type in typeof(FuzzHarness).Assembly.GetTypes().Where(t => typeof(IFuzzModule).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false }).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            ((IFuzzModule)Activator.CreateInstance(type)!).Register(registry);
        }

        return registry;
    }

    /// <summary>Every public method and constructor of the covered namespaces, in a stable order.</summary>
    public static IReadOnlyList<MethodBase> PublicMembers(IReadOnlyCollection<string> namespaces) =>
        [.. typeof(Cx.Domain.Primitives.Money).Assembly.GetExportedTypes()
            .Where(t => namespaces.Contains(t.Namespace ?? string.Empty) && !t.IsInterface && !typeof(Delegate).IsAssignableFrom(t))
            .Where(t => !t.FullName!.Contains('<', StringComparison.Ordinal)) // C# 14 extension blocks' marker types: their skeletons only carry the docs
            .SelectMany(t => t.GetMembers(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly).OfType<MethodBase>())
            .Where(IsEntryPoint)
            .OrderBy(DocIds.Of, StringComparer.Ordinal)];

    public static FuzzRun Run(int casesPerTarget, ulong seed)
    {
        FuzzRegistry registry = BuildRegistry();
        var findings = new ConcurrentBag<FuzzFinding>();
        var thrown = new ConcurrentDictionary<(string Member, Type Exception), string>();
        var counts = new ConcurrentDictionary<string, int>();
        var elapsed = new ConcurrentDictionary<string, TimeSpan>();
        var work = new List<(string Name, MemberInfo Member, Gen<FuzzCase> Cases, long MaxBytes)>();
        foreach (MethodBase member in PublicMembers(FuzzTests.CoveredNamespaces).Where(m => !registry.Manual.ContainsKey(m)))
        {
            if (registry.Values.CasesFor(member, registry) is { } cases)
            {
                work.Add((DocIds.Of(member), member, cases, DefaultMaxAllocatedBytes));
            }
        }

        work.AddRange(registry.Targets.Select(t => (DocIds.Of(t.Member), t.Member, t.Cases, t.MaxAllocatedBytes)));
        if (Only is { } only)
        {
            work.RemoveAll(w => !w.Name.Contains(only, StringComparison.Ordinal));
        }

        Parallel.ForEach(
            work.Select((w, i) => (w, i)),
            new ParallelOptions { MaxDegreeOfParallelism = 2 },
            item =>
            {
                (string name, MemberInfo member, Gen<FuzzCase> gen, long maxBytes) = item.w;
                FuzzCase[] cases;
                try
                {
                    int count = registry.CaseLimits.TryGetValue(member, out int limit) ? Math.Min(limit, casesPerTarget) : casesPerTarget;
                    cases = gen.Sample(count, new Rnd(seed + (StableHash(name) * 7919), 0x9E3779B97F4A7C15UL), 30);
                }
                catch (Exception e)
                {
                    findings.Add(new FuzzFinding("generator", name, "-", e.ToString()));
                    return;
                }

                long started = System.Diagnostics.Stopwatch.GetTimestamp();
                foreach (FuzzCase c in cases)
                {
                    RunCase(name, member, c, maxBytes, findings, thrown);
                    counts.AddOrUpdate(name, 1, (_, n) => n + 1);
                }

                elapsed[name] = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            });

        return new FuzzRun([.. findings.OrderBy(f => f.Member, StringComparer.Ordinal)], thrown.ToDictionary(), counts.ToDictionary(), work.Select(w => w.Member).Distinct().ToArray(), elapsed.ToDictionary());
    }

    /// <summary>A target's seed offset from its doc id (FNV-1a), so a module added or a member renamed elsewhere does not
    /// change the cases of every other target.</summary>
    private static ulong StableHash(string text)
    {
        ulong hash = 14695981039346656037UL;
        foreach (char c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    private static void RunCase(string name, MemberInfo member, FuzzCase c, long maxBytes, ConcurrentBag<FuzzFinding> findings, ConcurrentDictionary<(string, Type), string> thrown)
    {
        object? result = null;
        Exception? error = null;
        long allocated = 0;
        var thread = new Thread(() =>
        {
            CultureInfo culture = CultureInfo.CurrentCulture;
            CultureInfo.CurrentCulture = HostileCulture.Instance;
            long before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                result = c.Call();
            }
            catch (Exception e)
            {
                error = e is TargetInvocationException { InnerException: { } inner } ? inner : e;
            }

            try
            {
                if (error is null)
                {
                    Judge(c.Law, result);
                }
            }
            catch (Exception e)
            {
                error = e;
            }
            finally
            {
                allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                CultureInfo.CurrentCulture = culture;
            }
        }, maxStackSize: 16 * 1024 * 1024)
        { IsBackground = true };
        thread.Start();
        if (!thread.Join(CaseTimeout))
        {
            findings.Add(new FuzzFinding("hang", name, c.Input, $"did not end within {CaseTimeout.TotalSeconds} s"));
            return;
        }

        if (allocated > maxBytes)
        {
            findings.Add(new FuzzFinding("memory", name, c.Input, $"allocated {allocated / (1024 * 1024)} MiB (bound {maxBytes / (1024 * 1024)} MiB)"));
        }

        switch (error)
        {
            case null:
                return;
            case LawException law:
                findings.Add(new FuzzFinding("wrong result", name, c.Input, law.Message));
                return;
            case Xunit.Sdk.XunitException assertion:
                findings.Add(new FuzzFinding("wrong result", name, c.Input, assertion.Message));
                return;
        }

        thrown.TryAdd((name, error.GetType()), c.Input);
        string? leak = HostileCulture.Leak(error.Message);
        if (leak is not null)
        {
            findings.Add(new FuzzFinding("culture", name, c.Input, $"{error.GetType().Name} message formats with the current culture ('{leak}'): {error.Message}"));
        }

        if (error is CxValidationException validation)
        {
            if (validation.Failures.Count == 0 || validation.Failures.Any(f => f.ErrorCode == CxErrorCodes.Unspecified || string.IsNullOrWhiteSpace(f.Message)))
            {
                findings.Add(new FuzzFinding("unclear error", name, c.Input, $"a failure without a code or message: {validation.Message}"));
            }

            return;
        }

        if (!XmlDocs.Documents(member, error.GetType()))
        {
            findings.Add(new FuzzFinding("unexpected exception", name, c.Input, error.ToString()));
        }
    }

    /// <summary>Checks a result: its own laws (a law that needs a further calculation the input cannot have, and gets
    /// CxValidationException from it, does not apply), then the general ones.</summary>
    private static void Judge(Action<object?>? law, object? result)
    {
        try
        {
            law?.Invoke(result);
        }
        catch (CxValidationException)
        {
            // The law's own calculation refused the input (say a bridge whose totals do not fit): nothing to check.
        }
        catch (Exception e) when (e is not LawException and not Xunit.Sdk.XunitException)
        {
            throw new LawException($"checking the result failed: {e}", e);
        }

        GeneralLaws(result);
    }

    /// <summary>Laws every result obeys: its properties read, it prints without the current culture, and equals itself.</summary>
    private static void GeneralLaws(object? result)
    {
        if (result is null || result.GetType().Assembly != typeof(Cx.Domain.Primitives.Money).Assembly)
        {
            return;
        }

        string text = result.ToString() ?? string.Empty;

        // A record's compiler-written ToString prints its members with the current culture (a debugging aid); the types'
        // own ToString overrides, the short invariant forms of STYLE.md, are held to the invariant culture.
        bool ownToString = result.GetType().GetMethod(nameof(ToString), Type.EmptyTypes)!.GetCustomAttribute<System.Runtime.CompilerServices.CompilerGeneratedAttribute>() is null;
        if (ownToString && HostileCulture.Leak(text) is { } leak)
        {
            throw new LawException($"ToString formats with the current culture ('{leak}'): {text}");
        }

        foreach (PropertyInfo property in result.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            try
            {
                _ = property.GetValue(result);
            }
            catch (TargetInvocationException e) when (e.InnerException is { } inner && !XmlDocs.Documents(property, inner.GetType()))
            {
                throw new LawException($"reading {result.GetType().Name}.{property.Name} throws {inner}");
            }
            catch (TargetInvocationException)
            {
                // A documented exception of the property (say a path set read after its calculation).
            }
        }

        if (!result.Equals(result))
        {
            throw new LawException($"Equals is not reflexive for {result.GetType().Name}");
        }

        _ = result.GetHashCode();
    }

    private static bool IsEntryPoint(MethodBase m)
    {
        if (m is MethodInfo { IsSpecialName: true } special && (special.Name.StartsWith("get_", StringComparison.Ordinal) || special.Name.StartsWith("set_", StringComparison.Ordinal)
            || special.Name.StartsWith("op_", StringComparison.Ordinal)))
        {
            return false;
        }

        if (m.Name is "Equals" or "GetHashCode" or "ToString" or "CompareTo" or "Deconstruct" or "<Clone>$" or "PrintMembers")
        {
            return false;
        }

        // The compiler's copy constructor of a record.
        return !(m is ConstructorInfo ctor && ctor.GetParameters() is [{ } only] && only.ParameterType == ctor.DeclaringType);
    }
}

/// <summary>The outcome of a run.</summary>
public sealed record FuzzRun(
    IReadOnlyList<FuzzFinding> Findings,
    IReadOnlyDictionary<(string Member, Type Exception), string> Thrown,
    IReadOnlyDictionary<string, int> CaseCounts,
    IReadOnlyList<MemberInfo> Members,
    IReadOnlyDictionary<string, TimeSpan> Elapsed);

/// <summary>A law broken by a result.</summary>
public sealed class LawException : Exception
{
    public LawException()
    {
    }

    public LawException(string message)
        : base(message)
    {
    }

    public LawException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>A culture whose number and date symbols appear nowhere in invariant output, so a message that formats with the
/// current culture shows it.</summary>
public static class HostileCulture
{
    private static readonly string[] Marks = ["٫", "⁻", "˙", "٪", "∞∞", "¤¤", "꞉", "⁄", "NaNaN", "ᗪ", "ᗰ", "ᗩ"];

    public static CultureInfo Instance { get; } = Create();

    public static string? Leak(string text) => Marks.FirstOrDefault(m => text.Contains(m, StringComparison.Ordinal));

    private static CultureInfo Create()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        NumberFormatInfo n = culture.NumberFormat;
        n.NumberDecimalSeparator = "٫";
        n.NumberGroupSeparator = "˙";
        n.NegativeSign = "⁻";
        n.PercentSymbol = "٪";
        n.PercentDecimalSeparator = "٫";
        n.PercentGroupSeparator = "˙";
        n.CurrencySymbol = "¤¤";
        n.CurrencyDecimalSeparator = "٫";
        n.PositiveInfinitySymbol = "∞∞";
        n.NegativeInfinitySymbol = "⁻∞∞";
        n.NaNSymbol = "NaNaN";
        culture.DateTimeFormat.TimeSeparator = "꞉";
        culture.DateTimeFormat.DateSeparator = "⁄";
        // Day and month names: a date printed with its default ToString (NodaTime's long pattern "D", a culture's
        // "Friday, 01 March 2024") or a culture-sensitive pattern shows them.
        DateTimeFormatInfo d = culture.DateTimeFormat;
        d.DayNames = [.. d.DayNames.Select(x => "ᗪ" + x)];
        d.AbbreviatedDayNames = [.. d.AbbreviatedDayNames.Select(x => "ᗪ" + x)];
        d.ShortestDayNames = [.. d.ShortestDayNames.Select(x => "ᗪ" + x)];
        d.MonthNames = [.. d.MonthNames.Select(x => x.Length == 0 ? x : "ᗰ" + x)];
        d.AbbreviatedMonthNames = [.. d.AbbreviatedMonthNames.Select(x => x.Length == 0 ? x : "ᗰ" + x)];
        d.MonthGenitiveNames = [.. d.MonthGenitiveNames.Select(x => x.Length == 0 ? x : "ᗰ" + x)];
        d.AbbreviatedMonthGenitiveNames = [.. d.AbbreviatedMonthGenitiveNames.Select(x => x.Length == 0 ? x : "ᗰ" + x)];
        d.AMDesignator = "ᗩM";
        d.PMDesignator = "ᗩP";
        return CultureInfo.ReadOnly(culture);
    }
}

/// <summary>XML documentation comment ids of members (ECMA-334 annex D), as the compiler writes them in Cx.Domain.xml.</summary>
public static class DocIds
{
    public static string Of(MemberInfo member) => member switch
    {
        ConstructorInfo c => "M:" + TypeName(c.DeclaringType!) + ".#ctor" + Parameters(c.GetParameters()),
        MethodInfo m => "M:" + TypeName(m.DeclaringType!) + "." + m.Name + (m.IsGenericMethodDefinition ? "``" + m.GetGenericArguments().Length.ToString(CultureInfo.InvariantCulture) : string.Empty) + Parameters(m.GetParameters()),
        PropertyInfo p => "P:" + TypeName(p.DeclaringType!) + "." + p.Name + Parameters(p.GetIndexParameters()),
        Type t => "T:" + TypeName(t),
        _ => throw new ArgumentException($"Unsupported member {member}", nameof(member)),
    };

    private static string Parameters(ParameterInfo[] parameters) =>
        parameters.Length == 0 ? string.Empty : "(" + string.Join(",", parameters.Select(p => ParameterType(p.ParameterType))) + ")";

    private static string ParameterType(Type t)
    {
        if (t.IsByRef)
        {
            return ParameterType(t.GetElementType()!) + "@";
        }

        if (t.IsArray)
        {
            return ParameterType(t.GetElementType()!) + "[]";
        }

        if (t.IsGenericMethodParameter)
        {
            return "``" + t.GenericParameterPosition.ToString(CultureInfo.InvariantCulture);
        }

        if (t.IsGenericTypeParameter)
        {
            return "`" + t.GenericParameterPosition.ToString(CultureInfo.InvariantCulture);
        }

        if (t.IsGenericType)
        {
            string name = TypeName(t.GetGenericTypeDefinition());
            return name[..name.IndexOf('`', StringComparison.Ordinal)] + "{" + string.Join(",", t.GetGenericArguments().Select(ParameterType)) + "}";
        }

        return TypeName(t);
    }

    private static string TypeName(Type t) => (t.FullName ?? t.Name).Replace('+', '.');
}

/// <summary>Reads the exception lists of Cx.Domain.xml, the documentation file built next to the assembly.</summary>
public static class XmlDocs
{
    private static readonly Lazy<Dictionary<string, XElement>> Members = new(Load);

    public static string FilePath => Path.ChangeExtension(typeof(Cx.Domain.Primitives.Money).Assembly.Location, ".xml");

    public static bool HasEntry(MemberInfo member) => Find(member) is not null;

    /// <summary>The exception types the member's docs list (unresolvable crefs are reported as a null type).</summary>
    public static IReadOnlyList<(string Cref, Type? Type)> ExceptionsOf(MemberInfo member) =>
        Find(member) is { } element
            ? [.. element.Elements("exception").Select(e => (string)e.Attribute("cref")!).Select(cref => (cref, Resolve(cref)))]
            : [];

    /// <summary>Whether the docs list <paramref name="thrown"/> or a base of it (other than Exception and SystemException).</summary>
    public static bool Documents(MemberInfo member, Type thrown) =>
        ExceptionsOf(member).Any(d => d.Type is { } t && t != typeof(Exception) && t != typeof(SystemException) && t.IsAssignableFrom(thrown));

    private static Type? Resolve(string cref)
    {
        if (!cref.StartsWith("T:", StringComparison.Ordinal))
        {
            return null;
        }

        string name = cref[2..];
        return typeof(Cx.Domain.Primitives.Money).Assembly.GetType(name)
            ?? typeof(object).Assembly.GetType(name)
            ?? Type.GetType(name);
    }

    /// <summary>The member's documentation: for the implementation of a C# 14 static extension member
    /// (<c>extension(PeriodGrid) { public static PeriodGrid MonthlyCovering(...) }</c>) the entry of its skeleton in the
    /// extension block's marker type (<c>M:Type.&lt;G&gt;$HASH.Name(...)</c>), where the compiler writes the comment (the
    /// implementation's own entry is empty); else the member's own entry.</summary>
    private static XElement? Find(MemberInfo member)
    {
        string id = DocIds.Of(member);
        return ExtensionSkeletons.Value.TryGetValue(id, out XElement? skeleton) ? skeleton
            : Members.Value.TryGetValue(id, out XElement? element) ? element
            : null;
    }

    private static readonly Lazy<Dictionary<string, XElement>> ExtensionSkeletons = new(() =>
    {
        var byImplementation = new Dictionary<string, XElement>(StringComparer.Ordinal);
        foreach ((string id, XElement element) in Members.Value)
        {
            string implementation = System.Text.RegularExpressions.Regex.Replace(id, @"\.<G>\$[0-9A-F]+\.(?!<)", ".");
            if (implementation != id)
            {
                byImplementation.TryAdd(implementation, element);
            }
        }

        return byImplementation;
    });

    private static Dictionary<string, XElement> Load()
    {
        XDocument doc = XDocument.Load(FilePath);
        return doc.Root!.Element("members")!.Elements("member").ToDictionary(m => (string)m.Attribute("name")!, StringComparer.Ordinal);
    }
}
