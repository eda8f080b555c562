using Cx.Domain.Primitives;
using NodaTime;

namespace Cx.Domain.Assets;

/// <summary>One record of a non-money measure (usage, visits, seats) of a customer on a business date.</summary>
/// <param name="Customer">The customer.</param>
/// <param name="Date">The business date.</param>
/// <param name="Quantity">The quantity in the ledger's <see cref="MeasureUnit"/>; negative corrections are allowed as long as the period's net stays at or above zero.</param>
/// <param name="Segment">The customer's segment on that date, or null.</param>
/// <remarks><c>default(QuantityRecord)</c> has an empty customer and is rejected by validation.</remarks>
public readonly record struct QuantityRecord(CustomerId Customer, LocalDate Date, decimal Quantity, string? Segment = null);
