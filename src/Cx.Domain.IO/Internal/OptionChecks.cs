namespace Cx.Domain.IO.Internal;

/// <summary>The checks every reader makes of its options before it reads a byte, so that an option no file could satisfy
/// is an <see cref="ArgumentException"/> naming it (parameter <c>options</c>), never a crash halfway through a read.</summary>
internal static class OptionChecks
{
    /// <summary>Checks the text options: present, a parallelism of 0 (every core) or more, a known encoding.</summary>
    /// <param name="text">The text options.</param>
    /// <param name="paramName">The reader's parameter the options came in.</param>
    /// <exception cref="ArgumentException">The options are null, the parallelism is negative or the encoding unknown.</exception>
    public static void Text(TextFileOptions? text, string paramName = "options")
    {
        if (text is null)
        {
            throw new ArgumentException("Expected text options (Text), got null: leave Text at its default for a comma-separated UTF-8 file with a header.", paramName);
        }

        if (text.MaxDegreeOfParallelism < 0)
        {
            throw new ArgumentOutOfRangeException(paramName, text.MaxDegreeOfParallelism, "Expected MaxDegreeOfParallelism of 0 (every core) or more.");
        }

        if (!Enum.IsDefined(text.Encoding))
        {
            throw new ArgumentOutOfRangeException(paramName, text.Encoding, $"Expected an encoding of {string.Join(", ", Enum.GetNames<InputEncoding>())}.");
        }
    }

    /// <summary>Checks that a column the reader cannot do without names a column.</summary>
    /// <param name="column">The column.</param>
    /// <param name="setting">The option's name, for the message.</param>
    /// <param name="paramName">The reader's parameter the options came in.</param>
    /// <exception cref="ArgumentException">The column names no column (<c>default(ColumnRef)</c>).</exception>
    public static void Required(ColumnRef column, string setting, string paramName = "options")
    {
        if (column.IsNone)
        {
            throw new ArgumentException($"Expected the {setting} column, got one that names no column: name it with ColumnRef.Named (a header name) or ColumnRef.At (a position from 1).", paramName);
        }
    }

    /// <summary>Checks a decimal separator: '.' or ','.</summary>
    /// <param name="separator">The separator.</param>
    /// <param name="paramName">The reader's parameter the options came in.</param>
    /// <exception cref="ArgumentException">The separator is another character.</exception>
    public static void DecimalSeparator(char separator, string paramName = "options")
    {
        if (separator is not ('.' or ','))
        {
            throw new ArgumentException($"Expected '.' or ',' as the decimal separator, got '{separator}'.", paramName);
        }
    }
}
