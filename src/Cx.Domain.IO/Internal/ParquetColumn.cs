using System.Buffers.Binary;
using ParquetSharp;

namespace Cx.Domain.IO.Internal;

/// <summary>One column of one row group read in batches through ParquetSharp's physical column readers (the Apache
/// Parquet C++ decoder): integers as they are stored, bytes copied from the decoder's pages into one buffer per batch (no
/// string per value), nulls from the definition levels. Row <c>i</c> of the batch has a value when
/// <see cref="ValueOf"/> is not negative; that is the index into the value arrays.</summary>
internal sealed class ParquetColumn : ColumnBatch
{
    private readonly ColumnReader _reader;
    private readonly PhysicalType _physical;
    private readonly short _maxDefinition;
    private readonly int _fixedLength;
    private short[] _definition = [];
    private int[] _valueOf = [];
    private ByteArray[] _byteArrays = [];
    private FixedLenByteArray[] _fixed = [];
    private float[] _floats = [];

    public ParquetColumn(RowGroupReader group, int index)
    {
        _reader = group.Column(index);
        ColumnDescriptor d = _reader.ColumnDescriptor;
        _physical = d.PhysicalType;
        _maxDefinition = d.MaxDefinitionLevel;
        _fixedLength = d.TypeLength;
        (Kind, Scale, UnitsPerDay) = Describe(d);
        Is64 = _physical == PhysicalType.Int64;
    }

    /// <summary>Gets the bytes of the batch's text, decimal and fixed-length values, one after another.</summary>
    private byte[] Bytes { get; set; } = new byte[4096];

    /// <summary>Gets where each value's bytes start in <see cref="Bytes"/>; the value ends where the next starts.</summary>
    private int[] Offsets { get; set; } = [];

    /// <inheritdoc/>
    public override int ValueOf(int row) => _valueOf[row];

    /// <inheritdoc/>
    public override ReadOnlySpan<byte> BytesOf(int value) => Bytes.AsSpan(Offsets[value], Offsets[value + 1] - Offsets[value]);

    /// <inheritdoc/>
    public override bool TryUnscaled(int value, out Int128 unscaled)
    {
        switch (_physical)
        {
            case PhysicalType.Int32:
                unscaled = Int32s[value];
                return true;
            case PhysicalType.Int64:
                unscaled = Int64s[value];
                return true;
            default:
                return TryBigEndian(BytesOf(value), out unscaled);
        }
    }

    /// <summary>Describes a column without reading it (for the schema checks).</summary>
    public static (ColumnKind Kind, int Scale, long UnitsPerDay) Describe(ColumnDescriptor d)
    {
        if (d.MaxRepetitionLevel > 0)
        {
            return (ColumnKind.Other, 0, 0);
        }

        using LogicalType logical = d.LogicalType;
        return (d.PhysicalType, logical) switch
        {
            (_, DecimalLogicalType dec) when d.PhysicalType is PhysicalType.Int32 or PhysicalType.Int64 or PhysicalType.FixedLenByteArray or PhysicalType.ByteArray => (ColumnKind.Decimal, dec.Scale, 0),
            (PhysicalType.Int32, DateLogicalType) => (ColumnKind.Date, 0, 0),
            (PhysicalType.Int64, TimestampLogicalType ts) => (ColumnKind.Timestamp, 0, ts.TimeUnit switch
            {
                TimeUnit.Millis => 86_400_000L,
                TimeUnit.Micros => 86_400_000_000L,
                _ => 86_400_000_000_000L,
            }),
            (PhysicalType.Int32 or PhysicalType.Int64, NoneLogicalType or IntLogicalType) => (ColumnKind.Integer, 0, 0),
            (PhysicalType.Int96, _) => (ColumnKind.Int96Timestamp, 0, 0),
            (PhysicalType.Float or PhysicalType.Double, NoneLogicalType) => (ColumnKind.Floating, 0, 0),
            (PhysicalType.ByteArray, NoneLogicalType or StringLogicalType or EnumLogicalType or JsonLogicalType) => (ColumnKind.Text, 0, 0),
            (PhysicalType.FixedLenByteArray, NoneLogicalType or StringLogicalType) => (ColumnKind.Text, 0, 0),
            _ => (ColumnKind.Other, 0, 0),
        };
    }

    /// <summary>Reads the next <paramref name="rows"/> rows (fewer only at the end of the row group).</summary>
    /// <returns>How many rows were read.</returns>
    public override int Read(int rows)
    {
        Ensure(rows);
        int levels = 0;
        int values = 0;
        int bytes = 0;
        Offsets[0] = 0;
        while (levels < rows && _reader.HasNext)
        {
            long n;
            long read;
            int want = rows - levels;
            Span<short> definition = _maxDefinition > 0 ? _definition.AsSpan(levels, want) : default;
            switch (_physical)
            {
                case PhysicalType.Int32:
                    n = ReadBatch((ColumnReader<int>)_reader, want, definition, Int32s.AsSpan(values, want), out read);
                    break;
                case PhysicalType.Int64:
                    n = ReadBatch((ColumnReader<long>)_reader, want, definition, Int64s.AsSpan(values, want), out read);
                    break;
                case PhysicalType.Int96:
                    n = ReadBatch((ColumnReader<Int96>)_reader, want, definition, Int96s.AsSpan(values, want), out read);
                    break;
                case PhysicalType.Double:
                    n = ReadBatch((ColumnReader<double>)_reader, want, definition, Doubles.AsSpan(values, want), out read);
                    break;
                case PhysicalType.Float:
                    n = ReadBatch((ColumnReader<float>)_reader, want, definition, _floats.AsSpan(0, want), out read);
                    for (int i = 0; i < read; i++)
                    {
                        Doubles[values + i] = _floats[i];
                    }

                    break;
                case PhysicalType.ByteArray:
                    n = ReadBatch((ColumnReader<ByteArray>)_reader, want, definition, _byteArrays.AsSpan(0, want), out read);
                    for (int i = 0; i < read; i++)
                    {
                        // The decoder's pointers hold until its next call: copy the bytes out now.
                        ByteArray a = _byteArrays[i];
                        bytes = Append(bytes, a.Pointer, a.Length, values + i);
                    }

                    break;
                case PhysicalType.FixedLenByteArray:
                    n = ReadBatch((ColumnReader<FixedLenByteArray>)_reader, want, definition, _fixed.AsSpan(0, want), out read);
                    for (int i = 0; i < read; i++)
                    {
                        bytes = Append(bytes, _fixed[i].Pointer, _fixedLength, values + i);
                    }

                    break;
                default:
                    throw new InvalidOperationException("A column of a type no reader takes was read.");
            }

            if (n <= 0 && read <= 0)
            {
                break;
            }

            if (_maxDefinition > 0)
            {
                for (int i = 0; i < n; i++)
                {
                    _valueOf[levels + i] = _definition[levels + i] == _maxDefinition ? values++ : -1;
                }

                levels += (int)n;
            }
            else
            {
                for (int i = 0; i < read; i++)
                {
                    _valueOf[levels + i] = values++;
                }

                levels += (int)read;
            }
        }

        return levels;
    }

    public override void Dispose()
    {
        _reader.Dispose();
        base.Dispose();
    }

    private static long ReadBatch<T>(ColumnReader<T> reader, int want, Span<short> definition, Span<T> values, out long read)
        where T : unmanaged =>
        definition.IsEmpty
            ? reader.ReadBatch(want, values, out read)
            : reader.ReadBatch(want, definition, default, values, out read);

    private unsafe int Append(int at, IntPtr pointer, int length, int value)
    {
        if (length < 0)
        {
            throw new InvalidDataException("A Parquet value has a negative length.");
        }

        if (at + length > Bytes.Length)
        {
            byte[] bigger = new byte[Math.Max(Bytes.Length * 2, at + length)];
            Bytes.AsSpan(0, at).CopyTo(bigger);
            Bytes = bigger;
        }

        new ReadOnlySpan<byte>((void*)pointer, length).CopyTo(Bytes.AsSpan(at));
        at += length;
        Offsets[value + 1] = at;
        return at;
    }

    private void Ensure(int rows)
    {
        if (_valueOf.Length >= rows)
        {
            return;
        }

        _valueOf = new int[rows];
        _definition = _maxDefinition > 0 ? new short[rows] : [];
        Offsets = new int[rows + 1];
        switch (_physical)
        {
            case PhysicalType.Int32:
                Int32s = new int[rows];
                break;
            case PhysicalType.Int64:
                Int64s = new long[rows];
                break;
            case PhysicalType.Int96:
                Int96s = new Int96[rows];
                break;
            case PhysicalType.Float:
                _floats = new float[rows];
                Doubles = new double[rows];
                break;
            case PhysicalType.Double:
                Doubles = new double[rows];
                break;
            case PhysicalType.ByteArray:
                _byteArrays = new ByteArray[rows];
                break;
            case PhysicalType.FixedLenByteArray:
                _fixed = new FixedLenByteArray[rows];
                break;
        }
    }

    /// <summary>The unscaled value of a decimal stored as bytes (big-endian two's complement); false when it needs more
    /// than 128 bits.</summary>
    public static bool TryBigEndian(ReadOnlySpan<byte> bytes, out Int128 value)
    {
        value = 0;
        if (bytes.IsEmpty)
        {
            return true;
        }

        byte sign = (bytes[0] & 0x80) != 0 ? (byte)0xFF : (byte)0;
        while (bytes.Length > 16)
        {
            if (bytes[0] != sign)
            {
                return false;
            }

            bytes = bytes[1..];
        }

        Span<byte> full = stackalloc byte[16];
        full.Fill(sign);
        bytes.CopyTo(full[(16 - bytes.Length)..]);
        value = BinaryPrimitives.ReadInt128BigEndian(full);
        return (value < 0) == (sign != 0);
    }

    /// <summary>The days since 1970-01-01 of a legacy INT96 timestamp.</summary>
    public static long DaysOf(Int96 value)
    {
        // Low 8 bytes: nanoseconds of the day; high 4: the Julian day number (2440588 is 1970-01-01).
        long nanos = ((long)(uint)value.B << 32) | (uint)value.A;
        return value.C - 2_440_588L + (nanos < 0 ? -1 : nanos / 86_400_000_000_000L);
    }

}
