using System.Diagnostics;
using System.Globalization;

namespace Cx.Cli;

/// <summary>Shows how far the reading of a large file has got, on one line of standard error that it rewrites.</summary>
/// <remarks>Only created when standard error is a terminal and the file is large (see <see cref="CxConsole"/>): a log
/// or a pipe never gets progress lines. Updates at most five times a second and clears its line when done.</remarks>
internal sealed class ProgressReporter : IProgress<long>
{
    private static readonly long Interval = Stopwatch.Frequency / 5;
    private readonly TextWriter _stderr;
    private readonly string _name;
    private readonly long _totalBytes;
    private long _lastTick;
    private int _lastLength;

    public ProgressReporter(TextWriter stderr, string name, long totalBytes)
    {
        _stderr = stderr;
        _name = CxApp.Visible(name);
        _totalBytes = Math.Max(1, totalBytes);
        _lastTick = Stopwatch.GetTimestamp() - Interval;
    }

    public void Report(long bytesRead)
    {
        long now = Stopwatch.GetTimestamp();
        if (now - _lastTick < Interval)
        {
            return;
        }

        _lastTick = now;
        long percent = Math.Clamp(bytesRead * 100 / _totalBytes, 0, 100);
        string text = string.Create(CultureInfo.InvariantCulture, $"Reading {_name}: {percent}% ({bytesRead / (1024 * 1024)} of {_totalBytes / (1024 * 1024)} MiB)");
        _stderr.Write('\r' + text.PadRight(_lastLength));
        _stderr.Flush();
        _lastLength = text.Length;
    }

    public void Done()
    {
        if (_lastLength > 0)
        {
            _stderr.Write('\r' + new string(' ', _lastLength) + '\r');
            _stderr.Flush();
            _lastLength = 0;
        }
    }
}
