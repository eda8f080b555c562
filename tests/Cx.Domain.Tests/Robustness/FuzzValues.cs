using System.Collections;
using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Interval = NodaTime.Interval;
using NodaPeriod = NodaTime.Period;

namespace Cx.Domain.Tests.Robustness;

/// <summary>FsCheck generators by type, from ordinary values to the extremes of every parameter, and the generic builder of a
/// target's cases (arguments drawn by parameter type, the call made by reflection).</summary>
public sealed class FuzzValues
{
    private readonly Dictionary<Type, Gen<object?>> _byType = [];
    private readonly List<(Func<ParameterInfo, bool> Match, Gen<object?> Gen)> _byParameter = [];

    public FuzzValues()
    {
        Add(Ints);
        Add(Longs);
        Add(Doubles);
        Add(Decimals);
        Add(Gen.Elements(true, false));
        Add(Gen.Elements(0UL, 1UL, 42UL, ulong.MaxValue, ulong.MaxValue - 1, 1UL << 63));
        Add(Strings);
        Add(Dates);
        Add(Instants);
        Add(Durations);
        Add(Periods);
        Add(YearMonths);
        Add(DateIntervals);
        Add(Intervals);
        Add(Zones);
        Add(LocalDateTimes);
    }

    // ---- Primitive extremes ----

    /// <summary>Picks mostly ordinary values (<paramref name="ordinary"/>) and often an extreme one.</summary>
    public static Gen<T> Mix<T>(Gen<T> ordinary, Gen<T> extreme) => Gen.Frequency((3, ordinary), (2, extreme));

    public static Gen<long> AnyLong { get; } =
        from hi in Gen.Choose(int.MinValue, int.MaxValue)
        from lo in Gen.Choose(int.MinValue, int.MaxValue)
        select ((long)hi << 32) | (uint)lo;

    public static Gen<int> Ints { get; } = Mix(
        Gen.Choose(-3, 40),
        Gen.Frequency(
            (3, Gen.Elements(int.MinValue, int.MinValue + 1, -1_000_000, -100_001, -1, 0, 1, 100_000, 100_001, 1_000_000, int.MaxValue - 1, int.MaxValue)),
            (1, Gen.Choose(int.MinValue, int.MaxValue))));

    public static Gen<long> Longs { get; } = Mix(
        Gen.Choose(-1_000_000, 1_000_000).Select(i => (long)i),
        Gen.Frequency(
            (3, Gen.Elements(long.MinValue, long.MinValue + 1, -1L, 0L, 1L, long.MaxValue - 1, long.MaxValue, 1L << 62, 4_611_686_018_427_387_904L + 1, 8_000_000_000_000_000_000L, 1_000_000_000_000_000_000L)),
            (1, AnyLong)));

    public static Gen<double> Doubles { get; } = Mix(
        Gen.Choose(-1000, 1000).Select(i => i / 8.0),
        Gen.Frequency(
            (3, Gen.Elements(double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.MaxValue, double.MinValue, double.Epsilon, -double.Epsilon, -0.0, 1e-306, 1e308, -1e308, 0.0, 1.0, 0.5, 0.999999999999, 1.000000000001)),
            (1, AnyLong.Select(BitConverter.Int64BitsToDouble))));

    public static Gen<decimal> Decimals { get; } = Mix(
        Gen.Choose(-100_000, 100_000).Select(i => i / 100m),
        Gen.Elements(decimal.MaxValue, decimal.MinValue, 0m, -0.0000000000000000000000000001m, 0.0000000000000000000000000001m, 92233720368547758.075m, -92233720368547758.085m, 79228162514264337593543950.335m, 0.005m, 0.015m, -0.005m, 1.23456789012345678901234567m));

    /// <summary>Text from the harmless to the hostile: blanks, control characters and terminal escapes, lone surrogates
    /// (invalid UTF-16), right-to-left overrides, very long strings, formula and markup starters.</summary>
    public static Gen<string?> Strings { get; } = Gen.Frequency(
        (4, Gen.Elements<string?>("a", "A", "C-1", "id 7", "ä", "日本", "x", "test-drive", "pro", "Europe/Paris", "USD", "2024-01-01")),
        (4, Gen.Elements<string?>(
            null, string.Empty, " ", "\t", "\n", "\r\n", "\0", "\u001b[31mred\u001b[0m", "\u001b]0;title\u0007", "\uD800", "\uDC00x", "a\uD83D", "\uFFFE", "\u202Eevil",
            "=1+2", "+1", "-1", "@SUM(A1)", "\tx", "a|b", "<script>", "\"quoted\"", "line\nbreak", "é\u0301", "\u00A0", "NaN", "Infinity", "-0", "1e400", "9999-12-31",
            new string('x', 201), new string('y', 70_000))),
        (1, Gen.ArrayOf(Gen.Elements('a', 'Z', '0', '-', ' ', '\u0000', '\u001b', '\uD800', '\uDFFF', 'é', '\n', '"', '\\', ','), 12).Select(chars => (string?)new string(chars))));

    // ---- NodaTime extremes ----

    public static Gen<LocalDate> Dates { get; } = Mix(
        from days in Gen.Choose(-800, 800) select new LocalDate(2024, 1, 1).PlusDays(days),
        Gen.Frequency(
            (4, Gen.Elements(
                LocalDate.MinIsoValue, LocalDate.MaxIsoValue, default, new LocalDate(1, 1, 1), new LocalDate(9998, 12, 31), new LocalDate(9999, 1, 1), new LocalDate(9999, 12, 31),
                new LocalDate(0, 12, 31), new LocalDate(-1, 1, 1), new LocalDate(1, 1, 2), new LocalDate(9998, 12, 30), new LocalDate(2024, 2, 29), new LocalDate(1970, 1, 1))),
            (1, Gen.Elements(new LocalDate(2024, 1, 1, CalendarSystem.Julian), new LocalDate(2024, 1, 1, CalendarSystem.Gregorian), new LocalDate(5784, 1, 1, CalendarSystem.HebrewCivil))),
            (1, Gen.Choose(-9998, 9999).Select(y => new LocalDate(y, 6, 15)))));

    public static Gen<Instant> Instants { get; } = Mix(
        from hours in Gen.Choose(-24 * 800, 24 * 800) select Instant.FromUtc(2026, 1, 1, 0, 0) + Duration.FromHours(hours),
        Gen.Frequency(
            (4, Gen.Elements(
                Instant.MinValue, Instant.MaxValue, default, Instant.FromUtc(1, 1, 1, 0, 0), Instant.FromUtc(1, 1, 1, 0, 0) - Duration.Epsilon, Instant.FromUtc(9999, 1, 1, 0, 0),
                Instant.FromUtc(9999, 1, 1, 0, 0) - Duration.Epsilon, Instant.FromUtc(9998, 12, 31, 23, 0), Instant.MaxValue - Duration.FromDays(1), Instant.MinValue + Duration.FromDays(1))),
            (1, from y in Gen.Choose(-9997, 9998) select Instant.FromUtc(y, 3, 1, 12, 0))));

    public static Gen<Duration> Durations { get; } = Mix(
        Gen.Elements(Duration.FromDays(30), Duration.FromDays(7), Duration.FromHours(1), Duration.FromHours(6), Duration.FromDays(90), Duration.FromDays(365)),
        Gen.Elements(
            Duration.Zero, Duration.Epsilon, -Duration.Epsilon, Duration.MinValue, Duration.MaxValue, Duration.FromDays(-1), Duration.FromDays(36_525), Duration.FromDays(36_525) + Duration.Epsilon,
            Duration.FromDays(3_650_000), Duration.FromNanoseconds(1) + Duration.FromHours(1), Duration.FromMinutes(59), Duration.FromTicks(long.MaxValue / 8), Duration.FromDays(7_000_000)));

    public static Gen<NodaPeriod> Periods { get; } = Mix(
        Gen.Elements(NodaPeriod.FromDays(90), NodaPeriod.FromDays(30), NodaPeriod.FromWeeks(12), NodaPeriod.FromMonths(3), NodaPeriod.FromYears(1)),
        Gen.Elements(
            NodaPeriod.Zero, NodaPeriod.FromYears(100_000), NodaPeriod.FromYears(100), NodaPeriod.FromYears(101), NodaPeriod.FromYears(-1), NodaPeriod.FromDays(int.MaxValue),
            NodaPeriod.FromMonths(int.MinValue), NodaPeriod.FromHours(long.MaxValue), NodaPeriod.FromNanoseconds(long.MinValue), NodaPeriod.FromTicks(1),
            NodaPeriod.FromYears(9000) + NodaPeriod.FromDays(-1), NodaPeriod.FromWeeks(1_000_000), NodaPeriod.FromSeconds(long.MaxValue)));

    public static Gen<YearMonth> YearMonths { get; } = Mix(
        Gen.Choose(-30, 30).Select(m => new YearMonth(2024, 1).PlusMonths(m)),
        Gen.Elements(new YearMonth(-9998, 1), new YearMonth(9999, 12), new YearMonth(1, 1), new YearMonth(9998, 12), new YearMonth(9998, 7), new YearMonth(0, 12), new YearMonth(2024, 1, CalendarSystem.Julian)));

    public static Gen<DateInterval> DateIntervals { get; } =
        from a in Dates
        from b in Dates
        select Interval(a, b);

    public static Gen<Interval> Intervals { get; } = Gen.Frequency(
        (3, from a in Instants from b in Instants select a <= b ? new Interval(a, b) : new Interval(b, a)),
        (1, Gen.Elements(new Interval(null, null), new Interval(Instant.MinValue, Instant.MaxValue), new Interval(Instant.FromUtc(2026, 1, 1, 0, 0), Instant.FromUtc(2026, 1, 1, 0, 0)))));

    public static Gen<DateTimeZone> Zones { get; } = Gen.Elements(
        DateTimeZone.Utc, DateTimeZoneProviders.Tzdb["Pacific/Kiritimati"], DateTimeZoneProviders.Tzdb["Etc/GMT+12"], DateTimeZoneProviders.Tzdb["Europe/Paris"],
        DateTimeZoneProviders.Tzdb["America/Sao_Paulo"], DateTimeZoneProviders.Tzdb["Australia/Lord_Howe"], DateTimeZone.ForOffset(Offset.FromHours(18)), DateTimeZone.ForOffset(Offset.FromHours(-18)));

    public static Gen<LocalDateTime> LocalDateTimes { get; } = from d in Dates from h in Gen.Choose(0, 23) select d.At(new LocalTime(h, 0));

    private static DateInterval Interval(LocalDate a, LocalDate b)
    {
        if (a.Calendar != b.Calendar)
        {
            b = a;
        }

        return a <= b ? new DateInterval(a, b) : new DateInterval(b, a);
    }

    // ---- The registry ----

    /// <summary>Registers (or replaces) the generator of <typeparamref name="T"/>.</summary>
    public void Add<T>(Gen<T> gen) => _byType[typeof(T)] = gen.Select(x => (object?)x);

    /// <summary>Registers a generator for the parameters <paramref name="match"/> accepts (by member and name, say the
    /// <c>json</c> of a parser); it wins over the generator of the parameter's type.</summary>
    public void ForParameter(Func<ParameterInfo, bool> match, Gen<object?> gen) => _byParameter.Add((match, gen));

    public Gen<object?>? For(Type type)
    {
        if (_byType.TryGetValue(type, out Gen<object?>? gen))
        {
            return gen;
        }

        if (type.IsEnum)
        {
            return Enums(type);
        }

        if (Nullable.GetUnderlyingType(type) is { } inner)
        {
            return For(inner) is { } g ? Gen.Frequency((1, Gen.Constant<object?>(null)), (4, g)) : null;
        }

        if (type.IsArray && For(type.GetElementType()!) is { } element)
        {
            return ArrayOf(type.GetElementType()!, element, nullElements: false);
        }

        if (type.IsGenericType && type.GetGenericArguments() is [{ } t] && For(t) is { } item)
        {
            Type definition = type.GetGenericTypeDefinition();
            Gen<object?> array = ArrayOf(t, item, nullElements: !t.IsValueType);
            if (definition == typeof(IEnumerable<>) || definition == typeof(IReadOnlyList<>) || definition == typeof(IReadOnlyCollection<>) || definition == typeof(ICollection<>) || definition == typeof(IList<>))
            {
                return WithNull(array);
            }

            if (definition == typeof(List<>))
            {
                return WithNull(array.Select(a => Activator.CreateInstance(type, a)));
            }

            if (definition == typeof(ImmutableArray<>))
            {
                MethodInfo create = typeof(ImmutableArray).GetMethods().Single(m => m.Name == nameof(ImmutableArray.Create) && m.GetParameters() is [{ ParameterType.IsArray: true }]).MakeGenericMethod(t);
                return ArrayOf(t, item, nullElements: false).Select(a => create.Invoke(null, [a]));
            }

            if (definition == typeof(ReadOnlyMemory<>) || definition == typeof(Memory<>))
            {
                return ArrayOf(t, item, nullElements: false).Select(a => Activator.CreateInstance(type, a));
            }
        }

        return null;
    }

    public Gen<object?>? ForParameter(ParameterInfo parameter)
    {
        foreach ((Func<ParameterInfo, bool> match, Gen<object?> gen) in _byParameter)
        {
            if (match(parameter))
            {
                return gen;
            }
        }

        Type type = parameter.ParameterType.IsByRef ? parameter.ParameterType.GetElementType()! : parameter.ParameterType;
        Gen<object?>? byType = For(type);
        if (byType is null || type.IsValueType)
        {
            return byType;
        }

        // A reference argument is sometimes null: ArgumentNullException must then be documented.
        return Gen.Frequency((1, Gen.Constant<object?>(null)), (12, byType));
    }

    /// <summary>The cases of a member whose parameters (and instance) all have generators, or null when one lacks one or is a
    /// ref struct (those members get hand-written targets).</summary>
    public Gen<FuzzCase>? CasesFor(MethodBase member, FuzzRegistry registry)
    {
        ParameterInfo[] parameters = member.GetParameters();
        if (parameters.Any(p => p.ParameterType.IsByRefLike || (p.ParameterType.IsByRef && p.ParameterType.GetElementType()!.IsByRefLike)) || member.ContainsGenericParameters)
        {
            return null;
        }

        var gens = new List<Gen<object?>>();
        foreach (ParameterInfo p in parameters)
        {
            if (p.IsOut)
            {
                gens.Add(Gen.Constant<object?>(null));
                continue;
            }

            Gen<object?>? g = ForParameter(p);
            if (g is null)
            {
                return null;
            }

            gens.Add(g);
        }

        Gen<object?> instance = Gen.Constant<object?>(null);
        if (!member.IsStatic && member is MethodInfo)
        {
            if (For(member.DeclaringType!) is not { } self)
            {
                return null;
            }

            instance = self.Where(x => x is not null);
        }

        IReadOnlyList<Action<object?[], object?>> laws = registry.LawsOf(member);
        Gen<object?[]> args = gens.Count == 0 ? Gen.Constant(Array.Empty<object?>()) : Gen.CollectToArray(gens);
        return from self in instance
               from a in args
               select new FuzzCase(
                   Describe(member, self, a),
                   () => member is ConstructorInfo ctor ? ctor.Invoke(a) : member.Invoke(self, a),
                   result => Check(laws, self is null ? a : [.. a, self], result)); // an instance method's laws see the instance last
    }

    public static string Show(object? value)
    {
        try
        {
            return ShowUnsafe(value);
        }
        catch (Exception e)
        {
            return $"<{value!.GetType().Name} whose ToString throws {e.GetType().Name}>";
        }
    }

    private static string ShowUnsafe(object? value) => value switch
    {
        null => "null",
        string s => Quote(s),
        IDictionary => value.GetType().Name,
        Cx.Domain.Value.ModelFitOptions o => $"ModelFitOptions {{ StartingValues = {Show(o.StartingValues)}, MaxIterations = {Show(o.MaxIterations)}, MaxEvaluations = {Show(o.MaxEvaluations)} }}",
        Cx.Domain.Value.CustomerSummarySet set => string.Create(CultureInfo.InvariantCulture, $"CustomerSummarySet of {set.CustomerCount} in {set.TimeUnit}: [") + string.Join(", ", set.Summaries.Take(40).Select(s => Show(s))) + (set.CustomerCount > 40 ? ", ...]" : "]"),
        IEnumerable e when value is not string => "[" + string.Join(", ", e.Cast<object?>().Take(6).Select(Show)) + (e.Cast<object?>().Skip(6).Any() ? ", ..." : string.Empty) + "]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Shorten(value.ToString() ?? value.GetType().Name),
    };

    private static void Check(IReadOnlyList<Action<object?[], object?>> laws, object?[] args, object? result)
    {
        foreach (Action<object?[], object?> law in laws)
        {
            law(args, result);
        }
    }

    private static string Describe(MethodBase member, object? self, object?[] args) =>
        (self is null ? string.Empty : Show(self) + " . ") + member.Name + "(" + string.Join(", ", args.Select(Show)) + ")";

    private static string Quote(string s)
    {
        var text = new StringBuilder("\"");
        foreach (char c in s.Length > 60 ? s[..60] : s)
        {
            text.Append(c < ' ' || char.IsSurrogate(c) || c is '\u202E' or '\uFFFE' ? $"\\u{(int)c:x4}" : c.ToString());
        }

        return text.Append(s.Length > 60 ? string.Create(CultureInfo.InvariantCulture, $"...\" ({s.Length} chars)") : "\"").ToString();
    }

    private static string Shorten(string s) => s.Length <= 160 ? s : s[..160] + "...";

    private static Gen<object?> WithNull(Gen<object?> gen) => Gen.Frequency((1, Gen.Constant<object?>(null)), (12, gen));

    private static Gen<object?> Enums(Type type)
    {
        object[] defined = [.. Enum.GetValues(type).Cast<object>()];
        // Enum.ToObject keeps the low bits of a value too wide for the underlying type (255 and -1 are one byte's 0xFF).
        object[] odd = [.. new long[] { 0, -1, 255, int.MaxValue }.Select(v => Enum.ToObject(type, v))];
        return Gen.Frequency((4, Gen.Elements(defined)), (1, Gen.Elements(odd))).Select(x => (object?)x);
    }

    private static Gen<object?> ArrayOf(Type elementType, Gen<object?> element, bool nullElements)
    {
        Gen<object?> item = nullElements ? Gen.Frequency((1, Gen.Constant<object?>(null)), (15, element)) : element;
        return from n in Gen.Frequency((1, Gen.Constant(0)), (6, Gen.Choose(1, 6)), (1, Gen.Choose(7, 40)))
               from items in item.ArrayOf(n)
               select (object?)ToArray(elementType, items);
    }

    private static Array ToArray(Type elementType, object?[] items)
    {
        var array = Array.CreateInstance(elementType, items.Length);
        for (int i = 0; i < items.Length; i++)
        {
            array.SetValue(items[i], i);
        }

        return array;
    }
}
