namespace Cx.Cli;

/// <summary>The input or the options are wrong: the tool reports the problems and exits with code 2.</summary>
internal sealed class BadInputException : Exception
{
    public BadInputException()
        : this("The input is invalid.")
    {
    }

    public BadInputException(string message)
        : this(message, innerException: null)
    {
    }

    public BadInputException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Problems = [new InputProblem(null, null, null, message)];
        TotalCount = 1;
    }

    public BadInputException(string source, IReadOnlyList<InputProblem> problems, long totalCount)
        : base($"{source}: {totalCount} problem(s)")
    {
        InputName = source;
        Problems = problems;
        TotalCount = Math.Max(totalCount, problems.Count);
    }

    /// <summary>A refusal for the user from a library's <see cref="ArgumentException"/>: its own sentence, without the
    /// " (Parameter 'x')" the BCL appends (the parameter is the library's, not an option the user can see).</summary>
    /// <param name="prefix">What the sentence is about (an option, a file), with its punctuation; empty for none.</param>
    /// <param name="exception">The exception.</param>
    /// <returns>The exception to throw.</returns>
    public static BadInputException FromArgument(string prefix, ArgumentException exception)
    {
        string message = exception.Message;
        if (exception.ParamName is { } name && message.EndsWith($" (Parameter '{name}')", StringComparison.Ordinal))
        {
            message = message[..^$" (Parameter '{name}')".Length];
        }

        return new BadInputException(prefix + message, exception);
    }

    /// <summary>Gets the name of the input the problems are in (a file name), or null for a problem with the options.</summary>
    public string? InputName { get; }

    /// <summary>Gets the problems, in input order (at most a few thousand are kept).</summary>
    public IReadOnlyList<InputProblem> Problems { get; }

    /// <summary>Gets how many problems there were in all.</summary>
    public long TotalCount { get; }
}
