using ArtifactHub.UI.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ArtifactHub.UI.Tests;

/// <summary>The sign-in page: the server's message for a wrong password, labelled fields, and the keyboard alone.</summary>
public sealed class SignInTests(UiServerFixture server) : IClassFixture<UiServerFixture>
{
    [Fact]
    public Task A_wrong_password_shows_the_servers_message_and_stays_signed_out() => server.RunAsync(nameof(A_wrong_password_shows_the_servers_message_and_stays_signed_out), async ui =>
    {
        ui.Provokes("POST", "/api/v1/session", 401);
        await ui.GotoAsync("/ui/sign-in");
        await ui.ExpectH1Async("Sign in");
        await ui.ScreenshotAsync("sign-in");

        // The fields are found by their labels, as a screen reader announces them.
        await ui.Page.GetByLabel("User name", new() { Exact = true }).FillAsync("admin");
        await ui.Page.GetByLabel("Password", new() { Exact = true }).FillAsync("not-the-password");
        var answer = await ui.Page.RunAndWaitForResponseAsync(
            () => ui.Main.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync(),
            r => r.Url.EndsWith("/api/v1/session", StringComparison.Ordinal) && r.Request.Method == "POST");
        Assert.Equal(401, answer.Status);
        var detail = (await answer.JsonAsync())!.Value.GetProperty("detail").GetString()!;
        Assert.Equal("Unknown user name or wrong password.", detail);

        await Expect(ui.Main.GetByRole(AriaRole.Alert)).ToContainTextAsync(detail);
        await ui.ScreenshotAsync("sign-in-refused");
        await ui.ExpectPathAsync("/sign-in");
        await Expect(ui.Page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        await Expect(ui.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToHaveCountAsync(0);
    });

    [Fact]
    public Task The_sign_in_form_can_be_completed_with_the_keyboard_alone() => server.RunAsync(nameof(The_sign_in_form_can_be_completed_with_the_keyboard_alone), async ui =>
    {
        await ui.GotoAsync("/ui/sign-in");
        await ui.ExpectH1Async("Sign in");
        var user = ui.Page.GetByRole(AriaRole.Textbox, new() { Name = "User name", Exact = true });
        var password = ui.Page.GetByLabel("Password", new() { Exact = true });
        await Expect(user).ToHaveCountAsync(1);
        await Expect(password).ToHaveAttributeAsync("type", "password");

        // From wherever the focus starts, Tab reaches the user name (it may be focused already).
        for (var presses = 0; !await IsFocusedAsync(user); presses++)
        {
            Assert.True(presses < 20, "20 presses of Tab never reached the \"User name\" field");
            await ui.Page.Keyboard.PressAsync("Tab");
        }

        await ui.Page.Keyboard.TypeAsync("admin");
        await ui.Page.Keyboard.PressAsync("Tab");
        Assert.True(await IsFocusedAsync(password), "Tab from \"User name\" does not go to \"Password\"");
        await ui.Page.Keyboard.TypeAsync(server.AdminPassword);
        await ui.Page.Keyboard.PressAsync("Enter");

        await ui.ExpectPathAsync("/repositories");
        await ui.ExpectH1Async("Repositories");
        await Expect(ui.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true })).ToBeVisibleAsync();
        await Expect(ui.Nav.GetByRole(AriaRole.Link, new() { Name = "Administration", Exact = true })).ToBeVisibleAsync();
    });

    [Fact]
    public Task A_protected_page_sends_to_sign_in_and_back_afterwards() => server.RunAsync(nameof(A_protected_page_sends_to_sign_in_and_back_afterwards), async ui =>
    {
        await ui.GotoAsync("/ui/account");
        await ui.ExpectPathAsync("/sign-in");
        await ui.ExpectH1Async("Sign in");

        await ui.Page.GetByLabel("User name", new() { Exact = true }).FillAsync("admin");
        await ui.Page.GetByLabel("Password", new() { Exact = true }).FillAsync(server.AdminPassword);
        await ui.Main.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        await ui.ExpectPathAsync("/account");
        await ui.ExpectH1Async("Account");
    });

    private static Task<bool> IsFocusedAsync(ILocator locator) => locator.EvaluateAsync<bool>("e => e === document.activeElement");
}
