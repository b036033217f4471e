using Microsoft.Playwright;

namespace SoraPromptGenie.BrowserTests.Infrastructure;

/// <summary>Debian's Chromium, driven headless; nothing downloads a browser. A missing Chromium fails the run.</summary>
public static class Browser
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"{ChromiumPath} is missing: install Debian's chromium (apt-get install chromium); .ci/run does this when it is absent.");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return (playwright, browser);
    }

    /// <summary>The repository's artifacts/screenshots folder (git-ignored), found from the test's output folder.</summary>
    public static string ScreenshotDirectory { get; } = FindScreenshots();

    private static string FindScreenshots()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SoraPromptGenie.slnx")))
        {
            directory = directory.Parent;
        }

        var root = directory?.FullName ?? AppContext.BaseDirectory;
        return System.IO.Directory.CreateDirectory(Path.Combine(root, "artifacts", "screenshots")).FullName;
    }
}
