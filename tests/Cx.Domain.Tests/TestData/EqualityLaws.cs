using FsCheck;
using FsCheck.Fluent;

namespace Cx.Domain.Tests.TestData;

/// <summary>The laws every equality and ordering must obey, stated once as FsCheck properties.</summary>
/// <remarks>Feed them arbitraries that draw from small pools (see <see cref="PrimitiveGenerators"/>'s "Small" members) so
/// that equal values, and the premises of transitivity, occur often.</remarks>
public static class EqualityLaws
{
    /// <summary>Checks that <see cref="IEquatable{T}.Equals(T)"/> is an equivalence consistent with <see cref="object.Equals(object)"/>,
    /// <see cref="object.GetHashCode"/> and the given <c>==</c> and <c>!=</c>.</summary>
    /// <typeparam name="T">The type.</typeparam>
    /// <param name="values">The values to draw.</param>
    /// <param name="equal">The type's <c>==</c>.</param>
    /// <param name="notEqual">The type's <c>!=</c>.</param>
    /// <param name="maxTest">How many cases each law tries.</param>
    public static void Hold<T>(Arbitrary<T> values, Func<T, T, bool> equal, Func<T, T, bool> notEqual, int maxTest = 500)
        where T : IEquatable<T>
    {
        PropertyCheck.Run(
            Prop.ForAll(values, x =>
            {
                Assert.True(x.Equals(x), $"reflexive: {x} does not equal itself");
                Assert.True(x.Equals((object)x), $"reflexive (object): {x}");
                Assert.True(equal(x, x), $"reflexive (==): {x}");
                Assert.False(notEqual(x, x), $"reflexive (!=): {x}");
                Assert.False(x.Equals((object?)null), $"null: {x} equals null");
                Assert.Equal(x.GetHashCode(), x.GetHashCode());
            }),
            maxTest);

        PropertyCheck.Run(
            Prop.ForAll(values, values, (x, y) =>
            {
                bool xy = x.Equals(y);
                Assert.True(xy == y.Equals(x), $"symmetric: {x} vs {y}");
                Assert.True(xy == x.Equals((object)y), $"object Equals agrees: {x} vs {y}");
                Assert.True(xy == equal(x, y), $"== agrees with Equals: {x} vs {y}");
                Assert.True(xy != notEqual(x, y), $"!= is the negation of ==: {x} vs {y}");
                Assert.True(!xy || x.GetHashCode() == y.GetHashCode(), $"equal values have equal hash codes: {x} vs {y}");
            }),
            maxTest);

        PropertyCheck.Run(
            Prop.ForAll(values, values, values, (x, y, z) =>
                Assert.True(!(x.Equals(y) && y.Equals(z)) || x.Equals(z), $"transitive: {x} = {y} = {z}")),
            maxTest);
    }

    /// <summary>Checks that <see cref="IEquatable{T}.Equals(T)"/> is an equivalence consistent with <see cref="object.GetHashCode"/>
    /// for a type without <c>==</c> operators.</summary>
    /// <typeparam name="T">The type.</typeparam>
    /// <param name="values">The values to draw.</param>
    /// <param name="maxTest">How many cases each law tries.</param>
    public static void Hold<T>(Arbitrary<T> values, int maxTest = 500)
        where T : IEquatable<T> =>
        Hold(values, (x, y) => x.Equals(y), (x, y) => !x.Equals(y), maxTest);

    /// <summary>Checks that <see cref="IComparable{T}.CompareTo(T)"/> is a total order consistent with <see cref="IEquatable{T}.Equals(T)"/>
    /// and with the given <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c>, on the pairs where <paramref name="comparable"/> holds.</summary>
    /// <typeparam name="T">The type.</typeparam>
    /// <param name="values">The values to draw.</param>
    /// <param name="comparable">Whether two values may be compared at all (for money: same currency).</param>
    /// <param name="less">The type's <c>&lt;</c>.</param>
    /// <param name="lessOrEqual">The type's <c>&lt;=</c>.</param>
    /// <param name="greater">The type's <c>&gt;</c>.</param>
    /// <param name="greaterOrEqual">The type's <c>&gt;=</c>.</param>
    /// <param name="maxTest">How many cases each law tries.</param>
    public static void OrderHolds<T>(
        Arbitrary<T> values,
        Func<T, T, bool> comparable,
        Func<T, T, bool> less,
        Func<T, T, bool> lessOrEqual,
        Func<T, T, bool> greater,
        Func<T, T, bool> greaterOrEqual,
        int maxTest = 500)
        where T : IEquatable<T>, IComparable<T>
    {
        PropertyCheck.Run(
            Prop.ForAll(values, values, (x, y) =>
            {
                if (!comparable(x, y))
                {
                    return;
                }

                int c = Math.Sign(x.CompareTo(y));
                Assert.True((c == 0) == x.Equals(y), $"CompareTo is 0 exactly when Equals: {x} vs {y}");
                Assert.True(c == -Math.Sign(y.CompareTo(x)), $"antisymmetric: {x} vs {y}");
                Assert.True(less(x, y) == (c < 0), $"< agrees: {x} vs {y}");
                Assert.True(lessOrEqual(x, y) == (c <= 0), $"<= agrees: {x} vs {y}");
                Assert.True(greater(x, y) == (c > 0), $"> agrees: {x} vs {y}");
                Assert.True(greaterOrEqual(x, y) == (c >= 0), $">= agrees: {x} vs {y}");
            }),
            maxTest);

        PropertyCheck.Run(
            Prop.ForAll(values, values, values, (x, y, z) =>
            {
                if (comparable(x, y) && comparable(y, z) && x.CompareTo(y) <= 0 && y.CompareTo(z) <= 0)
                {
                    Assert.True(x.CompareTo(z) <= 0, $"transitive order: {x} <= {y} <= {z}");
                }
            }),
            maxTest);
    }
}
