namespace Cx.Domain.IO.Internal;

/// <summary>Creates the sink of one block of a file.</summary>
/// <typeparam name="TSink">The sink type.</typeparam>
/// <param name="bytes">The block's length in bytes.</param>
/// <param name="rowBound">At most how many rows the block holds (<see cref="BlockDriver.RowBound"/>).</param>
/// <param name="quiet">Whether no other block is being parsed now (a sink that writes into shared columns may grow
/// them only then).</param>
/// <returns>The sink, or null when it needs a quiet moment: the caller waits for the blocks in flight and asks again
/// with <paramref name="quiet"/> set.</returns>
internal delegate TSink? SinkFactory<TSink>(int bytes, int rowBound, bool quiet)
    where TSink : RowSink;
