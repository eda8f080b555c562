using System.Text;

namespace Cx.Cli.Output;

/// <summary>Writes the results to standard output, or to files that appear whole or not at all, never over an input and
/// never after the run was cancelled.</summary>
/// <remarks>
/// <para>Each file is written to a temporary file in its folder, and moved over the destination once every output of the
/// run is complete; on any failure the destinations are untouched and the temporary files removed. An output that names
/// an input of the run (also through <c>./</c>, <c>..</c> or a symbolic link) is refused before anything is read.</para>
/// <para>Committing (moving the files, writing standard output) happens under one lock, so that Ctrl-C either stops the run
/// before its output appears (<see cref="Abandon"/>) or lets a commit already under way finish.</para>
/// </remarks>
internal static class OutputFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);
    private static readonly Lock Gate = new();
    private static readonly HashSet<string> Temporary = [];
    private static bool _abandoned;
    private static bool _committed;

    /// <summary>Checks the outputs before any work: each is a file in an existing folder, no two are the same file, and none
    /// is one of the inputs (however its path is spelled).</summary>
    /// <exception cref="BadInputException">An output is unusable, repeated, or names an input.</exception>
    public static void Check(IEnumerable<(string Option, string? Path)> outputs, IEnumerable<(string Option, string? Path)> inputs)
    {
        var seen = new List<(string Option, string Path, string Real)>();
        (string Option, string Path, string Real)[] sources = [.. inputs
            .Where(i => i.Path is not null && i.Path != "-")
            .Select(i => (i.Option, i.Path!, RealPath(i.Path!)))
            .Where(i => i.Item3 is not null)
            .Select(i => (i.Option, i.Item2, i.Item3!))];
        foreach ((string option, string? path) in outputs)
        {
            if (path is null)
            {
                continue;
            }

            string full = FullPath(option, path);
            if (Directory.Exists(full))
            {
                throw new BadInputException($"{option}: '{path}' is a folder; give a file name.");
            }

            string folder = Path.GetDirectoryName(full) ?? Directory.GetCurrentDirectory();
            if (!Directory.Exists(folder))
            {
                throw new BadInputException($"{option}: the folder '{folder}' does not exist; create it first.");
            }

            string real = RealPath(path) ?? full;
            foreach ((string inputOption, string inputPath, string inputReal) in sources)
            {
                if (SameFile(real, inputReal))
                {
                    throw new BadInputException($"{option}: '{path}' is the input file of {inputOption} ('{inputPath}'); writing there would replace your data with the report. Give another file name.");
                }
            }

            foreach ((string otherOption, string otherPath, string otherReal) in seen)
            {
                if (SameFile(real, otherReal))
                {
                    throw new BadInputException($"{option}: '{path}' is also the file of {otherOption} ('{otherPath}'); give each output its own file.");
                }
            }

            seen.Add((option, path, real));
        }
    }

    /// <summary>Writes one result to standard output, or to the file <paramref name="path"/>.</summary>
    public static void Write(string? path, TextWriter stdout, Action<TextWriter> write, CxConsole console, params (string Option, string? Path)[] inputs) =>
        WriteAll([("--output", path, write)], stdout, console, inputs);

    /// <summary>Writes several results: those without a path to standard output (in order), the others to their files, all
    /// or none.</summary>
    /// <exception cref="BadInputException">An output is unusable or cannot be written; nothing was written.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled; nothing was written.</exception>
    public static void WriteAll(IReadOnlyList<(string Option, string? Path, Action<TextWriter> Write)> outputs, TextWriter stdout, CxConsole console, params (string Option, string? Path)[] inputs)
    {
        Check(outputs.Select(o => (o.Option, o.Path)), inputs);
        CancellationToken cancellation = console.Cancellation;
        var done = new List<(string Temp, string Full, string Option, string Path)>();
        var toStdout = new List<string>();
        try
        {
            foreach ((string option, string? path, Action<TextWriter> write) in outputs)
            {
                cancellation.ThrowIfCancellationRequested();

                // Standard output is written at the commit too, from a temporary file: a large result costs no memory,
                // and a cancelled run prints nothing.
                string temp = path is null
                    ? Path.Combine(Path.GetTempPath(), $"cx-{Guid.NewGuid():N}.tmp")
                    : Path.Combine(Path.GetDirectoryName(FullPath(option, path))!, $".{Path.GetFileName(FullPath(option, path))}.{Guid.NewGuid():N}.tmp");
                lock (Gate)
                {
                    Temporary.Add(temp);
                }

                if (path is null)
                {
                    toStdout.Add(temp);
                }
                else
                {
                    done.Add((temp, FullPath(option, path), option, path));
                }

                Attempt(option, path ?? "standard output", () =>
                {
                    using var writer = new StreamWriter(temp, append: false, Utf8NoBom);
                    write(new CancellableWriter(writer, cancellation));
                });
            }

            lock (Gate)
            {
                if (_abandoned)
                {
                    throw new OperationCanceledException(cancellation);
                }

                cancellation.ThrowIfCancellationRequested();
                _committed = true;
                foreach ((string temp, string full, string option, string path) in done)
                {
                    Attempt(option, path, () => File.Move(temp, full, overwrite: true));
                }

                foreach (string temp in toStdout)
                {
                    using var reader = new StreamReader(temp, Utf8NoBom);
                    char[] buffer = new char[81_920];
                    for (int n; (n = reader.Read(buffer, 0, buffer.Length)) > 0;)
                    {
                        stdout.Write(new string(buffer, 0, n));
                    }
                }

                stdout.Flush();
            }
        }
        finally
        {
            foreach (string temp in done.Select(d => d.Temp).Concat(toStdout))
            {
                Remove(temp);
            }
        }
    }

    /// <summary>Stops every output of the run from appearing (Ctrl-C while a computation cannot be interrupted): removes the
    /// temporary files and refuses any later commit.</summary>
    /// <returns><see langword="true"/> when nothing had been committed; <see langword="false"/> when the run's output was
    /// already written (the run should then be allowed to finish).</returns>
    public static bool Abandon()
    {
        lock (Gate)
        {
            if (_committed)
            {
                return false;
            }

            _abandoned = true;
            foreach (string temp in Temporary.ToArray())
            {
                Remove(temp);
            }

            return true;
        }
    }

    /// <summary>The absolute path of an output, or bad input naming the option when the path is not a path.</summary>
    private static string FullPath(string option, string path)
    {
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException or System.Security.SecurityException)
        {
            throw new BadInputException($"{option}: '{path}' is not a usable file name: {e.Message}", e);
        }
    }

    private static void Attempt(string option, string path, Action action)
    {
        try
        {
            action();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or System.Security.SecurityException)
        {
            throw new BadInputException($"{option}: cannot write '{path}' (cx writes a temporary file in the same folder, then renames it): {e.Message} Nothing was written.", e);
        }
    }

    private static void Remove(string temp)
    {
        try
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a temporary file that cannot be removed is left, never the destination.
        }

        lock (Gate)
        {
            Temporary.Remove(temp);
        }
    }

    private static bool SameFile(string a, string b) =>
        string.Equals(a, b, OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    /// <summary>The path with <c>.</c>, <c>..</c> and every symbolic link along it resolved (the part that does not exist yet
    /// is kept as written), or null when it is not a usable path.</summary>
    internal static string? RealPath(string path, int depth = 0)
    {
        if (depth > 40)
        {
            return null;
        }

        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException or System.Security.SecurityException)
        {
            return null;
        }

        string root = Path.GetPathRoot(full) ?? string.Empty;
        string current = root;
        string[] parts = full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < parts.Length; i++)
        {
            string next = Path.Combine(current, parts[i]);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.LinkTarget is not null)
            {
                FileSystemInfo? target;
                try
                {
                    target = info.ResolveLinkTarget(returnFinalTarget: true);
                }
                catch (IOException)
                {
                    target = null;
                }

                if (target is not null)
                {
                    // Resolve the target in its turn (its own folders may be links), then go on with the rest.
                    string rest = string.Join(Path.DirectorySeparatorChar, parts[(i + 1)..]);
                    return RealPath(rest.Length == 0 ? target.FullName : Path.Combine(target.FullName, rest), depth + 1);
                }
            }

            current = next;
        }

        return current;
    }

    /// <summary>A writer that stops with <see cref="OperationCanceledException"/> once the run is cancelled.</summary>
    private sealed class CancellableWriter(TextWriter inner, CancellationToken cancellation) : TextWriter(System.Globalization.CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => inner.Encoding;

        public override string NewLine
        {
            get => inner.NewLine;
#pragma warning disable CS8765 // TextWriter.NewLine's setter accepts null; so does the inner writer's.
            set => inner.NewLine = value;
#pragma warning restore CS8765
        }

        public override void Write(char value)
        {
            cancellation.ThrowIfCancellationRequested();
            inner.Write(value);
        }

        public override void Write(char[] buffer, int index, int count)
        {
            cancellation.ThrowIfCancellationRequested();
            inner.Write(buffer, index, count);
        }

        public override void Write(ReadOnlySpan<char> buffer)
        {
            cancellation.ThrowIfCancellationRequested();
            inner.Write(buffer);
        }

        public override void Write(string? value)
        {
            cancellation.ThrowIfCancellationRequested();
            inner.Write(value);
        }

        public override void Flush() => inner.Flush();
    }
}
