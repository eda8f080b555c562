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

    /// <summary>How the tool's messages name the settings of a file whose columns have no options in this command (the
    /// events, measurements and feedback of <c>cx room</c> and <c>cx risk</c>, the feedback of <c>cx listening</c>): the
    /// layout options by their names, each column by the header the command looks for.</summary>
    /// <param name="command">The command, such as <c>cx room</c>.</param>
    /// <param name="defaults">The reader's options with their default columns.</param>
    /// <returns>The names, from the setting (a property of the reader's options) to the words of a message.</returns>
    public static IReadOnlyDictionary<string, string> FixedColumnNames(string command, object defaults)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Delimiter"] = SettingNames["Delimiter"],
            ["Encoding"] = SettingNames["Encoding"],
            ["HasHeader"] = SettingNames["HasHeader"],
        };
        foreach (System.Reflection.PropertyInfo property in defaults.GetType().GetProperties().Where(p => p.PropertyType == typeof(ColumnRef)))
        {
            names[property.Name] = $"the header '{(ColumnRef)property.GetValue(defaults)!}' ({command} reads this file's columns by these names)";
        }

        return names;
    }

    /// <summary>Gets the currency of every amount.</summary>
    public Currency Currency => File.Currency;

    /// <summary>Gets the text layout, shared by every input file of a command.</summary>
    public TextFileOptions Text => File.Text;
}
