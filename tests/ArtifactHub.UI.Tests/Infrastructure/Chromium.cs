namespace ArtifactHub.UI.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium (<c>apt-get install -y chromium</c>), driven by the Playwright driver that ships inside the
/// Microsoft.Playwright package (its own node, in <c>.playwright/</c> beside the test assembly). Playwright never
/// downloads a browser here: <see cref="ExecutablePath"/> is always given.
/// </summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>
    /// Headless, no sandbox (the tests run as root), and nothing that reaches out to the internet on its own. Playwright
    /// starts the browser with a fresh user-data dir in the temp folder of its own and deletes it on close.
    /// </summary>
    public static readonly string[] Args =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
    ];

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"{ExecutablePath} is missing: the UI tests drive Debian's Chromium; install it with `apt-get install -y chromium` (test.sh does)");
        }

        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                ChromiumSandbox = false,
                Args = Args,
                Timeout = 60_000,
            });
            return (playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }
}
