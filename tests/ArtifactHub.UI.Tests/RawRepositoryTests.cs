using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ArtifactHub.UI.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ArtifactHub.UI.Tests;

/// <summary>
/// Raw repositories made through the API: <see cref="Files"/>, empty, for the upload flow; <see cref="Long"/>, holding a
/// file with a long name at the top and one in a directory with a long name, for the layout and a missing directory.
/// </summary>
public sealed class RawRepositoryFixture : UiServerFixture
{
    public const string Files = "raw-files";
    public const string Long = "raw-long";
    public const string LongFile = "artifacthub-server-linux-musl-x64-self-contained-with-a-rather-long-name-2026.12.01-rc.1.tar.gz";
    public const string LongDirectory = "nightly-builds-of-a-rather-long-organisation-name-for-every-platform-we-ship/";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await CreateRepositoryAsync(new { name = Files, format = "raw", type = "hosted", hosted = new { writePolicy = "allow-once" } });
        await CreateRepositoryAsync(new { name = Long, format = "raw", type = "hosted", hosted = new { writePolicy = "allow-once" } });
        await PutFileAsync(Long, LongFile, Encoding.UTF8.GetBytes("a file with a long name\n"));
        await PutFileAsync(Long, LongDirectory + LongFile, Encoding.UTF8.GetBytes("the same name, one directory down\n"));
    }

    /// <summary>PUT a file at its content URL as admin; insists on 201.</summary>
    public async Task PutFileAsync(string repository, string path, byte[] bytes)
    {
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var response = await Api.PutAsync($"repository/{repository}/{EncodePath(path)}", content);
        Assert.True(response.StatusCode == HttpStatusCode.Created,
            $"PUT {path} into {repository} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}\n{ServerLogTail()}");
    }

    /// <summary>Each segment of a path %-encoded, the slashes kept (as the UI's encodePath does).</summary>
    public static string EncodePath(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
}

/// <summary>
/// Raw repositories in the UI, against the real server: made in the administration's form (hosted, proxy, group), and a
/// hosted one's page: upload (file input and drop) into subdirectories, the file tree with its breadcrumb, download,
/// the server's refusal of other bytes under a stored name, delete; an empty repository, a missing directory, and the
/// page's fit at a phone's and a desktop's width.
/// </summary>
public sealed class RawRepositoryTests(RawRepositoryFixture server) : IClassFixture<RawRepositoryFixture>
{
    private const string RawFormat = "Raw (any file at any path)";
    private const string Files = RawRepositoryFixture.Files;
    private const string UploadPath = $"/api/v1/repositories/{Files}/upload";

    // A name with a space and a '#': each must be %-encoded in the download link, or the '#' would start a fragment.
    private const string SpacedName = "my file#1.txt";
    private const string SpacedPath = "releases/1.0/" + SpacedName;
    private const string DroppedName = "checksums.txt";
    private const string DroppedPath = "releases/" + DroppedName;

    [Fact]
    public Task A_raw_hosted_repository_is_created_in_the_form_with_its_write_policy() => server.RunAsync(nameof(A_raw_hosted_repository_is_created_in_the_form_with_its_write_policy), async ui =>
    {
        var page = ui.Page;
        await ui.SignInAsync("admin", server.AdminPassword);

        // Administration → Repositories → Create repository.
        await ui.Nav.GetByRole(AriaRole.Link, new() { Name = "Administration", Exact = true }).ClickAsync();
        await ui.ExpectH1Async("Administration");
        await ui.Main.GetByRole(AriaRole.Link, new() { Name = "Repositories", Exact = true }).ClickAsync();
        await ui.ExpectH1Async("Manage repositories");
        await ui.Main.GetByRole(AriaRole.Link, new() { Name = "Create repository", Exact = true }).ClickAsync();
        await ui.ExpectPathAsync("/admin/repositories/new");

        await page.GetByRole(AriaRole.Textbox, new() { Name = "Name", Exact = true }).FillAsync("ui-raw-hosted");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Format", Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = RawFormat });
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Type", Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Hosted" });
        var policy = page.GetByRole(AriaRole.Combobox, new() { Name = "Write policy", Exact = true });

        // Raw offers overwriting, which Go does not.
        await Expect(policy.Locator("option")).ToHaveTextAsync(
        [
            "Allow new files (a stored file never changes)", "Allow overwrite (a stored file may be replaced)", "Read-only (nothing may be uploaded)",
        ]);
        await policy.SelectOptionAsync(new SelectOptionValue { Label = "Allow overwrite (a stored file may be replaced)" });
        await Expect(policy).ToHaveValueAsync("allow");
        await ui.ScreenshotAsync("raw-repository-form");
        await ui.Main.GetByRole(AriaRole.Button, new() { Name = "Create repository", Exact = true }).ClickAsync();

        await ui.ExpectPathAsync("/repositories/ui-raw-hosted");
        await ui.ExpectH1Async("ui-raw-hosted");
        await Expect(ui.Main).ToContainTextAsync("This repository holds no files yet.");
        await Expect(ui.Main).ToContainTextAsync("A file already at that path is replaced.");
        var stored = await server.GetJsonAsync("api/v1/repositories/ui-raw-hosted");
        Assert.Equal("raw", stored.GetProperty("format").GetString());
        Assert.Equal("hosted", stored.GetProperty("type").GetString());
        Assert.Equal("allow", stored.GetProperty("hosted").GetProperty("writePolicy").GetString());
    });

    [Fact]
    public Task A_raw_proxy_is_created_with_metadata_paths_and_a_checksum_sidecar_and_no_checksum_databases() => server.RunAsync(nameof(A_raw_proxy_is_created_with_metadata_paths_and_a_checksum_sidecar_and_no_checksum_databases), async ui =>
    {
        const string upstream = "http://127.0.0.1:9/downloads/";
        var page = ui.Page;
        await ui.SignInAsync("admin", server.AdminPassword);
        await ui.GotoAsync("/ui/admin/repositories/new");
        await ui.ExpectH1Async("Create repository");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Name", Exact = true }).FillAsync("ui-raw-proxy");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Type", Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Proxy" });

        // A Go proxy asks for checksum databases; once the format is raw, they are gone and raw's own settings are there.
        var checksumDatabases = page.GetByRole(AriaRole.Group, new() { Name = "Checksum databases", Exact = true });
        await Expect(checksumDatabases).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Format", Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = RawFormat });
        await Expect(checksumDatabases).ToHaveCountAsync(0);
        await Expect(page.GetByText("Checksum databases")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Textbox, new() { Name = "Upstream URL", Exact = true }).FillAsync(upstream);
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Metadata paths", Exact = true }).FillAsync("*.json\n*/");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Checksum sidecar suffix", Exact = true }).FillAsync(".sha256");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Allowed paths", Exact = true }).FillAsync("releases/*");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Blocked paths", Exact = true }).FillAsync("releases/private/*");
        await ui.ScreenshotAsync("raw-repository-form-proxy");
        await ui.Main.GetByRole(AriaRole.Button, new() { Name = "Create repository", Exact = true }).ClickAsync();

        await ui.ExpectPathAsync("/repositories/ui-raw-proxy");
        await ui.ExpectH1Async("ui-raw-proxy");
        await Expect(ui.Main).ToContainTextAsync(upstream);
        var proxy = (await server.GetJsonAsync("api/v1/repositories/ui-raw-proxy")).GetProperty("proxy");
        Assert.Equal(upstream, proxy.GetProperty("upstream").GetString());
        Assert.Equal(["*.json", "*/"], Strings(proxy.GetProperty("metadataPaths")));
        Assert.Equal(".sha256", proxy.GetProperty("verifySidecar").GetString());
        Assert.Equal(["releases/*"], Strings(proxy.GetProperty("allow")));
        Assert.Equal(["releases/private/*"], Strings(proxy.GetProperty("block")));
        Assert.True(!proxy.TryGetProperty("checksumDatabases", out var sumdbs) || sumdbs.ValueKind == JsonValueKind.Null || sumdbs.GetArrayLength() == 0,
            $"a raw proxy holds checksum databases: {proxy}");
    });

    [Fact]
    public Task A_raw_groups_member_picker_offers_only_raw_repositories() => server.RunAsync(nameof(A_raw_groups_member_picker_offers_only_raw_repositories), async ui =>
    {
        var page = ui.Page;
        // Every repository of the format may be a member (a group too), none of another.
        var all = await server.GetJsonAsync("api/v1/repositories");
        string[] NamesOf(string format) =>
            [.. all.EnumerateArray().Where(r => r.GetProperty("format").GetString() == format).Select(r => r.GetProperty("name").GetString()!).Order(StringComparer.Ordinal)];
        var raw = NamesOf("raw");
        Assert.Contains(RawRepositoryFixture.Long, raw);
        Assert.Contains("go-hosted", NamesOf("go"));

        await ui.SignInAsync("admin", server.AdminPassword);
        await ui.GotoAsync("/ui/admin/repositories/new");
        await ui.ExpectH1Async("Create repository");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Name", Exact = true }).FillAsync("ui-raw-group");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Format", Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = RawFormat });
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Type", Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Group" });
        var add = page.GetByRole(AriaRole.Combobox, new() { Name = "Add member", Exact = true });
        await Expect(add.Locator($"option[value=\"{RawRepositoryFixture.Long}\"]")).ToHaveCountAsync(1);
        Assert.Equal(raw, await OfferedAsync(add));

        // Back to Go, the picker offers Go's; raw again, raw's.
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Format", Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Go modules" });
        await Expect(add.Locator("option[value=\"go-hosted\"]")).ToHaveCountAsync(1);
        Assert.Equal(NamesOf("go"), await OfferedAsync(add));
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Format", Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = RawFormat });
        await Expect(add.Locator("option[value=\"go-hosted\"]")).ToHaveCountAsync(0);
        Assert.Equal(raw, await OfferedAsync(add));

        await add.SelectOptionAsync(RawRepositoryFixture.Long);
        var members = page.GetByRole(AriaRole.List, new() { Name = "Members", Exact = true }).GetByRole(AriaRole.Listitem);
        await Expect(members).ToHaveCountAsync(1);
        await Expect(members).ToContainTextAsync(RawRepositoryFixture.Long);
        await ui.ScreenshotAsync("raw-repository-form-group");
        await ui.Main.GetByRole(AriaRole.Button, new() { Name = "Create repository", Exact = true }).ClickAsync();
        await ui.ExpectPathAsync("/repositories/ui-raw-group");
        await ui.ExpectH1Async("ui-raw-group");

        // The group shows its member's files.
        await Expect(ui.Main.GetByRole(AriaRole.Link, new() { Name = RawRepositoryFixture.LongFile, Exact = true })).ToBeVisibleAsync();
        var group = (await server.GetJsonAsync("api/v1/repositories/ui-raw-group")).GetProperty("group");
        Assert.Equal([RawRepositoryFixture.Long], Strings(group.GetProperty("members")));
    });

    [Fact]
    public Task Files_are_uploaded_browsed_downloaded_refused_and_deleted_on_a_raw_hosted_repositorys_page() => server.RunAsync(nameof(Files_are_uploaded_browsed_downloaded_refused_and_deleted_on_a_raw_hosted_repositorys_page), async ui =>
    {
        ui.Provokes("POST", UploadPath, 409);
        var page = ui.Page;
        var main = ui.Main;
        await ui.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = server.Root.GetLeftPart(UriPartial.Authority) });
        await ui.SignInAsync("admin", server.AdminPassword);
        await ui.GotoAsync("/ui/repositories");
        await main.GetByRole(AriaRole.Link, new() { Name = Files, Exact = true }).ClickAsync();
        await ui.ExpectPathAsync($"/repositories/{Files}");
        await ui.ExpectH1Async(Files);

        // An empty repository: how to use it, where to upload, and that it holds nothing yet.
        foreach (var heading in new[] { "Use it", "Upload", "Files" })
        {
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true, Level = 2 })).ToBeVisibleAsync();
        }

        await Expect(main.GetByRole(AriaRole.Button, new() { Name = "Copy download command", Exact = true })).ToBeVisibleAsync();
        await Expect(main.GetByRole(AriaRole.Button, new() { Name = "Copy upload command", Exact = true })).ToBeVisibleAsync();
        await Expect(main).ToContainTextAsync("This repository holds no files yet.");
        await Expect(Current(ui)).ToHaveTextAsync(Files);

        // The file input, into a subdirectory typed first.
        var spaced = Encoding.UTF8.GetBytes("bytes of the file with a space and a hash in its name\n");
        var subdirectory = page.GetByRole(AriaRole.Textbox, new() { Name = "Subdirectory (optional)", Exact = true });
        var input = page.GetByLabel("Files to upload", new() { Exact = true });
        var status = main.GetByRole(AriaRole.Status).Filter(new() { HasText = "Stored " });
        await subdirectory.FillAsync("releases/1.0");
        await input.SetInputFilesAsync(new FilePayload { Name = SpacedName, MimeType = "text/plain", Buffer = spaced });
        await Expect(status).ToHaveTextAsync($"Stored {SpacedPath} ({spaced.Length} B).");

        // Dropped on the zone, into another subdirectory.
        var dropped = new byte[3000];
        new Random(7).NextBytes(dropped);
        await subdirectory.FillAsync("releases/");
        await ui.DropFileAsync(page.GetByText("Drop files here", new() { Exact = true }), DroppedName, dropped, "text/plain");
        await Expect(status).ToHaveTextAsync($"Stored {DroppedPath} (2.9 KiB).");

        // The top directory holds one directory; its link leads into it (?dir= in the address), the breadcrumb follows.
        await Expect(main).Not.ToContainTextAsync("This repository holds no files yet.");
        var releases = main.GetByRole(AriaRole.Link, new() { Name = "releases/", Exact = true });
        await Expect(Entries(ui)).ToHaveTextAsync(["releases/"]);
        await releases.ClickAsync();
        await ExpectDirectoryAsync(ui, "releases/");
        await Expect(Entries(ui)).ToHaveTextAsync(["1.0/", DroppedName]);
        await Expect(Current(ui)).ToHaveTextAsync("releases");
        await Expect(Crumbs(ui).GetByRole(AriaRole.Link)).ToHaveTextAsync([Files]);
        await ExpectFileRowAsync(ui, DroppedName, dropped, "2.9 KiB");

        // The subdirectory typed for the top directory does not follow into releases/: the next upload goes here, not
        // into releases/releases/.
        await Expect(subdirectory).ToHaveValueAsync("");
        await Expect(main).ToContainTextAsync("Each is stored under its own name in releases/.");
        await ui.ScreenshotAsync("raw-repository");

        await main.GetByRole(AriaRole.Link, new() { Name = "1.0/", Exact = true }).ClickAsync();
        await ExpectDirectoryAsync(ui, "releases/1.0/");
        await Expect(Current(ui)).ToHaveTextAsync("1.0");
        await Expect(Crumbs(ui).GetByRole(AriaRole.Link)).ToHaveTextAsync([Files, "releases"]);
        await Expect(Entries(ui)).ToHaveTextAsync([SpacedName]);
        var row = await ExpectFileRowAsync(ui, SpacedName, spaced, $"{spaced.Length} B");
        Assert.EndsWith($"/repository/{Files}/releases/1.0/my%20file%231.txt", await row.GetByRole(AriaRole.Link).GetAttributeAsync("href"), StringComparison.Ordinal);

        // "Copy SHA-256" puts the whole hash on the clipboard.
        await row.GetByRole(AriaRole.Button, new() { Name = "Copy SHA-256", Exact = true }).ClickAsync();
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "Copy SHA-256", Exact = true })).ToHaveTextAsync("Copied");
        Assert.Equal(Sha256(spaced), await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));

        // Back: the parent directory again; Forward: this one.
        await page.GoBackAsync();
        await ExpectDirectoryAsync(ui, "releases/");
        await Expect(Current(ui)).ToHaveTextAsync("releases");
        await page.GoForwardAsync();
        await ExpectDirectoryAsync(ui, "releases/1.0/");
        await Expect(Entries(ui)).ToHaveTextAsync([SpacedName]);

        // Other bytes under the stored name: the server's 409, in its own words, beside the drop zone; the file is kept.
        await Expect(subdirectory).ToHaveValueAsync("");
        await Expect(main).ToContainTextAsync("Each is stored under its own name in releases/1.0/.");
        var answer = await page.RunAndWaitForResponseAsync(
            () => input.SetInputFilesAsync(new FilePayload { Name = SpacedName, MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes("other bytes\n") }),
            r => r.Request.Method == "POST" && new Uri(r.Url).AbsolutePath == UploadPath);
        Assert.True(answer.Status == 409, $"uploading other bytes to {SpacedPath} answered {answer.Status}: {await answer.TextAsync()}");
        var detail = (await answer.JsonAsync())!.Value.GetProperty("detail").GetString()!;
        Assert.Contains(SpacedPath, detail, StringComparison.Ordinal);
        var alert = main.GetByRole(AriaRole.Alert).Filter(new() { HasText = detail });
        await Expect(alert).ToBeVisibleAsync();
        await Expect(input).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(status).ToHaveCountAsync(0);
        var alertBox = (await alert.BoundingBoxAsync())!;
        var zoneBox = (await page.GetByText("Drop files here", new() { Exact = true }).Locator("..").BoundingBoxAsync())!;
        var uploadHeading = (await page.GetByRole(AriaRole.Heading, new() { Name = "Upload", Exact = true }).BoundingBoxAsync())!;
        var filesHeading = (await page.GetByRole(AriaRole.Heading, new() { Name = "Files", Exact = true }).BoundingBoxAsync())!;
        Assert.True(alertBox.Y > uploadHeading.Y && alertBox.Y + alertBox.Height < filesHeading.Y,
            $"the refusal (y {alertBox.Y}) is not in the Upload section (heading y {uploadHeading.Y}, next heading \"Files\" y {filesHeading.Y})");
        Assert.True(alertBox.Y - (zoneBox.Y + zoneBox.Height) < 100,
            $"the refusal (y {alertBox.Y}) is far from the drop zone (bottom y {zoneBox.Y + zoneBox.Height})");
        await ui.ScreenshotAsync("raw-upload-refused");
        Assert.Equal(spaced, await DownloadAsync(ui, row));

        // Delete, confirmed: 1.0/ held only this file, so the page moves up to releases/ and says what it did.
        await row.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        var confirm = main.GetByRole(AriaRole.Group).Filter(new() { HasText = $"Delete {SpacedName}?" });
        await Expect(confirm).ToBeVisibleAsync();
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Yes, delete", Exact = true }).ClickAsync();
        await Expect(main.GetByRole(AriaRole.Status).Filter(new() { HasText = $"Deleted {SpacedPath}." })).ToBeVisibleAsync();
        await ExpectDirectoryAsync(ui, "releases/");
        await Expect(Entries(ui)).ToHaveTextAsync([DroppedName]);
        await Expect(main.GetByRole(AriaRole.Link, new() { Name = SpacedName, Exact = true })).ToHaveCountAsync(0);
        using (var gone = await server.Api.GetAsync($"repository/{Files}/{RawRepositoryFixture.EncodePath(SpacedPath)}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        }

        // The breadcrumb's top link leads back up.
        await Crumbs(ui).GetByRole(AriaRole.Link, new() { Name = Files, Exact = true }).ClickAsync();
        await ui.ExpectPathAsync($"/repositories/{Files}");
        await Expect(Current(ui)).ToHaveTextAsync(Files);
        await Expect(Entries(ui)).ToHaveTextAsync(["releases/"]);
    });

    [Fact]
    public Task A_missing_directory_says_so_and_leads_to_the_top() => server.RunAsync(nameof(A_missing_directory_says_so_and_leads_to_the_top), async ui =>
    {
        const string repository = RawRepositoryFixture.Long;
        ui.Provokes("GET", $"/api/v1/repositories/{repository}/tree/nope/", 404);
        await ui.SignInAsync("admin", server.AdminPassword);
        await ui.GotoAsync($"/ui/repositories/{repository}?dir=nope/");
        await ui.ExpectH1Async(repository);
        var alert = ui.Main.GetByRole(AriaRole.Alert);
        await Expect(alert).ToContainTextAsync("nope/");
        await Expect(Current(ui)).ToHaveTextAsync("nope");
        await Expect(Entries(ui)).ToHaveCountAsync(0);
        await ui.Main.GetByRole(AriaRole.Link, new() { Name = "Go to the top directory", Exact = true }).ClickAsync();
        await ui.ExpectPathAsync($"/repositories/{repository}");
        await Expect(alert).ToHaveCountAsync(0);
        await Expect(ui.Main.GetByRole(AriaRole.Link, new() { Name = RawRepositoryFixture.LongFile, Exact = true })).ToBeVisibleAsync();

        // A path no server could hold is not even asked for.
        await ui.GotoAsync($"/ui/repositories/{repository}?dir=a/../b/");
        await Expect(ui.Main.GetByRole(AriaRole.Alert)).ToContainTextAsync("is not a directory path");
        await Expect(ui.Main.GetByRole(AriaRole.Link, new() { Name = "Go to the top directory", Exact = true })).ToBeVisibleAsync();
    });

    [Theory]
    [InlineData(400)]
    [InlineData(1280)]
    public Task A_raw_repository_page_with_long_names_fits_the_width(int width) => server.RunAsync($"raw-layout-{width}", async ui =>
    {
        const string repository = RawRepositoryFixture.Long;
        await ui.SignInAsync("admin", server.AdminPassword);
        await ui.GotoAsync($"/ui/repositories/{repository}");
        await ui.ExpectH1Async(repository);
        await Expect(ui.Main.GetByRole(AriaRole.Link, new() { Name = RawRepositoryFixture.LongFile, Exact = true })).ToBeVisibleAsync();
        await Expect(ui.Main.GetByRole(AriaRole.Link, new() { Name = RawRepositoryFixture.LongDirectory, Exact = true })).ToBeVisibleAsync();
        await Expect(ui.Page.GetByLabel("Files to upload", new() { Exact = true })).ToBeVisibleAsync();
        await AssertFitsAsync(ui, width, "top");

        // One directory down, the long name is in the breadcrumb too.
        await ui.Main.GetByRole(AriaRole.Link, new() { Name = RawRepositoryFixture.LongDirectory, Exact = true }).ClickAsync();
        await ExpectDirectoryAsync(ui, RawRepositoryFixture.LongDirectory, repository);
        await Expect(Current(ui)).ToHaveTextAsync(RawRepositoryFixture.LongDirectory.TrimEnd('/'));
        await Expect(ui.Main.GetByRole(AriaRole.Link, new() { Name = RawRepositoryFixture.LongFile, Exact = true })).ToBeVisibleAsync();
        await AssertFitsAsync(ui, width, "directory");
        if (width == 400)
        {
            await ui.ScreenshotAsync("raw-repository-400");
        }
    }, width);

    /// <summary>The breadcrumb of the directory shown (navigation "Directory").</summary>
    private static ILocator Crumbs(UiSession ui) => ui.Main.GetByRole(AriaRole.Navigation, new() { Name = "Directory", Exact = true });

    /// <summary>The breadcrumb's current directory (<c>aria-current="page"</c>).</summary>
    private static ILocator Current(UiSession ui) => Crumbs(ui).Locator("[aria-current=\"page\"]");

    /// <summary>The names of the directory's entries, in order (each row's header: a link into a directory, or a file's download link).</summary>
    private static ILocator Entries(UiSession ui) => ui.Main.GetByRole(AriaRole.Table).GetByRole(AriaRole.Rowheader);

    /// <summary>Waits until the address shows directory <paramref name="dir"/> of the repository (<c>?dir=…</c>, as the link put it).</summary>
    private static async Task ExpectDirectoryAsync(UiSession ui, string dir, string repository = Files)
    {
        var expected = new Uri(ui.Root, $"ui/repositories/{repository}");
        await Expect(ui.Page).ToHaveURLAsync(new Regex("^" + Regex.Escape(expected.ToString()) + @"\?dir=" + Regex.Escape(Uri.EscapeDataString(dir)) + "$"));
    }

    /// <summary>
    /// The row of file <paramref name="name"/> in the directory shown: its size, a shortened SHA-256 with the whole one
    /// in its title, and a download link whose href is the file's content URL (each segment %-encoded) and whose bytes
    /// are the file's.
    /// </summary>
    private async Task<ILocator> ExpectFileRowAsync(UiSession ui, string name, byte[] bytes, string size)
    {
        var row = ui.Main.GetByRole(AriaRole.Row).Filter(new() { Has = ui.Page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }) });
        await Expect(row).ToHaveCountAsync(1);
        var cells = row.GetByRole(AriaRole.Cell);
        await Expect(cells.Nth(0)).ToHaveTextAsync(size);
        await Expect(cells.Nth(0).Locator("[title]")).ToHaveAttributeAsync("title", bytes.Length.ToString("N0", CultureInfo.InvariantCulture) + " bytes");
        var sha256 = Sha256(bytes);
        var hash = row.Locator("code");
        await Expect(hash).ToHaveTextAsync(sha256[..12] + "…");
        await Expect(hash).ToHaveAttributeAsync("title", sha256);
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "Copy SHA-256", Exact = true })).ToBeVisibleAsync();

        var dir = new Uri(ui.Page.Url).Query is { Length: > 0 } query ? Uri.UnescapeDataString(query["?dir=".Length..]) : "";
        var link = row.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });
        await Expect(link).ToHaveAttributeAsync("href", $"{server.Root}repository/{Files}/{RawRepositoryFixture.EncodePath(dir + name)}");
        await Expect(link).ToHaveAttributeAsync("download", name);
        Assert.Equal(bytes, await DownloadAsync(ui, row));
        return row;
    }

    /// <summary>GET of the row's download link with the page's own request context (its cookies); insists on 200.</summary>
    private static async Task<byte[]> DownloadAsync(UiSession ui, ILocator row)
    {
        var href = (await row.Locator("a[download]").GetAttributeAsync("href"))!;
        var response = await ui.Page.APIRequest.GetAsync(href);
        Assert.True(response.Status == 200, $"GET {href} answered {response.Status}: {await response.TextAsync()}");
        return await response.BodyAsync();
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    /// <summary>The option values the picker offers (not its "Choose…" prompt), sorted.</summary>
    private static async Task<string[]> OfferedAsync(ILocator select) =>
        [.. (await select.Locator("option").EvaluateAllAsync<string[]>("options => options.map(o => o.value).filter(v => v)")).Order(StringComparer.Ordinal)];

    /// <summary>As LayoutTests: the page's body does not scroll sideways.</summary>
    private static async Task AssertFitsAsync(UiSession ui, int width, string where)
    {
        await ui.SettleAsync();
        var extent = await ui.Page.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, window.innerWidth]");
        if (extent[0] > extent[1])
        {
            await ui.ScreenshotAsync($"raw-repository-{width}-{where}-overflow");
        }

        Assert.True(extent[0] <= extent[1],
            $"at {width} px the raw repository page ({where} directory) scrolls sideways: scrollWidth {extent[0]} > innerWidth {extent[1]}; widest elements: {await WidestAsync(ui.Page)}");
    }

    private static Task<string> WidestAsync(IPage page) => page.EvaluateAsync<string>(
        """
        () => [...document.body.querySelectorAll('*')]
          .map(e => ({ e, right: e.getBoundingClientRect().right }))
          .filter(x => x.right > window.innerWidth)
          .sort((a, b) => b.right - a.right)
          .slice(0, 5)
          .map(x => `${x.e.tagName.toLowerCase()}${x.e.className ? '.' + String(x.e.className).replace(/ /g, '.') : ''} (right ${Math.round(x.right)})`)
          .join(', ') || '(none)'
        """);
}
