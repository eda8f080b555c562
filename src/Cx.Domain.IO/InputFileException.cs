namespace Cx.Domain.IO;

/// <summary>A file cannot be read at all: it is empty, lacks a column, is not in the encoding it was read with
/// throughout, or is not a file of the kind expected. Row-level problems do not throw; they are returned with the rows
/// that could be read.</summary>
public sealed class InputFileException : FormatException
{
    /// <summary>Initializes an exception with a generic message.</summary>
    public InputFileException()
        : this("input", [new FileProblem(null, null, null, null, null, "The file cannot be read.")])
    {
    }

    /// <summary>Initializes an exception with one problem.</summary>
    /// <param name="message">What is wrong.</param>
    public InputFileException(string message)
        : this("input", [new FileProblem(null, null, null, null, null, message ?? "The file cannot be read.")])
    {
    }

    /// <summary>Initializes an exception with one problem and its cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public InputFileException(string message, Exception? innerException)
        : base(message, innerException)
    {
        FileName = "input";
        Problems = [new FileProblem(null, null, null, null, null, message ?? "The file cannot be read.")];
    }

    /// <summary>Initializes an exception with the problems found.</summary>
    /// <param name="fileName">The file's name as messages show it.</param>
    /// <param name="problems">The problems, in file order.</param>
    /// <exception cref="ArgumentNullException"><paramref name="fileName"/> or <paramref name="problems"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="problems"/> holds a null.</exception>
    public InputFileException(string fileName, IReadOnlyList<FileProblem> problems)
        : base(Describe(fileName, problems))
    {
        FileName = fileName;

        // A copy: the exception reports the problems it was made with, whatever becomes of the caller's list.
        Problems = [.. problems];
    }

    /// <summary>Gets the file's name as messages show it.</summary>
    public string FileName { get; }

    /// <summary>Gets the problems, in file order.</summary>
    public IReadOnlyList<FileProblem> Problems { get; }

    private static string Describe(string fileName, IReadOnlyList<FileProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(problems);
        for (int i = 0; i < problems.Count; i++)
        {
            if (problems[i] is null)
            {
                throw new ArgumentException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected a problem at position {i}, got null."), nameof(problems));
            }
        }

        return string.Join(Environment.NewLine, problems.Select(p => p.Format(fileName)));
    }
}
