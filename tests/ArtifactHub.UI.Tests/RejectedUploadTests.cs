using System.Text;
using ArtifactHub.UI.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ArtifactHub.UI.Tests;

/// <summary>The built-in go-hosted repository holding one module, <see cref="Kept"/>, before the tests try to add more.</summary>
public sealed class RejectedUploadFixture : UiServerFixture
{
    public const string Repository = "go-hosted";
    public const string Kept = "example.com/kept";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await UploadAsync(Repository, Kept, "v1.0.0", ModuleZipBuilder.Simple(Kept, "v1.0.0"));
    }
}

/// <summary>A zip the server refuses: its reason appears next to the drop zone, and the module list stays as it was.</summary>
public sealed class RejectedUploadTests(RejectedUploadFixture server) : IClassFixture<RejectedUploadFixture>
{
    private const string UploadPath = $"/api/v1/repositories/{RejectedUploadFixture.Repository}/upload";

    [Fact]
    public Task A_zip_whose_go_mod_names_another_module_is_refused_with_the_servers_reason() => server.RunAsync(nameof(A_zip_whose_go_mod_names_another_module_is_refused_with_the_servers_reason), async ui =>
    {
        var zip = ModuleZipBuilder.Simple("example.com/right", "v1.0.0", "module example.com/wrong\n\ngo 1.19\n", ("right.go", "package right\n"));
        await RefusedAsync(ui, "right.zip", zip, input => input.SetInputFilesAsync(new FilePayload { Name = "right.zip", MimeType = "application/zip", Buffer = zip }));
    });

    [Fact]
    public Task A_dropped_zip_with_two_module_prefixes_is_refused_with_the_servers_reason() => server.RunAsync(nameof(A_dropped_zip_with_two_module_prefixes_is_refused_with_the_servers_reason), async ui =>
    {
        var zip = new ModuleZipBuilder("example.com/one", "v1.0.0")
            .Add("go.mod", "module example.com/one\n\ngo 1.19\n")
            .AddRaw("example.com/two@v1.0.0/go.mod", Encoding.UTF8.GetBytes("module example.com/two\n\ngo 1.19\n"))
            .Build();
        await RefusedAsync(ui, "two.zip", zip, _ => ui.DropFileAsync(ui.Page.GetByText("Drop a module zip here", new() { Exact = true }), "two.zip", zip));
    });

    private async Task RefusedAsync(UiSession ui, string fileName, byte[] zip, Func<ILocator, Task> upload)
    {
        ui.Provokes("POST", UploadPath, 400);
        var before = await ModuleCountAsync();
        await ui.SignInAsync("admin", server.AdminPassword);
        await ui.GotoAsync($"/ui/repositories/{RejectedUploadFixture.Repository}");
        await ui.ExpectH1Async(RejectedUploadFixture.Repository);
        var modules = ui.Main.GetByRole(AriaRole.Link, new() { NameRegex = new("^example\\.com\\/") });
        await Expect(modules).ToHaveTextAsync([RejectedUploadFixture.Kept]);

        var input = ui.Page.GetByLabel("Module zip", new() { Exact = true });
        var answer = await ui.Page.RunAndWaitForResponseAsync(
            () => upload(input),
            r => r.Request.Method == "POST" && new Uri(r.Url).AbsolutePath == UploadPath);
        Assert.True(answer.Status == 400, $"uploading {fileName} ({zip.Length} bytes) answered {answer.Status}: {await answer.TextAsync()}");
        var detail = (await answer.JsonAsync())!.Value.GetProperty("detail").GetString();
        Assert.False(string.IsNullOrWhiteSpace(detail), "the refusal has no detail");

        // The server's own words, in an alert in the Upload section, by the drop zone.
        var alert = ui.Main.GetByRole(AriaRole.Alert).Filter(new() { HasText = detail });
        await Expect(alert).ToBeVisibleAsync();
        await ui.ScreenshotAsync($"upload-refused-{Path.GetFileNameWithoutExtension(fileName)}");
        var alertBox = (await alert.BoundingBoxAsync())!;
        var inputBox = (await input.BoundingBoxAsync())!;
        var uploadHeading = (await ui.Page.GetByRole(AriaRole.Heading, new() { Name = "Upload", Exact = true }).BoundingBoxAsync())!;
        var modulesHeading = (await ui.Page.GetByRole(AriaRole.Heading, new() { Name = "Modules", Exact = true }).BoundingBoxAsync())!;
        Assert.True(alertBox.Y > uploadHeading.Y && alertBox.Y + alertBox.Height < modulesHeading.Y,
            $"the alert (y {alertBox.Y}) is not in the Upload section (heading y {uploadHeading.Y}, next heading \"Modules\" y {modulesHeading.Y})");
        Assert.True(alertBox.Y - (inputBox.Y + inputBox.Height) < 150,
            $"the alert (y {alertBox.Y}) is far from the \"Module zip\" input (bottom y {inputBox.Y + inputBox.Height})");
        await Expect(ui.Main.GetByRole(AriaRole.Status).Filter(new() { HasText = "@v1.0.0" })).ToHaveCountAsync(0);

        // Nothing was added: the list shows the same module, and so does the API.
        await Expect(modules).ToHaveTextAsync([RejectedUploadFixture.Kept]);
        await ui.Page.ReloadAsync();
        await Expect(modules).ToHaveTextAsync([RejectedUploadFixture.Kept]);
        Assert.Equal(before, await ModuleCountAsync());
    }

    private async Task<int> ModuleCountAsync() =>
        (await server.GetJsonAsync($"api/v1/repositories/{RejectedUploadFixture.Repository}")).GetProperty("moduleCount").GetInt32();
}
