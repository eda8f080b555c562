using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Cx.Domain.Tests.TestData;

/// <summary>Opens HTML in headless Chromium: the DOM after the page ran, every console message it logged, and a
/// screenshot. For tests of every HTML output (renderers, charts, pages, notebook formatters).</summary>
/// <remarks>
/// <para>The browser is <c>CX_CHROMIUM</c> when set, else the first of <c>chromium</c>, <c>chromium-browser</c>,
/// <c>google-chrome</c> on the usual paths. Tests use <see cref="ChromiumFactAttribute"/>: without a browser they are
/// skipped on a developer machine and fail under <c>CI=true</c> (<c>.ci/run</c> installs <c>chromium</c>).</para>
/// <para>Each page is opened twice, in a fresh profile each time: once with <c>--dump-dom</c> and console logging on
/// standard error (Chromium prints <c>INFO:CONSOLE</c> lines for every console message, CSP violations included), once
/// with <c>--screenshot</c>. Screenshots go to <see cref="ScreenshotFolder"/>: look at them.</para>
/// </remarks>
public static partial class Chromium
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable", "/snap/bin/chromium"];

    /// <summary>Gets the browser's path, or null when none is installed.</summary>
    public static string? Executable { get; } = Find();

    /// <summary>Gets a value indicating whether a missing browser fails the tests (<c>CI=true</c>).</summary>
    public static bool Required => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Gets the folder of the screenshots: <c>screenshots</c> beside the test assembly.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>Opens a page and returns its DOM, its console messages and the path of its screenshot.</summary>
    /// <param name="html">The whole document.</param>
    /// <param name="name">A file name for the page and its screenshot (letters, digits, dashes).</param>
    /// <param name="height">The height of the window for the screenshot, in pixels.</param>
    public static ChromiumPage Open(string html, string name, int height = 3000)
    {
        string browser = Executable ?? throw new InvalidOperationException(
            "No Chromium found (set CX_CHROMIUM, or install the Debian package chromium: apt-get install -y chromium).");
        Directory.CreateDirectory(ScreenshotFolder);
        string page = Path.Combine(ScreenshotFolder, name + ".html");
        File.WriteAllText(page, html, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        string url = new Uri(page).AbsoluteUri;

        (string dom, string log) = Run(browser, ["--enable-logging=stderr", "--v=0", "--dump-dom", url]);
        File.WriteAllText(Path.Combine(ScreenshotFolder, name + ".dom.html"), dom);
        string screenshot = Path.Combine(ScreenshotFolder, name + ".png");
        File.Delete(screenshot);
        Run(browser, [$"--screenshot={screenshot}", $"--window-size=1280,{height}", "--hide-scrollbars", url]);
        if (!File.Exists(screenshot) || new FileInfo(screenshot).Length == 0)
        {
            throw new InvalidOperationException($"Chromium wrote no screenshot of {page}.");
        }

        string[] console = [.. log.Split('\n').Where(l => ConsoleLine().IsMatch(l)).Select(l => l.Trim())];
        return new ChromiumPage(dom, console, screenshot);
    }

    private static (string Stdout, string Stderr) Run(string browser, string[] args)
    {
        string profile = Path.Combine(Path.GetTempPath(), "cx-chromium-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo(browser)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in (string[])
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-extensions", "--mute-audio", $"--user-data-dir={profile}", .. args,
        ])
        {
            start.ArgumentList.Add(a);
        }

        try
        {
            using Process process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {browser}.");
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"Chromium did not finish within 120 s: {string.Join(' ', args)}");
            }

            return (stdout.Result, stderr.Result);
        }
        finally
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
                // A crash handler may still hold a file; the folder is in the temp folder.
            }
        }
    }

    private static string? Find()
    {
        string? configured = Environment.GetEnvironmentVariable("CX_CHROMIUM");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured) ? configured : throw new InvalidOperationException($"CX_CHROMIUM is {configured}, which does not exist.");
        }

        return Candidates.FirstOrDefault(File.Exists);
    }

    [GeneratedRegex(@":CONSOLE[:(]")]
    private static partial Regex ConsoleLine();
}

/// <summary>What Chromium made of a page.</summary>
/// <param name="Dom">The serialized DOM after the page loaded.</param>
/// <param name="ConsoleMessages">Every console message (errors, warnings, CSP violations), one per line.</param>
/// <param name="Screenshot">The path of the PNG screenshot.</param>
public sealed record ChromiumPage(string Dom, IReadOnlyList<string> ConsoleMessages, string Screenshot);

/// <summary>A fact that needs Chromium: skipped when none is installed on a developer machine, failing under <c>CI=true</c>.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Executable is null && !Chromium.Required)
        {
            Skip = "No Chromium on this machine (apt-get install -y chromium, or set CX_CHROMIUM); required when CI=true.";
        }
    }
}
