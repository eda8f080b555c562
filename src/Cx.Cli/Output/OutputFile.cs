using System.Text;

namespace Cx.Cli.Output;

/// <summary>Writes the result to standard output, or to a file that appears whole or not at all.</summary>
internal static class OutputFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Runs <paramref name="write"/> on standard output, or on a temporary file in the destination's folder
    /// that is moved over the destination once it is complete; on any failure the destination is untouched and the
    /// temporary file removed.</summary>
    public static void Write(string? path, TextWriter stdout, Action<TextWriter> write)
    {
        if (path is null)
        {
            write(stdout);
            stdout.Flush();
            return;
        }

        string full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new BadInputException($"--output: '{path}' is a folder; give a file name.");
        }

        string folder = Path.GetDirectoryName(full) ?? Directory.GetCurrentDirectory();
        if (!Directory.Exists(folder))
        {
            throw new BadInputException($"--output: the folder '{folder}' does not exist; create it first.");
        }

        string temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var writer = new StreamWriter(temp, append: false, Utf8NoBom))
            {
                write(writer);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new BadInputException($"--output: cannot write '{path}': {ex.Message}", ex);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
