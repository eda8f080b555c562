namespace Cx.Cli.Input;

/// <summary>How to read a CSV file of reliability measurements: which columns, which separator.</summary>
/// <param name="StandardColumn">The header name of the column holding a standard's id or a touchpoint's id.</param>
/// <param name="InstantColumn">The header name of the instant column (ISO 8601 with a UTC offset).</param>
/// <param name="ValueColumn">The header name of the value column.</param>
/// <param name="CustomerColumn">The header name of the customer id column.</param>
/// <param name="CustomerRequired">Whether a missing customer column is an error (it was asked for) or means no customers.</param>
/// <param name="Separator">The field separator.</param>
internal sealed record MeasurementCsvOptions(
    string StandardColumn,
    string InstantColumn,
    string ValueColumn,
    string CustomerColumn,
    bool CustomerRequired,
    char Separator)
{
    /// <summary>Gets the defaults: columns <c>standard</c>, <c>instant</c>, <c>value</c> and (when present) <c>customer</c>; comma.</summary>
    public static MeasurementCsvOptions Default { get; } = new("standard", "instant", "value", "customer", false, ',');
}
