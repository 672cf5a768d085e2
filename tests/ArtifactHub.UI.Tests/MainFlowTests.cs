using ArtifactHub.UI.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ArtifactHub.UI.Tests;

/// <summary>The server also listens on HTTPS: the go command sends .netrc credentials only over HTTPS.</summary>
public sealed class MainFlowFixture : UiServerFixture
{
    private readonly TestCertificate _tls = new();

    protected override TestCertificate? Tls => _tls;

    public string CertificatePem => _tls.PemPath;

    public string HttpsRoot => $"https://127.0.0.1:{Server.TlsPort}/";

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _tls.Dispose();
    }
}

/// <summary>
/// A user's whole way through the UI, in one test: sign in, create a hosted repository closed to anonymous readers,
/// upload a module zip (file input, then drag and drop), find it, read its go.mod and README, create an API token and
/// use it with curl and the go command, see the audit log, sign out.
/// </summary>
public sealed class MainFlowTests(MainFlowFixture server) : IClassFixture<MainFlowFixture>
{
    private const string Repository = "team-go";
    private const string Module = "example.com/uihello";
    private const string Version = "v1.0.0";
    private const string DroppedModule = "example.com/uidrop";
    private const string DroppedVersion = "v0.1.0";
    private const string Readme = "# uihello\n\nHello from the UI test: this is the README.\n";
    private const string HelloGo = "package uihello\n\n// Hello greets.\nfunc Hello() string { return \"hello from the UI\" }\n";

    [Fact]
    public Task Sign_in_create_a_repository_upload_browse_use_a_token_and_sign_out() => server.RunAsync(nameof(Sign_in_create_a_repository_upload_browse_use_a_token_and_sign_out), async ui =>
    {
        var page = ui.Page;
        var main = ui.Main;

        // Signed out, /ui/ shows the repositories and offers "Sign in" in the header.
        await ui.GotoAsync("/ui/");
        await ui.ExpectPathAsync("/repositories");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await ui.ExpectH1Async("Sign in");
        await page.GetByLabel("User name", new() { Exact = true }).FillAsync("admin");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(server.AdminPassword);
        await main.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await ui.ExpectPathAsync("/repositories");
        await ui.ExpectH1Async("Repositories");
        var hostedRow = main.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = "go-hosted", Exact = true }) });
        await Expect(hostedRow).ToContainTextAsync($"{server.Root}repository/go-hosted");
        await Expect(hostedRow).ToContainTextAsync("Online");
        await Expect(hostedRow.GetByRole(AriaRole.Button, new() { Name = "Copy URL", Exact = true })).ToBeVisibleAsync();
        await ui.ScreenshotAsync("repositories");

        // Administration → Repositories → Create repository: a hosted repository that anonymous callers may not read.
        await ui.Nav.GetByRole(AriaRole.Link, new() { Name = "Administration", Exact = true }).ClickAsync();
        await ui.ExpectH1Async("Administration");
        await main.GetByRole(AriaRole.Link, new() { Name = "Repositories", Exact = true }).ClickAsync();
        await ui.ExpectH1Async("Manage repositories");
        // A new server holds go-hosted, go-proxy and go-group: a row each, each with "Edit" and "Delete".
        await Expect(main.GetByRole(AriaRole.Link, new() { Name = "Edit", Exact = true }).Or(main.GetByRole(AriaRole.Button, new() { Name = "Edit", Exact = true }))).ToHaveCountAsync(3);
        await Expect(main.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true })).ToHaveCountAsync(3);
        await ui.ScreenshotAsync("admin-repositories");
        await main.GetByRole(AriaRole.Link, new() { Name = "Create repository", Exact = true }).ClickAsync();
        await ui.ExpectPathAsync("/admin/repositories/new");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Name", Exact = true }).FillAsync(Repository);
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Type", Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Hosted" });
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Online", Exact = true })).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Anonymous read", Exact = true }).UncheckAsync();
        await ui.ScreenshotAsync("repository-form");
        await main.GetByRole(AriaRole.Button, new() { Name = "Create repository", Exact = true }).ClickAsync();
        await ui.ExpectPathAsync($"/repositories/{Repository}");
        await ui.ExpectH1Async(Repository);
        await Expect(main).ToContainTextAsync("This repository holds no modules yet.");

        // Upload with the "Module zip" file input: published at once, and listed.
        var zip = ModuleZipBuilder.Simple(Module, Version, null, ("README.md", Readme), ("hello.go", HelloGo));
        await page.GetByLabel("Module zip", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "uihello.zip", MimeType = "application/zip", Buffer = zip });
        await Expect(main.GetByRole(AriaRole.Status).Filter(new() { HasText = $"{Module}@{Version}" })).ToBeVisibleAsync();
        await Expect(main.GetByRole(AriaRole.Link, new() { Name = Module, Exact = true })).ToBeVisibleAsync();

        // And by dragging a file onto the drop zone.
        var dropped = ModuleZipBuilder.Simple(DroppedModule, DroppedVersion, null, ("drop.go", "package uidrop\n"));
        await ui.DropFileAsync(page.GetByText("Drop a module zip here", new() { Exact = true }), "uidrop.zip", dropped);
        await Expect(main.GetByRole(AriaRole.Status).Filter(new() { HasText = $"{DroppedModule}@{DroppedVersion}" })).ToBeVisibleAsync();
        await Expect(main.GetByRole(AriaRole.Link, new() { Name = DroppedModule, Exact = true })).ToBeVisibleAsync();

        // "Set up" tells the go command where the repository is, which paths are private, and where the token goes.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Set up", Exact = true })).ToBeVisibleAsync();
        var setup = main.Locator("pre").Filter(new() { HasText = "GOPROXY" });
        await Expect(setup).ToContainTextAsync($"GOPROXY={server.Root}repository/{Repository}");
        await Expect(setup).ToContainTextAsync("example.com");
        await Expect(setup).ToContainTextAsync("machine 127.0.0.1");
        await Expect(main.GetByRole(AriaRole.Button, new() { Name = "Copy set-up", Exact = true })).ToBeVisibleAsync();
        await ui.ScreenshotAsync("repository");

        // "Search modules" narrows the list.
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search modules", Exact = true }).FillAsync("uihello");
        await Expect(main.GetByRole(AriaRole.Link, new() { Name = DroppedModule, Exact = true })).ToHaveCountAsync(0);
        await Expect(main.GetByRole(AriaRole.Link, new() { Name = Module, Exact = true })).ToBeVisibleAsync();

        // The module, then the version: go.mod, and the README in the file viewer.
        await main.GetByRole(AriaRole.Link, new() { Name = Module, Exact = true }).ClickAsync();
        await ui.ExpectPathAsync($"/repositories/{Repository}/modules/{Module}");
        await ui.ExpectH1Async(Module);
        await Expect(main.GetByRole(AriaRole.Button, new() { Name = "Copy go.sum lines", Exact = true })).ToBeVisibleAsync();
        await Expect(main).ToContainTextAsync($"{Module} {Version}/go.mod h1:");
        await ui.ScreenshotAsync("module");
        await main.GetByRole(AriaRole.Link, new() { Name = Version, Exact = true }).First.ClickAsync();
        await ui.ExpectH1Async($"{Module}@{Version}");
        await Expect(main).ToContainTextAsync($"go get {Module}@{Version}");
        await Expect(main.GetByRole(AriaRole.Button, new() { Name = "Copy go get", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "go.mod", Exact = true })).ToBeVisibleAsync();
        await Expect(main.Locator("pre").Filter(new() { HasText = $"module {Module}" })).ToContainTextAsync("go 1.19");
        var viewer = page.GetByRole(AriaRole.Region, new() { Name = "File viewer", Exact = true });
        await Expect(viewer.Locator("pre")).ToContainTextAsync("Hello from the UI test: this is the README.");
        await ui.ScreenshotAsync("version");
        var files = page.GetByRole(AriaRole.Navigation, new() { Name = "Files", Exact = true });
        await files.GetByRole(AriaRole.Link, new() { Name = "hello.go", Exact = true })
            .Or(files.GetByRole(AriaRole.Button, new() { Name = "hello.go", Exact = true })).ClickAsync();
        await Expect(viewer.Locator("pre")).ToContainTextAsync("func Hello() string");

        // Account: a new API token, shown once.
        await ui.Nav.GetByRole(AriaRole.Link, new() { Name = "Account", Exact = true }).ClickAsync();
        await ui.ExpectH1Async("Account");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Token name", Exact = true }).FillAsync("ui-test laptop");
        await main.GetByRole(AriaRole.Button, new() { Name = "Create token", Exact = true }).ClickAsync();
        var newToken = page.GetByLabel("New token", new() { Exact = true });
        await Expect(newToken).ToBeVisibleAsync();
        var token = (await newToken.EvaluateAsync<string>("e => 'value' in e ? e.value : e.textContent")).Trim();
        Assert.False(string.IsNullOrEmpty(token), "the \"New token\" element shows no token");
        await Expect(main.GetByRole(AriaRole.Button, new() { Name = "Copy token", Exact = true })).ToBeVisibleAsync();
        await Expect(main).ToContainTextAsync("not be shown again");
        await Expect(main.GetByRole(AriaRole.Row).Filter(new() { HasText = "ui-test laptop" }).GetByRole(AriaRole.Button, new() { Name = "Revoke", Exact = true })).ToBeVisibleAsync();
        await ui.ScreenshotAsync("account");

        // The token works for curl (the repository refuses anonymous callers) and for the go command through .netrc.
        var listUrl = $"{server.Root}repository/{Repository}/{Module}/@v/list";
        var anonymous = await ProcessRunner.RunAsync("curl", null, null, TimeSpan.FromSeconds(30), CancellationToken.None, "-sS", "-o", "/dev/null", "-w", "%{http_code}", listUrl);
        Assert.Equal("401", anonymous.StdOut.Trim());
        var withToken = await ProcessRunner.RunAsync("curl", null, null, TimeSpan.FromSeconds(30), CancellationToken.None, "-fsS", "-u", $"admin:{token}", listUrl);
        withToken.EnsureSuccess();
        Assert.Equal(Version, withToken.StdOut.Trim());
        await GoDownloadsWithTokenAsync(token);

        // The audit log shows the upload.
        await ui.Nav.GetByRole(AriaRole.Link, new() { Name = "Administration", Exact = true }).ClickAsync();
        await main.GetByRole(AriaRole.Link, new() { Name = "Audit log", Exact = true }).ClickAsync();
        await ui.ExpectH1Async("Audit log");
        await Expect(main.GetByRole(AriaRole.Row).Filter(new() { HasText = Module }).First).ToBeVisibleAsync();
        await ui.ScreenshotAsync("audit-log");

        // Sign out: the header offers "Sign in" again, and a protected page sends there.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        await Expect(ui.Nav.GetByRole(AriaRole.Link, new() { Name = "Administration" })).ToHaveCountAsync(0);
        await ui.GotoAsync("/ui/account");
        await ui.ExpectPathAsync("/sign-in");
        await ui.ExpectH1Async("Sign in");
    });

    /// <summary><c>go mod download</c> through the repository over HTTPS, with the token in HOME/.netrc.</summary>
    private async Task GoDownloadsWithTokenAsync(string token)
    {
        Assert.True(GoTool.IsInstalled, "the go command is required (golang-go)");
        using var dir = new TempDir("ui-go");
        var home = dir.Sub("home");
        await File.WriteAllTextAsync(Path.Combine(home, ".netrc"), $"machine 127.0.0.1 login admin password {token}\n");
        var env = new Dictionary<string, string>
        {
            ["HOME"] = home,
            ["GOPATH"] = dir.Sub("gopath"),
            ["GOMODCACHE"] = dir.Sub("modcache"),
            ["GOCACHE"] = dir.Sub("gocache"),
            ["GOPROXY"] = $"{server.HttpsRoot}repository/{Repository}",
            ["GONOSUMDB"] = "example.com",
            ["GOSUMDB"] = "off",
            ["GOFLAGS"] = "-mod=mod",
            ["GO111MODULE"] = "on",
            ["GOENV"] = "off",
            ["SSL_CERT_FILE"] = server.CertificatePem,
        };
        var result = await GoTool.RunAsync(dir.Sub("work"), env, TimeSpan.FromMinutes(1), CancellationToken.None, "mod", "download", "-json", $"{Module}@{Version}");
        result.EnsureSuccess();
        Assert.Contains($"\"Version\": \"{Version}\"", result.StdOut, StringComparison.Ordinal);
    }
}
