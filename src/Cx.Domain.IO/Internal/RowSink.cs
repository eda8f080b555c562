namespace Cx.Domain.IO.Internal;

/// <summary>Receives the rows of one block of a file (a few MiB of whole rows), with lines counted from the block's
/// start; each block has its own sink, so blocks can be parsed on different threads and merged in file order.</summary>
internal abstract class RowSink
{
    /// <summary>Gets or sets how many line breaks the block spans.</summary>
    public long Lines { get; set; }

    /// <summary>Gets or sets whether the block's rows ended exactly at its end (checked for blocks cut ahead of parsing).</summary>
    public bool EndedClean { get; set; }

    /// <summary>Takes one data row.</summary>
    /// <param name="buffer">The block's data.</param>
    /// <param name="row">The row's fields.</param>
    /// <param name="line">The 0-based line of the row's start, counted from the block's first line.</param>
    public abstract void OnRow(ReadOnlySpan<byte> buffer, Row row, long line);

    /// <summary>Takes a row that is not valid UTF-8.</summary>
    /// <param name="bytes">The row's bytes.</param>
    /// <param name="line">The 0-based line of the row's start, counted from the block's first line.</param>
    public abstract void OnInvalidUtf8(ReadOnlySpan<byte> bytes, long line);

    /// <summary>Called after the last row of a block (or of a buffer's worth of rows), while its data is still valid:
    /// a sink that deferred work on the rows' bytes finishes it here.</summary>
    /// <param name="buffer">The data the rows were parsed from.</param>
    public virtual void OnBlockEnd(ReadOnlySpan<byte> buffer)
    {
    }
}
