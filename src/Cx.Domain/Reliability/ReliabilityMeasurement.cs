using Cx.Domain.Primitives;
using NodaTime;

namespace Cx.Domain.Reliability;

/// <summary>One event of a standard's process: when it happened and the value measured, such as 31.5 hours from request to
/// test drive.</summary>
/// <param name="SubjectId">The id of a standard, or of a touchpoint (the event then counts for every standard of it).</param>
/// <param name="At">When the event completed.</param>
/// <param name="Value">The measured value, finite, in the standard's unit.</param>
/// <param name="Customer">The customer, or null.</param>
/// <remarks>An input record, validated by <see cref="Validation.ReliabilityMeasurementValidator"/> where it is consumed:
/// NaN and infinities are rejected (CX0512), never dropped.</remarks>
public readonly record struct ReliabilityMeasurement(string SubjectId, Instant At, double Value, CustomerId? Customer = null);
