using Cx.Domain.Primitives;
using Cx.Domain.Tests.TestData;
using FsCheck.Fluent;

namespace Cx.Domain.Tests.Primitives;

public sealed class CustomerIdTests
{
    [Theory]
    [InlineData("C-1", "C-1")]
    [InlineData("  C-1  ", "C-1")]
    [InlineData("\tC 1\n", "C 1")]
    [InlineData("\u00A0C-1\u2003", "C-1")]
    public void From_SurroundingWhiteSpace_IsTrimmed(string text, string expected)
    {
        CustomerId id = CustomerId.From(text);

        Assert.Equal(expected, id.Value);
        Assert.Equal(expected, id.ToString());
        Assert.False(id.IsEmpty);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t\r\n")]
    [InlineData("\u00A0\u2003")]
    public void From_EmptyOrWhiteSpace_ThrowsArgumentException(string text)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => CustomerId.From(text));

        Assert.Equal("value", error.ParamName);
        Assert.Contains("customer id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_Null_ThrowsArgumentNullException()
    {
        ArgumentNullException error = Assert.Throws<ArgumentNullException>(() => CustomerId.From(null!));

        Assert.Equal("value", error.ParamName);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void TryFrom_NullEmptyOrWhiteSpace_ReturnsFalseAndTheEmptyId(string? text)
    {
        bool created = CustomerId.TryFrom(text, out CustomerId id);

        Assert.False(created);
        Assert.True(id.IsEmpty);
        Assert.Equal(default, id);
    }

    [Fact]
    public void TryFrom_Text_ReturnsTrueAndTheTrimmedId()
    {
        bool created = CustomerId.TryFrom(" A-7 ", out CustomerId id);

        Assert.True(created);
        Assert.Equal(CustomerId.From("A-7"), id);
    }

    [Fact]
    public void Equals_DifferentCase_IsFalse()
    {
        CustomerId upper = CustomerId.From("C-1");
        CustomerId lower = CustomerId.From("c-1");

        Assert.NotEqual(upper, lower);
        Assert.True(upper != lower);
        Assert.False(upper == lower);
        Assert.NotEqual(0, upper.CompareTo(lower));
    }

    [Fact]
    public void Equals_SameTextAfterTrimming_IsTrue()
    {
        Assert.Equal(CustomerId.From("C-1"), CustomerId.From(" C-1\t"));
        Assert.True(CustomerId.From("C-1") == CustomerId.From(" C-1\t"));
        Assert.Equal(CustomerId.From("C-1").GetHashCode(), CustomerId.From(" C-1\t").GetHashCode());
    }

    [Fact]
    public void CompareTo_Always_IsOrdinal()
    {
        // Ordinal: upper case letters (0x41..0x5A) sort before lower case (0x61..0x7A), digits before both.
        CustomerId[] ids = new[] { "b", "B", "a", "A", "10", "9", "ä" }.Select(CustomerId.From).ToArray();

        string[] sorted = ids.Order().Select(i => i.Value).ToArray();

        Assert.Equal(new[] { "10", "9", "A", "B", "a", "b", "ä" }, sorted);
        Assert.True(CustomerId.From("B") < CustomerId.From("a"));
        Assert.True(CustomerId.From("a") > CustomerId.From("B"));
    }

    [Fact]
    public void Default_Always_IsTheEmptyId()
    {
        CustomerId id = default;

        Assert.True(id.IsEmpty);
        Assert.Equal(string.Empty, id.Value);
        Assert.Equal(string.Empty, id.ToString());
        Assert.Equal(default(CustomerId), id);
        Assert.NotEqual(CustomerId.From("a"), id);
    }

    [Fact]
    public void CompareTo_EmptyId_SortsFirst()
    {
        CustomerId empty = default;

        Assert.True(empty < CustomerId.From("!"));
        Assert.True(empty <= default(CustomerId));
        Assert.True(empty >= default(CustomerId));
        Assert.Equal(0, empty.CompareTo(default));
    }

    [Fact]
    public void From_AnyNonBlankText_KeepsItsTrimmedText() =>
        PropertyCheck.Run(Prop.ForAll(PrimitiveGenerators.CustomerIds(), id =>
        {
            Assert.False(id.IsEmpty);
            Assert.Equal(id.Value.Trim(), id.Value);
            Assert.Equal(id, CustomerId.From(" " + id.Value + "\t"));
        }));

    [Fact]
    public void Equality_RandomIds_IsAnEquivalenceConsistentWithHashAndOperators()
    {
        EqualityLaws.Hold(PrimitiveGenerators.SmallCustomerIds(), (a, b) => a == b, (a, b) => a != b);
        EqualityLaws.Hold(PrimitiveGenerators.CustomerIds(), (a, b) => a == b, (a, b) => a != b);
    }

    [Fact]
    public void CompareTo_RandomIds_IsATotalOrderConsistentWithEquals()
    {
        EqualityLaws.OrderHolds(PrimitiveGenerators.SmallCustomerIds(), (_, _) => true, (a, b) => a < b, (a, b) => a <= b, (a, b) => a > b, (a, b) => a >= b);
        EqualityLaws.OrderHolds(PrimitiveGenerators.CustomerIds(), (_, _) => true, (a, b) => a < b, (a, b) => a <= b, (a, b) => a > b, (a, b) => a >= b);
    }

    [Fact]
    public void CompareTo_RandomIds_AgreesWithOrdinalStringComparison() =>
        PropertyCheck.Run(Prop.ForAll(PrimitiveGenerators.CustomerIds(), PrimitiveGenerators.CustomerIds(), (a, b) =>
            Assert.Equal(Math.Sign(string.CompareOrdinal(a.Value, b.Value)), Math.Sign(a.CompareTo(b)))));
}
