using Cx.Domain.IO;
using Cx.Domain.Primitives;

namespace Cx.Cli.Input;

/// <summary>How to read a revenue file (columns, currency, date format, decimal separator, delimiter, header, encoding),
/// as the command line says: the options of the <c>Cx.Domain.IO</c> reader.</summary>
/// <param name="File">The reader's options.</param>
internal sealed record CsvInputOptions(RevenueFileOptions File)
{
    /// <summary>How the tool's messages name the reader's settings.</summary>
    public static readonly IReadOnlyDictionary<string, string> SettingNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Customer"] = "--customer-column",
        ["Date"] = "--date-column",
        ["Amount"] = "--amount-column",
        ["Segment"] = "--segment-column",
        ["DateFormat"] = "--date-format",
        ["Delimiter"] = "--delimiter",
        ["Encoding"] = "--encoding",
        ["HasHeader"] = "--no-header",
    };

    /// <summary>Gets the currency of every amount.</summary>
    public Currency Currency => File.Currency;

    /// <summary>Gets the text layout, shared by every input file of a command.</summary>
    public TextFileOptions Text => File.Text;
}
