using System.Buffers.Binary;
using Apache.Arrow;
using Apache.Arrow.Arrays;
using Apache.Arrow.Types;

namespace Cx.Domain.IO.Internal;

/// <summary>One column of an Arrow record batch: text read in place (UTF-8 bytes of string, large string, string view
/// and dictionary-encoded string arrays), whole numbers, dates and timestamps copied as integers, decimals read as
/// their unscaled little-endian integers, floats as doubles. Values are indexed by their row in the batch.</summary>
internal sealed class ArrowColumn : ColumnBatch
{
    private readonly IArrowArray _array;
    private readonly Apache.Arrow.Array? _text;
    private readonly FixedSizeBinaryArray? _decimal;
    private readonly int[]? _indices;
    private readonly int _length;
    private int _start;
    private int _count;

    public ArrowColumn(IArrowArray array)
    {
        _array = array;
        _length = array.Length;
        (Kind, Scale, UnitsPerDay) = Describe(array.Data.DataType);
        Is64 = true;
        switch (array)
        {
            case DictionaryArray dictionary when Kind == ColumnKind.Text:
                _text = (Apache.Arrow.Array)dictionary.Dictionary;
                _indices = Indices(dictionary.Indices);
                break;
            case StringArray or LargeStringArray or StringViewArray:
                _text = (Apache.Arrow.Array)array;
                break;
            case Date32Array dates:
                Int32s = dates.Values.ToArray();
                break;
            case Date64Array or TimestampArray or Int64Array:
                Int64s = ((PrimitiveArray<long>)array).Values.ToArray();
                break;
            case Int32Array a:
                Int64s = Widen(a.Values);
                break;
            case Int16Array a:
                Int64s = Widen(a.Values);
                break;
            case Int8Array a:
                Int64s = Widen(a.Values);
                break;
            case UInt32Array a:
                Int64s = Widen(a.Values);
                break;
            case UInt16Array a:
                Int64s = Widen(a.Values);
                break;
            case UInt8Array a:
                Int64s = Widen(a.Values);
                break;
            case DoubleArray a:
                Doubles = a.Values.ToArray();
                break;
            case FloatArray a:
                Doubles = Widen(a.Values);
                break;
            case Decimal32Array or Decimal64Array or Decimal128Array or Decimal256Array:
                _decimal = (FixedSizeBinaryArray)array;
                break;
        }
    }

    /// <summary>Describes a column's type (for the schema checks before any batch is read).</summary>
    public static (ColumnKind Kind, int Scale, long UnitsPerDay) Describe(IArrowType type) => type switch
    {
        StringType or LargeStringType or StringViewType => (ColumnKind.Text, 0, 0),
        DictionaryType d when d.ValueType is StringType or LargeStringType or StringViewType => (ColumnKind.Text, 0, 0),
        Int8Type or Int16Type or Int32Type or Int64Type or UInt8Type or UInt16Type or UInt32Type => (ColumnKind.Integer, 0, 0),
        Date32Type => (ColumnKind.Date, 0, 0),
        Date64Type => (ColumnKind.Timestamp, 0, 86_400_000L),
        TimestampType t => (ColumnKind.Timestamp, 0, t.Unit switch
        {
            TimeUnit.Second => 86_400L,
            TimeUnit.Millisecond => 86_400_000L,
            TimeUnit.Microsecond => 86_400_000_000L,
            _ => 86_400_000_000_000L,
        }),
        Decimal32Type d => (ColumnKind.Decimal, d.Scale, 0),
        Decimal64Type d => (ColumnKind.Decimal, d.Scale, 0),
        Decimal128Type d => (ColumnKind.Decimal, d.Scale, 0),
        Decimal256Type d => (ColumnKind.Decimal, d.Scale, 0),
        FloatType or DoubleType => (ColumnKind.Floating, 0, 0),
        _ => (ColumnKind.Other, 0, 0),
    };

    /// <inheritdoc/>
    public override int ValueOf(int row)
    {
        int i = _start + row;
        return _array.IsNull(i) ? -1 : i;
    }

    /// <inheritdoc/>
    public override ReadOnlySpan<byte> BytesOf(int value)
    {
        int i = _indices is null ? value : _indices[value];
        return _text switch
        {
            StringArray s => s.GetBytes(i),
            LargeStringArray s => s.GetBytes(i),
            StringViewArray s => s.GetBytes(i),
            _ => default,
        };
    }

    /// <inheritdoc/>
    public override bool TryUnscaled(int value, out Int128 unscaled)
    {
        if (_decimal is null)
        {
            unscaled = Int64s[value];
            return true;
        }

        ReadOnlySpan<byte> bytes = _decimal.GetBytes(value);
        switch (bytes.Length)
        {
            case 4:
                unscaled = BinaryPrimitives.ReadInt32LittleEndian(bytes);
                return true;
            case 8:
                unscaled = BinaryPrimitives.ReadInt64LittleEndian(bytes);
                return true;
            case 16:
                unscaled = BinaryPrimitives.ReadInt128LittleEndian(bytes);
                return true;
            default:
                // 256 bits: fits when the high half only extends the sign of the low half.
                unscaled = BinaryPrimitives.ReadInt128LittleEndian(bytes);
                byte sign = unscaled < 0 ? (byte)0xFF : (byte)0;
                foreach (byte b in bytes[16..])
                {
                    if (b != sign)
                    {
                        return false;
                    }
                }

                return true;
        }
    }

    /// <inheritdoc/>
    public override int Read(int rows)
    {
        _start += _count;
        _count = Math.Min(rows, _length - _start);
        return _count;
    }

    private static long[] Widen<T>(ReadOnlySpan<T> values)
        where T : struct, IConvertible
    {
        long[] wide = new long[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            wide[i] = values[i].ToInt64(System.Globalization.CultureInfo.InvariantCulture);
        }

        return wide;
    }

    private static double[] Widen(ReadOnlySpan<float> values)
    {
        double[] wide = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            wide[i] = values[i];
        }

        return wide;
    }

    private static int[] Indices(IArrowArray indices)
    {
        long[] wide = indices switch
        {
            Int8Array a => Widen(a.Values),
            Int16Array a => Widen(a.Values),
            Int32Array a => Widen(a.Values),
            Int64Array a => a.Values.ToArray(),
            UInt8Array a => Widen(a.Values),
            UInt16Array a => Widen(a.Values),
            UInt32Array a => Widen(a.Values),
            _ => throw new InvalidDataException("An Arrow dictionary has indices of a type other than integers."),
        };
        int[] narrow = new int[wide.Length];
        for (int i = 0; i < wide.Length; i++)
        {
            narrow[i] = checked((int)wide[i]);
        }

        return narrow;
    }
}
