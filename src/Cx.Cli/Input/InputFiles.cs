using Cx.Domain.IO;

namespace Cx.Cli.Input;

/// <summary>Opens an input file (or standard input for <c>-</c>) for a reader of <c>Cx.Domain.IO</c>, with progress on a
/// terminal for large files, and turns every way a read can fail into bad input naming the file. The reader gets the
/// run's cancellation (Ctrl-C) and reads through a stream that stops at its next read once cancelled.</summary>
internal static class InputFiles
{
    public static T Read<T>(string path, string option, string what, TextWriter stderr, CxConsole console, Func<Stream, string, IProgress<long>?, CancellationToken, T> read)
    {
        if (path == "-")
        {
            using Stream stdin = CancellableStream.Wrap(console.OpenStandardInput(), console.Cancellation);
            return Guarded("stdin", () => read(stdin, "stdin", null, console.Cancellation));
        }

        if (Directory.Exists(path))
        {
            throw new BadInputException($"{option}: '{path}' is a folder; give {what}.");
        }

        string name = Path.GetFileName(path);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new BadInputException($"Cannot read '{path}': {ex.Message}", ex);
        }

        // A Parquet file is read by row groups on every core, each worker opening the file by its path: it gets the file
        // stream itself (cancellation is checked between row groups); everything else reads through a stream that stops
        // at its next read once cancelled.
        using (Stream input = Cx.Domain.IO.Internal.ParquetInput.IsParquet(stream) ? stream : CancellableStream.Wrap(stream, console.Cancellation))
        {
            ProgressReporter? progress = !console.IsErrorRedirected && stream.Length > console.ProgressThresholdBytes
                ? new ProgressReporter(stderr, name, stream.Length)
                : null;
            T result = Guarded(name, () => read(input, name, progress, console.Cancellation));
            progress?.Done();
            return result;
        }
    }

    /// <summary>Says which encoding a file was read with, when it is not the default UTF-8 (chosen or found by its byte
    /// order mark), so a wrong choice is visible.</summary>
    public static void SayEncoding(TextWriter stderr, string name, string? encoding, TextFileOptions text)
    {
        if (encoding is not null && encoding is not ("Parquet" or "Arrow") && (encoding != "UTF-8" || text.Encoding is not (InputEncoding.Utf8 or InputEncoding.Unknown)))
        {
            CxApp.WriteLine(stderr, $"cx: read {name} as {encoding}.");
        }
    }

    private static T Guarded<T>(string name, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (InputFileException ex)
        {
            throw new BadInputException(name, [.. ex.Problems.Select(ParsedInput.ToInputProblem)], ex.Problems.Count);
        }
        catch (IOException ex)
        {
            throw new BadInputException($"Cannot read '{name}': {ex.Message}", ex);
        }
        catch (ArgumentException ex)
        {
            throw BadInputException.FromArgument(string.Empty, ex);
        }
    }
}
