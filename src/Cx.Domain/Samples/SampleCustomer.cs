using Cx.Domain.Primitives;
using NodaTime;

namespace Cx.Domain.Samples;

/// <summary>One customer of a <see cref="SampleCompany"/>: its id, its segment and when it signed up.</summary>
/// <remarks>Immutable. Every data set of the company (revenue now; journey events, measurements and feedback as they are
/// added) is about these same customers. Equality compares all properties.</remarks>
public sealed record SampleCustomer
{
    internal SampleCustomer(int index, CustomerId id, string segment, LocalDate acquiredOn)
    {
        Index = index;
        Id = id;
        Segment = segment;
        AcquiredOn = acquiredOn;
    }

    /// <summary>Gets the customer's zero-based position in <see cref="SampleCompany.Customers"/>.</summary>
    public int Index { get; }

    /// <summary>Gets the customer's id, such as <c>C-00042</c>.</summary>
    public CustomerId Id { get; }

    /// <summary>Gets the customer's segment, one of <see cref="SampleCompany.Segments"/>; it never changes.</summary>
    public string Segment { get; }

    /// <summary>Gets the date of the customer's first purchase (its first revenue record).</summary>
    public LocalDate AcquiredOn { get; }
}
