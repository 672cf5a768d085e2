using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ArtifactHub.UI.Tests.Infrastructure;

/// <summary>
/// One real ArtifactHub server (the built dll as a process, its own data dir and port, on the test stack) and one
/// headless Chromium per test class; each test gets a browser context of its own (<see cref="RunAsync"/>).
/// <see cref="Api"/> prepares data through /api/v1 as admin (HTTP Basic), as a script would, so that a test clicks
/// only through the flow it is about.
/// </summary>
public class UiServerFixture : IAsyncLifetime
{
    private readonly StringBuilder _log = new();
    private readonly TempDir _dataDir = new("ui-data");
    private readonly StackResources _stack = TestStack.Provision("ui");
    private ServerProcess? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    static UiServerFixture()
    {
        // Two cores shared with a server, a browser and the build of others: be patient rather than flaky.
        Assertions.SetDefaultExpectTimeout(15_000);
    }

    public string AdminPassword { get; } = "ui-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();

    public ServerProcess Server => _server ?? throw new InvalidOperationException("server not started");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("browser not started");

    /// <summary>HTTP client for /api/v1 and /repository as admin (Basic), based at the server's root.</summary>
    public HttpClient Api { get; private set; } = null!;

    /// <summary>The server's root over plain HTTP, with a trailing slash: what the browser opens.</summary>
    public Uri Root => Server.Root;

    /// <summary>A certificate to serve HTTPS with as well (the go command sends .netrc credentials only over HTTPS).</summary>
    protected virtual TestCertificate? Tls => null;

    public string ServerLogTail(int maxChars = 4000) => ServerProcess.ReadLog(_log, maxChars);

    public virtual async Task InitializeAsync()
    {
        // The server and the browser start at the same time: each takes a second or two.
        var server = ServerProcess.StartAsync(_dataDir.Path, AdminPassword, _log, Tls, _stack.EnvironmentVariables);
        var browser = Chromium.LaunchAsync();
        try
        {
            _server = await server;
        }
        finally
        {
            (_playwright, _browser) = await browser;
        }

        Api = new HttpClient { BaseAddress = Root, Timeout = TimeSpan.FromSeconds(60) };
        Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"admin:{AdminPassword}")));

        // The UI is built into the server's wwwroot by the server's own build (WebUi.targets): without npm it is not.
        using var index = await Api.GetAsync("ui/");
        Assert.True(index.IsSuccessStatusCode,
            $"GET /ui/ answered {(int)index.StatusCode}: {await index.Content.ReadAsStringAsync()} (is the web UI built? `dotnet build` runs npm in web/)");
    }

    public virtual async Task DisposeAsync()
    {
        Api?.Dispose();
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _dataDir.Dispose();
        _stack.Dispose();
    }

    /// <summary>
    /// Runs one test's steps in a new browser context (<paramref name="width"/> × <paramref name="height"/>). Afterwards
    /// the test fails on anything the browser reported that the test did not expect (<see cref="UiSession.Provokes"/>):
    /// console errors, uncaught exceptions, 4xx/5xx answers, failed requests. A failing step saves a screenshot
    /// <c>failed-{test}.png</c> and reports the page, the browser's problems and the end of the server log.
    /// </summary>
    public async Task RunAsync(string test, Func<UiSession, Task> steps, int width = 1280, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Root.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-GB",
            TimezoneId = "UTC",
        });
        File.Delete(Screenshots.PathOf($"failed-{test}")); // a picture of an earlier run's failure would mislead
        await using var ui = await UiSession.StartAsync(context, Root);
        try
        {
            await steps(ui);
            await ui.SettleAsync();
        }
        catch (Exception e)
        {
            await ui.TryScreenshotAsync($"failed-{test}");
            throw new UiTestFailure($"{e.GetType().Name}: {e.Message}\n{ui.Describe()}\n--- server log (end) ---\n{ServerLogTail()}", e);
        }

        ui.AssertNoUnexpectedProblems(ServerLogTail);
    }

    /// <summary>POST /api/v1/repositories as admin; insists on 201.</summary>
    public async Task CreateRepositoryAsync(object body)
    {
        using var response = await Api.PostAsJsonAsync("api/v1/repositories", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created,
            $"POST /api/v1/repositories answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}\n{ServerLogTail()}");
    }

    /// <summary>PUT a module zip into a hosted repository as admin; insists on 201.</summary>
    public async Task UploadAsync(string repository, string module, string version, byte[] zip)
    {
        using var content = new ByteArrayContent(zip);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        using var response = await Api.PutAsync($"repository/{repository}/{module}/@v/{version}.zip", content);
        Assert.True(response.StatusCode == HttpStatusCode.Created,
            $"PUT {module}@{version} into {repository} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}\n{ServerLogTail()}");
    }

    /// <summary>GET a JSON document from /api/v1 as admin; insists on 200.</summary>
    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Api.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}

/// <summary>A UI test step failed; the message carries what the browser and the server said.</summary>
public sealed class UiTestFailure(string message, Exception? inner = null) : Exception(message, inner);
