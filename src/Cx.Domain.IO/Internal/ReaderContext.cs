namespace Cx.Domain.IO.Internal;

/// <summary>What every block of one file shares: the header, the delimiter, the encoding, how settings are named.</summary>
internal sealed class ReaderContext
{
    private readonly IReadOnlyDictionary<string, string>? _names;

    public ReaderContext(Header header, Delimiter delimiter, string encodingName, IReadOnlyDictionary<string, string>? names)
    {
        Header = header;
        Delimiter = delimiter;
        EncodingName = encodingName;
        _names = names;
    }

    public Header Header { get; }

    public Delimiter Delimiter { get; }

    public string EncodingName { get; }

    public string SettingName(string setting) => _names is not null && _names.TryGetValue(setting, out string? name) ? name : setting;
}
