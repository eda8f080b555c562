using System.Buffers;

namespace Cx.Domain.IO.Internal;

/// <summary>A buffer over a stream of UTF-8 bytes: the data not yet parsed, refilled and grown on demand.</summary>
internal sealed class ByteSource : IDisposable
{
    /// <summary>The longest row the reader accepts; longer means a quote is almost surely never closed.</summary>
    public const int MaxRowBytes = 256 << 20;

    private readonly Stream _stream;
    private byte[] _buffer;
    private int _start;
    private int _end;

    public ByteSource(Stream stream, int capacity)
    {
        _stream = stream;
        _buffer = ArrayPool<byte>.Shared.Rent(capacity);
    }

    public bool Eof { get; private set; }

    public long BytesRead { get; private set; }

    public ReadOnlySpan<byte> Data => _buffer.AsSpan(_start, _end - _start);

    public int Length => _end - _start;

    public int Capacity => _buffer.Length;

    public void Consume(int count) => _start += count;

    /// <summary>Moves the unread data to the front and reads until the buffer is full or the stream ends.</summary>
    public void Fill(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        while (!Eof && _end < _buffer.Length)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                Eof = true;
            }

            _end += read;
            BytesRead += read;
        }
    }

    /// <summary>Doubles the buffer, for a row longer than it.</summary>
    /// <returns><see langword="false"/> when the buffer is already at <see cref="MaxRowBytes"/>.</returns>
    public bool Grow()
    {
        if (_buffer.Length >= MaxRowBytes)
        {
            return false;
        }

        byte[] bigger = ArrayPool<byte>.Shared.Rent(Math.Min(MaxRowBytes, _buffer.Length * 2));
        Buffer.BlockCopy(_buffer, _start, bigger, 0, _end - _start);
        ArrayPool<byte>.Shared.Return(_buffer);
        _end -= _start;
        _start = 0;
        _buffer = bigger;
        return true;
    }

    /// <summary>Hands the first <paramref name="count"/> unread bytes over in their own array (the buffer itself, to
    /// avoid a copy; the taker returns it to <see cref="ArrayPool{T}.Shared"/>) and keeps the rest in a fresh buffer.</summary>
    public (byte[] Array, int Offset, int Count) Take(int count)
    {
        byte[] taken = _buffer;
        int offset = _start;
        byte[] fresh = ArrayPool<byte>.Shared.Rent(_buffer.Length);
        int rest = _end - _start - count;
        Buffer.BlockCopy(_buffer, _start + count, fresh, 0, rest);
        _buffer = fresh;
        _start = 0;
        _end = rest;
        return (taken, offset, count);
    }

    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
            _start = 0;
            _end = 0;
        }
    }
}
