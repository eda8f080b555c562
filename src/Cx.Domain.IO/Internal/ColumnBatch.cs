using ParquetSharp;

namespace Cx.Domain.IO.Internal;

/// <summary>What a Parquet or Arrow column holds, from its physical and logical types: the readers turn each kind into their
/// values without going through a string or a <see cref="decimal"/> per row.</summary>
internal enum ColumnKind
{
    /// <summary>A type no reader takes (booleans, nested columns, intervals...).</summary>
    Other,

    /// <summary>Bytes (BYTE_ARRAY or FIXED_LEN_BYTE_ARRAY without a decimal type): UTF-8 text.</summary>
    Text,

    /// <summary>INT32 or INT64 without a logical type the readers know otherwise: whole numbers.</summary>
    Integer,

    /// <summary>INT32 DATE: days since 1970-01-01.</summary>
    Date,

    /// <summary>INT64 TIMESTAMP: units (<see cref="ColumnBatch.UnitsPerDay"/> a day) since 1970-01-01T00:00Z.</summary>
    Timestamp,

    /// <summary>INT96 (legacy Impala/Spark timestamps): nanoseconds of the day and a Julian day number.</summary>
    Int96Timestamp,

    /// <summary>DECIMAL on INT32, INT64, FIXED_LEN_BYTE_ARRAY or BYTE_ARRAY: an unscaled integer and a scale.</summary>
    Decimal,

    /// <summary>FLOAT or DOUBLE.</summary>
    Floating,
}

/// <summary>One column of a columnar file (a Parquet row group, an Arrow record batch) read a batch of rows at a time:
/// row <c>i</c> of the batch has a value when <see cref="ValueOf"/> is not negative, and that is the index of the value
/// in the value arrays (or for <see cref="BytesOf"/>).</summary>
internal abstract class ColumnBatch : IDisposable
{
    public ColumnKind Kind { get; protected init; }

    /// <summary>Gets the scale of a <see cref="ColumnKind.Decimal"/> column.</summary>
    public int Scale { get; protected init; }

    /// <summary>Gets the units a day of a <see cref="ColumnKind.Timestamp"/> column.</summary>
    public long UnitsPerDay { get; protected init; }

    /// <summary>Gets whether whole numbers are in <see cref="Int64s"/> rather than <see cref="Int32s"/>.</summary>
    public bool Is64 { get; protected init; }

    public int[] Int32s { get; protected set; } = [];

    public long[] Int64s { get; protected set; } = [];

    public double[] Doubles { get; protected set; } = [];

    public Int96[] Int96s { get; protected set; } = [];

    /// <summary>The index of row <paramref name="row"/>'s value in the value arrays; -1 for a null.</summary>
    public abstract int ValueOf(int row);

    /// <summary>The UTF-8 bytes of a value of a text column.</summary>
    public abstract ReadOnlySpan<byte> BytesOf(int value);

    /// <summary>The unscaled integer of a value of a decimal or integer column; false when it needs more than 128 bits.</summary>
    public abstract bool TryUnscaled(int value, out Int128 unscaled);

    /// <summary>Reads the next <paramref name="rows"/> rows (fewer only at the end of the group or batch).</summary>
    /// <returns>How many rows were read.</returns>
    public abstract int Read(int rows);

    public virtual void Dispose()
    {
    }
}
