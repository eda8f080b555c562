using System.Text;

namespace Cx.Domain.IO.Internal;

/// <summary>An input file decoded to UTF-8 bytes: byte order marks read, other encodings transcoded, and the encoding
/// used named for messages.</summary>
internal sealed class TextInput
{
    private readonly Stream _raw;
    private readonly long _dataStart;

    private TextInput(Stream raw, Stream utf8, long dataStart, bool restartable, string encodingName, InputEncoding encoding)
    {
        _raw = raw;
        Utf8 = utf8;
        _dataStart = dataStart;
        Restartable = restartable;
        EncodingName = encodingName;
        Encoding = encoding;
    }

    /// <summary>Gets the UTF-8 bytes of the text (after any byte order mark).</summary>
    public Stream Utf8 { get; }

    /// <summary>Gets whether the text can be read again from the start (a seekable UTF-8 file).</summary>
    public bool Restartable { get; }

    /// <summary>Gets the encoding used, as people name it: <c>UTF-8</c>, <c>UTF-16LE (byte order mark)</c>...</summary>
    public string EncodingName { get; }

    /// <summary>Gets the encoding used.</summary>
    public InputEncoding Encoding { get; }

    /// <summary>Gets how far into the raw file reading has got, in bytes (for progress), when known.</summary>
    public long RawPosition => _raw.CanSeek ? _raw.Position : -1;

    /// <summary>Gets the raw file's length, or -1 when unknown.</summary>
    public long RawLength => _raw.CanSeek ? _raw.Length : -1;

    public static TextInput Open(Stream raw, InputEncoding encoding)
    {
        byte[] head = new byte[3];
        int got = 0;
        while (got < 3)
        {
            int read = raw.Read(head, got, 3 - got);
            if (read == 0)
            {
                break;
            }

            got += read;
        }

        int bom = 0;
        Encoding? decode = null;
        string name;
        InputEncoding used;
        if (got >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF)
        {
            bom = 3;
            name = encoding is InputEncoding.Utf8 or InputEncoding.Unknown ? "UTF-8" : "UTF-8 (byte order mark)";
            used = InputEncoding.Utf8;
        }
        else if (got >= 2 && head[0] == 0xFF && head[1] == 0xFE)
        {
            bom = 2;
            decode = new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
            name = "UTF-16LE (byte order mark)";
            used = InputEncoding.Utf16;
        }
        else if (got >= 2 && head[0] == 0xFE && head[1] == 0xFF)
        {
            bom = 2;
            decode = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);
            name = "UTF-16BE (byte order mark)";
            used = InputEncoding.Utf16;
        }
        else
        {
            (decode, name) = encoding switch
            {
                InputEncoding.Latin1 => (System.Text.Encoding.Latin1, "Latin-1 (ISO-8859-1)"),
                InputEncoding.Windows1252 => (CodePagesEncodingProvider.Instance.GetEncoding(1252)!, "Windows-1252"),
                InputEncoding.Utf16 => (new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), "UTF-16LE"),
                _ => ((Encoding?)null, "UTF-8"),
            };
            used = encoding == InputEncoding.Unknown ? InputEncoding.Utf8 : encoding;
        }

        Stream rest = new PrefixStream(head.AsMemory(bom, got - bom), raw);
        if (decode is null)
        {
            bool restartable = raw.CanSeek;
            return new TextInput(raw, rest, raw.CanSeek ? raw.Position - got + bom : 0, restartable, name, used);
        }

        Stream utf8 = System.Text.Encoding.CreateTranscodingStream(rest, decode, new UTF8Encoding(false), leaveOpen: true);
        return new TextInput(raw, utf8, 0, restartable: false, name, used);
    }

    /// <summary>Reads the text again from its first byte after the byte order mark.</summary>
    public Stream Restart()
    {
        if (!Restartable)
        {
            throw new InvalidOperationException("The input cannot be read twice.");
        }

        _raw.Seek(_dataStart, SeekOrigin.Begin);
        return _raw;
    }

    /// <summary>A stream of some bytes already read, then the rest of another stream.</summary>
    private sealed class PrefixStream : Stream
    {
        private readonly Stream _inner;
        private ReadOnlyMemory<byte> _prefix;

        public PrefixStream(ReadOnlyMemory<byte> prefix, Stream inner)
        {
            _prefix = prefix;
            _inner = inner;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (!_prefix.IsEmpty)
            {
                int n = Math.Min(buffer.Length, _prefix.Length);
                _prefix.Span[..n].CopyTo(buffer);
                _prefix = _prefix[n..];
                return n;
            }

            return _inner.Read(buffer);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
