using System.Globalization;

namespace Cx.Domain.Assets;

/// <summary>How many customers made one class of movement in a period, and the value delta they brought.</summary>
/// <remarks><c>default(MovementTotal)</c> is zero customers and zero value.</remarks>
public readonly record struct MovementTotal
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="customerCount">The number of customers in the class.</param>
    /// <param name="value">The sum of their value deltas, in the report's <see cref="MeasureUnit"/> (negative for contraction and churn).</param>
    public MovementTotal(long customerCount, long value)
    {
        CustomerCount = customerCount;
        Value = value;
    }

    /// <summary>The number of customers in the class.</summary>
    public long CustomerCount { get; }

    /// <summary>The sum of their value deltas, in the report's <see cref="MeasureUnit"/> (negative for contraction and churn).</summary>
    public long Value { get; }

    /// <summary>Returns a diagnostic form such as <c>12 customers, 4990 units</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{CustomerCount} customers, {Value} units");
}
