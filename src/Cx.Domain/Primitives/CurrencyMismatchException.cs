namespace Cx.Domain.Primitives;

/// <summary>Thrown when amounts in two different currencies are combined; Cx.Domain never sums across currencies.</summary>
/// <remarks>Derives from <see cref="InvalidOperationException"/>; catch it where mixed-currency input is expected and convert first.</remarks>
public sealed class CurrencyMismatchException : InvalidOperationException
{
    /// <summary>Initializes a new instance naming both currencies.</summary>
    /// <param name="expected">The currency the operation works in.</param>
    /// <param name="actual">The other currency that came.</param>
    public CurrencyMismatchException(Currency expected, Currency actual)
        : base(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Cannot combine {expected.Code} with {actual.Code}: amounts must share one currency. Convert {actual.Code} amounts to {expected.Code} before combining them."))
    {
        Expected = expected;
        Actual = actual;
    }

    /// <summary>Initializes a new instance with a custom message.</summary>
    /// <param name="message">The message.</param>
    public CurrencyMismatchException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a custom message and inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public CurrencyMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance with a default message.</summary>
    public CurrencyMismatchException()
    {
    }

    /// <summary>Gets the currency the operation works in.</summary>
    public Currency Expected { get; }

    /// <summary>Gets the currency that did not match.</summary>
    public Currency Actual { get; }
}
