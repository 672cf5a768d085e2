using System.Text.RegularExpressions;
using ArtifactHub.UI.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ArtifactHub.UI.Tests;

/// <summary>Two hosted repositories to group.</summary>
public sealed class AdministrationFixture : UiServerFixture
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await CreateRepositoryAsync(new { name = "alpha", format = "go", type = "hosted" });
        await CreateRepositoryAsync(new { name = "beta", format = "go", type = "hosted" });
    }
}

/// <summary>Repositories managed in the UI: a proxy, a group whose member order the server keeps, and the errors of a bad form.</summary>
public sealed class AdministrationTests(AdministrationFixture server) : IClassFixture<AdministrationFixture>
{
    private const string Upstream = "http://127.0.0.1:9/goproxy";

    [Fact]
    public Task A_proxy_is_created_after_the_servers_field_error_and_a_taken_name_is_refused_by_the_button() => server.RunAsync(nameof(A_proxy_is_created_after_the_servers_field_error_and_a_taken_name_is_refused_by_the_button), async ui =>
    {
        ui.Provokes("POST", "/api/v1/repositories", 400);
        ui.Provokes("POST", "/api/v1/repositories", 409);
        var page = ui.Page;
        await ui.SignInAsync("admin", server.AdminPassword);

        // A name that is taken: the server's 409 names no field, so it appears by the button.
        await ui.GotoAsync("/ui/admin/repositories/new");
        await ui.ExpectH1Async("Create repository");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Name", Exact = true }).FillAsync("alpha");
        var create = ui.Main.GetByRole(AriaRole.Button, new() { Name = "Create repository", Exact = true });
        await create.ClickAsync();
        var taken = ui.Main.GetByRole(AriaRole.Alert).Filter(new() { HasText = "A repository named 'alpha' already exists." });
        await Expect(taken).ToBeVisibleAsync();
        await AssertNearAsync(taken, create, "the \"already exists\" alert", "the \"Create repository\" button");
        await ui.ExpectPathAsync("/admin/repositories/new");

        // A proxy with an upstream that is no URL: the server's message is the field's own (aria-invalid, aria-describedby).
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Name", Exact = true }).FillAsync("ui-proxy");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Type", Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Proxy" });
        var upstream = page.GetByRole(AriaRole.Textbox, new() { Name = "Upstream URL", Exact = true });
        await upstream.FillAsync("not a url");
        await create.ClickAsync();
        const string message = "Upstream must be an absolute http or https URL.";
        await Expect(upstream).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(upstream).ToHaveAccessibleDescriptionAsync(new Regex(Regex.Escape(message)));
        var fieldError = ui.Main.GetByRole(AriaRole.Alert).Filter(new() { HasText = message });
        await Expect(fieldError).ToBeVisibleAsync();
        await AssertNearAsync(fieldError, upstream, "the upstream's error", "the \"Upstream URL\" field");
        await ui.ScreenshotAsync("repository-form-errors");

        await upstream.FillAsync(Upstream);
        await create.ClickAsync();
        await ui.ExpectPathAsync("/repositories/ui-proxy");
        await ui.ExpectH1Async("ui-proxy");
        await Expect(ui.Main).ToContainTextAsync(Upstream);
        var stored = await server.GetJsonAsync("api/v1/repositories/ui-proxy");
        Assert.Equal("proxy", stored.GetProperty("type").GetString());
        Assert.Equal(Upstream, stored.GetProperty("proxy").GetProperty("upstream").GetString());
    });

    [Fact]
    public Task A_group_keeps_the_member_order_chosen_in_the_form_when_created_and_when_edited() => server.RunAsync(nameof(A_group_keeps_the_member_order_chosen_in_the_form_when_created_and_when_edited), async ui =>
    {
        var page = ui.Page;
        await ui.SignInAsync("admin", server.AdminPassword);
        await ui.GotoAsync("/ui/admin/repositories/new");
        await ui.ExpectH1Async("Create repository");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Name", Exact = true }).FillAsync("ui-group");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Type", Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Group" });
        var add = page.GetByRole(AriaRole.Combobox, new() { Name = "Add member", Exact = true });
        await add.SelectOptionAsync("alpha");
        await add.SelectOptionAsync("beta");
        await ExpectMembersAsync(page, "alpha", "beta");

        await Member(page, "beta").GetByRole(AriaRole.Button, new() { Name = "Move up", Exact = true }).ClickAsync();
        await ExpectMembersAsync(page, "beta", "alpha");
        await ui.ScreenshotAsync("repository-form-group");
        await ui.Main.GetByRole(AriaRole.Button, new() { Name = "Create repository", Exact = true }).ClickAsync();
        await ui.ExpectPathAsync("/repositories/ui-group");
        await ui.ExpectH1Async("ui-group");
        Assert.Equal(["beta", "alpha"], await StoredMembersAsync());

        // Edit: "Move down" puts beta last again, and "Save" stores that order.
        await ui.GotoAsync("/ui/admin/repositories");
        await ui.ExpectH1Async("Manage repositories");
        var row = ui.Main.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = "ui-group", Exact = true }) });
        await row.GetByRole(AriaRole.Link, new() { Name = "Edit", Exact = true }).Or(row.GetByRole(AriaRole.Button, new() { Name = "Edit", Exact = true })).ClickAsync();
        await ui.ExpectPathAsync("/admin/repositories/ui-group/edit");
        await ExpectMembersAsync(page, "beta", "alpha");
        await Member(page, "beta").GetByRole(AriaRole.Button, new() { Name = "Move down", Exact = true }).ClickAsync();
        await ExpectMembersAsync(page, "alpha", "beta");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Add member", Exact = true }).SelectOptionAsync("go-hosted");
        await ExpectMembersAsync(page, "alpha", "beta", "go-hosted");
        await Member(page, "go-hosted").GetByRole(AriaRole.Button, new() { Name = "Remove", Exact = true }).ClickAsync();
        await ExpectMembersAsync(page, "alpha", "beta");
        await ui.Main.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await ui.ExpectPathAsync("/admin/repositories");
        Assert.Equal(["alpha", "beta"], await StoredMembersAsync());
    });

    [Fact]
    public Task The_administration_page_leads_to_each_section() => server.RunAsync(nameof(The_administration_page_leads_to_each_section), async ui =>
    {
        await ui.SignInAsync("admin", server.AdminPassword);
        foreach (var (link, heading) in new[]
                 {
                     ("Repositories", "Manage repositories"), ("Users", "Users"), ("Roles", "Roles"), ("Tokens", "Tokens"), ("Audit log", "Audit log"),
                 })
        {
            await ui.Nav.GetByRole(AriaRole.Link, new() { Name = "Administration", Exact = true }).ClickAsync();
            await ui.ExpectH1Async("Administration");
            await ui.Main.GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
            await ui.ExpectH1Async(heading);
        }
    });

    /// <summary>A member of the group form's list (its list item, with its buttons).</summary>
    private static ILocator Member(IPage page, string name) =>
        MemberList(page).GetByRole(AriaRole.Listitem).Filter(new() { HasText = name });

    private static ILocator MemberList(IPage page) => page.GetByRole(AriaRole.List, new() { Name = "Members", Exact = true });

    private static async Task ExpectMembersAsync(IPage page, params string[] names)
    {
        var items = MemberList(page).GetByRole(AriaRole.Listitem);
        await Expect(items).ToHaveCountAsync(names.Length);
        for (var i = 0; i < names.Length; i++)
        {
            await Expect(items.Nth(i)).ToContainTextAsync(names[i]);
        }
    }

    private async Task<string[]> StoredMembersAsync()
    {
        var group = (await server.GetJsonAsync("api/v1/repositories/ui-group")).GetProperty("group");
        return [.. group.GetProperty("members").EnumerateArray().Select(m => m.GetString()!)];
    }

    /// <summary>"Next to": the message starts within 120 px (vertically) of the control it belongs to.</summary>
    private static async Task AssertNearAsync(ILocator message, ILocator control, string what, string to)
    {
        var a = (await message.BoundingBoxAsync())!;
        var b = (await control.BoundingBoxAsync())!;
        var gap = Math.Max(0, Math.Max(a.Y - (b.Y + b.Height), b.Y - (a.Y + a.Height)));
        Assert.True(gap <= 120, $"{what} (y {a.Y}) is {gap} px away from {to} (y {b.Y}): not next to it");
    }

}
