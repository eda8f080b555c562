namespace Cx.Domain.IO;

/// <summary>How a text file is laid out: its delimiter, whether it has a header line, its encoding.</summary>
/// <remarks>An options type: settable; checked when a file is read. Defaults: comma, a header line, UTF-8.</remarks>
public sealed class TextFileOptions
{
    /// <summary>Gets or sets what separates fields; <see cref="Delimiter.Comma"/> by default.</summary>
    public Delimiter Delimiter { get; set; } = Delimiter.Comma;

    /// <summary>Gets or sets a value indicating whether the first line names the columns; <see langword="true"/> by
    /// default. Without a header, columns are given by position and the first line is data.</summary>
    public bool HasHeader { get; set; } = true;

    /// <summary>Gets or sets the encoding; <see cref="InputEncoding.Utf8"/> by default.</summary>
    public InputEncoding Encoding { get; set; } = InputEncoding.Utf8;

    /// <summary>Gets or sets how many threads may parse at once; 0 (the default) uses every core. 1 reads on the calling
    /// thread only. The result is the same whatever the number.</summary>
    public int MaxDegreeOfParallelism { get; set; }
}
