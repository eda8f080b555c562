using System.Globalization;

namespace Cx.Domain.Assets;

/// <summary>How many customers made one class of movement in a period, and the value delta they brought.</summary>
/// <param name="CustomerCount">The number of customers in the class.</param>
/// <param name="Value">The sum of their value deltas, in the report's <see cref="MeasureUnit"/> (negative for contraction and churn).</param>
/// <remarks><c>default(MovementTotal)</c> is zero customers and zero value.</remarks>
public readonly record struct MovementTotal(long CustomerCount, long Value)
{
    /// <summary>Returns a diagnostic form such as <c>12 customers, 4990 units</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{CustomerCount} customers, {Value} units");
}
