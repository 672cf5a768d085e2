using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace ArtifactHub.UI.Tests.Infrastructure;

/// <summary>
/// One test's browser context and page, and a record of what the browser reported: console errors, uncaught
/// exceptions, answers of 400 and above, and requests that failed. What the test provokes on purpose it declares with
/// <see cref="Provokes"/>; anything else fails the test (<see cref="AssertNoUnexpectedProblems"/>): a UI that throws in
/// the console or calls an endpoint that fails is a bug a user would notice.
/// </summary>
public sealed class UiSession : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<string> _problems = [];
    private readonly List<string> _expectedSeen = [];
    private readonly List<(string Method, string Path, int Status)> _expected =
    [
        // The app asks who is signed in when it starts; signed out, the server answers 401. That is how the UI learns it.
        ("GET", "/api/v1/me", 401),
    ];
    private readonly List<Task> _pending = [];

    private UiSession(IBrowserContext context, IPage page, Uri root)
    {
        Context = context;
        Page = page;
        Root = root;
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>The server's root (http://127.0.0.1:port/).</summary>
    public Uri Root { get; }

    /// <summary>The navigation landmark "Main" of the frame (Layout.tsx).</summary>
    public ILocator Nav => Page.GetByRole(AriaRole.Navigation, new() { Name = "Main", Exact = true });

    /// <summary>The page's own content (&lt;main&gt;), without the frame's navigation.</summary>
    public ILocator Main => Page.GetByRole(AriaRole.Main);

    public static async Task<UiSession> StartAsync(IBrowserContext context, Uri root)
    {
        context.SetDefaultTimeout(20_000);
        context.SetDefaultNavigationTimeout(30_000);
        var page = await context.NewPageAsync();
        var session = new UiSession(context, page, root);
        context.Console += (_, message) => session.OnConsole(message);
        context.WebError += (_, error) => session.Problem($"uncaught exception in the page: {error.Error}");
        context.Response += (_, response) => session.OnResponse(response);
        context.RequestFailed += (_, request) => session.OnRequestFailed(request);
        await session.AnswerLoginDialogsAsync();
        return session;
    }

    /// <summary>
    /// Declares an answer the test provokes (a wrong password, a refused upload): <paramref name="path"/> is the URL's
    /// path, or a prefix of it when it ends with <c>*</c>.
    /// </summary>
    public void Provokes(string method, string path, int status)
    {
        lock (_gate)
        {
            _expected.Add((method, path, status));
        }
    }

    /// <summary>Opens <paramref name="path"/> (e.g. <c>/ui/account</c>) on the server.</summary>
    public async Task GotoAsync(string path) => await Page.GotoAsync(path);

    /// <summary>The page's &lt;h1&gt; named exactly <paramref name="name"/>.</summary>
    public ILocator H1(string name) => Page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1, Exact = true });

    /// <summary>Waits until the page's h1 is <paramref name="name"/>.</summary>
    public async Task ExpectH1Async(string name) => await Expect(H1(name)).ToBeVisibleAsync();

    /// <summary>Waits until the address is <c>/ui{path}</c> (no query), e.g. <c>/repositories/go-hosted</c>.</summary>
    public async Task ExpectPathAsync(string uiPath) =>
        await Expect(Page).ToHaveURLAsync(new Regex("^" + Regex.Escape(new Uri(Root, "ui" + uiPath).ToString()) + "/?$"));

    /// <summary>The sign-in page, filled in and sent with the mouse; waits until the header offers "Sign out".</summary>
    public async Task SignInAsync(string userName, string password)
    {
        await GotoAsync("/ui/sign-in");
        await ExpectH1Async("Sign in");
        await Page.GetByLabel("User name", new() { Exact = true }).FillAsync(userName);
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await Main.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true })).ToBeVisibleAsync();
    }

    /// <summary>A full-page PNG <c>{name}.png</c> in <see cref="Screenshots.Folder"/>.</summary>
    public async Task ScreenshotAsync(string name)
    {
        // Let the page finish its requests (lists, counts) so the picture shows what a user would see.
        await SettleAsync();
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathOf(name), FullPage = true });
    }

    /// <summary>Drops a file on <paramref name="target"/> as a user dragging it from the desktop would: dragenter, dragover, drop with a DataTransfer holding it.</summary>
    public async Task DropFileAsync(ILocator target, string fileName, byte[] bytes, string mimeType = "application/zip")
    {
        var dataTransfer = await Page.EvaluateHandleAsync(
            """
            ([name, base64, type]) => {
              const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
              const transfer = new DataTransfer();
              transfer.items.add(new File([bytes], name, { type }));
              return transfer;
            }
            """,
            new object[] { fileName, Convert.ToBase64String(bytes), mimeType });
        foreach (var type in new[] { "dragenter", "dragover", "drop" })
        {
            await target.DispatchEventAsync(type, new Dictionary<string, object> { ["dataTransfer"] = dataTransfer });
        }
    }

    /// <summary>Waits (briefly) until the page has no requests in flight, and for the bodies of refused answers.</summary>
    public async Task SettleAsync()
    {
        try
        {
            await Page.WaitForLoadStateAsync(LoadState.NetworkIdle, new() { Timeout = 5_000 });
        }
        catch (TimeoutException)
        {
            // A page that keeps polling is not an error in itself.
        }

        Task[] pending;
        lock (_gate)
        {
            pending = [.. _pending];
        }

        await Task.WhenAll(pending);
    }

    public async Task TryScreenshotAsync(string name)
    {
        try
        {
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathOf(name), FullPage = true, Timeout = 10_000 });
        }
        catch (PlaywrightException)
        {
            // The page is gone; the failure speaks for itself.
        }
    }

    /// <summary>The page's address and what the browser reported, for failure messages.</summary>
    public string Describe()
    {
        lock (_gate)
        {
            var problems = _problems.Count == 0 ? "(none)" : string.Join("\n", _problems);
            var expected = _expectedSeen.Count == 0 ? "(none)" : string.Join("\n", _expectedSeen);
            return $"--- page: {Page.Url} ---\n--- unexpected in the browser ---\n{problems}\n--- provoked on purpose ---\n{expected}";
        }
    }

    public void AssertNoUnexpectedProblems(Func<int, string> serverLogTail)
    {
        lock (_gate)
        {
            if (_problems.Count > 0)
            {
                throw new UiTestFailure(
                    $"the browser reported {_problems.Count} unexpected problem(s):\n{string.Join("\n", _problems)}\n--- server log (end) ---\n{serverLogTail(3000)}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Context.CloseAsync();
        }
        catch (PlaywrightException)
        {
            // The browser went away first.
        }
    }

    /// <summary>
    /// A 401 that carries <c>WWW-Authenticate: Basic</c> makes Chromium ask for a user name and password in a dialog of
    /// its own, and the request waits for the answer. Headless, no one would ever answer and the page would hang; so,
    /// through the DevTools protocol, the test does what a user would do (press Cancel, which hands the 401 to the page)
    /// and records the dialog as a problem: a UI that pops up the browser's login box has a bug.
    /// </summary>
    private async Task AnswerLoginDialogsAsync()
    {
        var cdp = await Context.NewCDPSessionAsync(Page);
        cdp.Event("Fetch.requestPaused").OnEvent += (_, e) =>
            Background(cdp.SendAsync("Fetch.continueRequest", new() { ["requestId"] = e!.Value.GetProperty("requestId").GetString()! }));
        cdp.Event("Fetch.authRequired").OnEvent += (_, e) =>
        {
            var request = e!.Value.GetProperty("request");
            Problem($"the browser showed its own login dialog for {request.GetProperty("method").GetString()} {request.GetProperty("url").GetString()} " +
                "(a 401 with WWW-Authenticate: Basic); the test pressed Cancel");
            Background(cdp.SendAsync("Fetch.continueWithAuth", new()
            {
                ["requestId"] = e.Value.GetProperty("requestId").GetString()!,
                ["authChallengeResponse"] = new Dictionary<string, object> { ["response"] = "CancelAuth" },
            }));
        };

        // Only the API's requests pass through here (paused and let go at once): the UI calls nothing else that needs a sign-in.
        await cdp.SendAsync("Fetch.enable", new()
        {
            ["handleAuthRequests"] = true,
            ["patterns"] = new[] { new Dictionary<string, object> { ["urlPattern"] = "*/api/*" } },
        });
    }

    private void Background(Task task)
    {
        lock (_gate)
        {
            _pending.Add(task.ContinueWith(
                t => t.Exception?.Handle(e => e is PlaywrightException), // the page closed under a paused request
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default));
        }
    }

    private void OnConsole(IConsoleMessage message)
    {
        if (message.Type != "error")
        {
            return;
        }

        // Chromium logs every answer of 400+ and every failed request as "Failed to load resource: …"; those are judged
        // in OnResponse / OnRequestFailed, where the method and the URL are known.
        if (message.Text.StartsWith("Failed to load resource:", StringComparison.Ordinal))
        {
            return;
        }

        Problem($"console error: {message.Text} ({message.Location})");
    }

    private void OnResponse(IResponse response)
    {
        if (response.Status < 400)
        {
            return;
        }

        var method = response.Request.Method;
        var path = new Uri(response.Url).AbsolutePath;
        var line = $"{method} {response.Url} answered {response.Status}";
        bool expected;
        lock (_gate)
        {
            expected = _expected.Any(e => e.Status == response.Status && e.Method == method &&
                (e.Path.EndsWith('*') ? path.StartsWith(e.Path[..^1], StringComparison.Ordinal) : path == e.Path));
            var record = expected ? _expectedSeen : _problems;
            var index = record.Count;
            record.Add(line);
            _pending.Add(AppendBodyAsync(response, record, index, line));
        }
    }

    private async Task AppendBodyAsync(IResponse response, List<string> record, int index, string line)
    {
        string body;
        try
        {
            body = await response.TextAsync();
        }
        catch (PlaywrightException)
        {
            return; // the page navigated away and took the body with it
        }

        lock (_gate)
        {
            record[index] = $"{line}: {(body.Length > 500 ? body[..500] + "…" : body)}";
        }
    }

    private void OnRequestFailed(IRequest request)
    {
        // A request the page itself cancelled (it navigated on, or aborted a stale fetch) is not a failure a user sees.
        if (request.Failure is "net::ERR_ABORTED")
        {
            return;
        }

        Problem($"{request.Method} {request.Url} failed: {request.Failure}");
    }

    private void Problem(string text)
    {
        lock (_gate)
        {
            _problems.Add(text);
        }
    }
}

/// <summary>Where the screenshots go: <c>screenshots/</c> beside the test assembly.</summary>
public static class Screenshots
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static string PathOf(string name)
    {
        Directory.CreateDirectory(Folder);
        return Path.Combine(Folder, name + ".png");
    }
}
