using Cx.Domain.Primitives;
using NodaTime;

namespace Cx.Domain.Assets;

/// <summary>One money record of a customer on a business date: a purchase, an invoice line, a subscription charge, or a
/// refund (a negative amount).</summary>
/// <param name="Customer">The customer.</param>
/// <param name="Date">The business date the amount counts on.</param>
/// <param name="Amount">The amount; negative for refunds and credits, as long as the customer's net value in the period stays at or above zero.</param>
/// <param name="Segment">The customer's segment (plan, region, channel) on that date, or null.</param>
/// <remarks><c>default(AssetRecord)</c> has an empty customer and is rejected by validation.</remarks>
public readonly record struct AssetRecord(CustomerId Customer, LocalDate Date, Money Amount, string? Segment = null);
