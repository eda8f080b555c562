namespace Cx.Cli;

/// <summary>A read-only view of an input stream that stops with <see cref="OperationCanceledException"/> at its next read
/// once the run is cancelled (Ctrl-C), so that reading a large input ends promptly.</summary>
internal sealed class CancellableStream : Stream
{
    private readonly Stream _inner;
    private readonly CancellationToken _cancellation;

    private CancellableStream(Stream inner, CancellationToken cancellation)
    {
        _inner = inner;
        _cancellation = cancellation;
    }

    public override bool CanRead => _inner.CanRead;

    public override bool CanSeek => _inner.CanSeek;

    public override bool CanWrite => false;

    public override long Length => _inner.Length;

    public override long Position
    {
        get => _inner.Position;
        set => _inner.Position = value;
    }

    /// <summary>Wraps <paramref name="inner"/>, or returns it as it is when the run cannot be cancelled.</summary>
    public static Stream Wrap(Stream inner, CancellationToken cancellation) =>
        cancellation.CanBeCanceled ? new CancellableStream(inner, cancellation) : inner;

    public override int Read(byte[] buffer, int offset, int count)
    {
        _cancellation.ThrowIfCancellationRequested();
        return _inner.Read(buffer, offset, count);
    }

    public override int Read(Span<byte> buffer)
    {
        _cancellation.ThrowIfCancellationRequested();
        return _inner.Read(buffer);
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _cancellation.ThrowIfCancellationRequested();
        return _inner.ReadAsync(buffer, cancellationToken);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin) => _inner.Seek(offset, origin);

    public override void Flush() => _inner.Flush();

    public override void SetLength(long value) => throw new NotSupportedException("An input stream is read-only.");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("An input stream is read-only.");

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
