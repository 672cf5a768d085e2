using ArtifactHub.UI.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ArtifactHub.UI.Tests;

/// <summary>A module with a long path, so that a page that does not wrap or scroll its tables and code shows it.</summary>
public sealed class LayoutFixture : UiServerFixture
{
    public const string Repository = "go-hosted";
    public const string LongModule = "example.com/a-rather-long-organisation-name/with-an-even-longer-repository-name/and/nested/packages/v2";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await UploadAsync(Repository, LongModule, "v2.3.4-beta.1", ModuleZipBuilder.Simple(LongModule, "v2.3.4-beta.1"));
        await UploadAsync(Repository, "example.com/short", "v1.0.0", ModuleZipBuilder.Simple("example.com/short", "v1.0.0"));
    }
}

/// <summary>The repository page on a phone and on a desktop: the page body never scrolls sideways, and the navigation is reachable.</summary>
public sealed class LayoutTests(LayoutFixture server) : IClassFixture<LayoutFixture>
{
    [Theory]
    [InlineData(400)]
    [InlineData(1280)]
    public Task The_repository_page_fits_the_width_and_its_navigation_is_reachable(int width) => server.RunAsync($"layout-{width}", async ui =>
    {
        await ui.SignInAsync("admin", server.AdminPassword);
        await ui.GotoAsync($"/ui/repositories/{LayoutFixture.Repository}");
        await ui.ExpectH1Async(LayoutFixture.Repository);
        await Expect(ui.Main.GetByRole(AriaRole.Link, new() { Name = LayoutFixture.LongModule, Exact = true })).ToBeVisibleAsync();
        await Expect(ui.Page.GetByLabel("Module zip", new() { Exact = true })).ToBeVisibleAsync();
        await ui.SettleAsync();

        var (scrollWidth, innerWidth) = await HorizontalExtentAsync(ui.Page);
        if (scrollWidth > innerWidth)
        {
            await ui.ScreenshotAsync($"repository-{width}-overflow");
        }

        Assert.True(scrollWidth <= innerWidth,
            $"at {width} px the page scrolls sideways: document.scrollingElement.scrollWidth {scrollWidth} > innerWidth {innerWidth}; widest elements: {await WidestAsync(ui.Page)}");
        if (width == 400)
        {
            await ui.ScreenshotAsync("repository-400");
        }

        // The navigation: its links are on screen, or behind a menu button that shows them.
        var repositories = ui.Nav.GetByRole(AriaRole.Link, new() { Name = "Repositories", Exact = true });
        if (!await repositories.IsVisibleAsync())
        {
            var menu = ui.Page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Expanded = false });
            Assert.True(await menu.CountAsync() == 1, $"at {width} px the \"Main\" navigation is hidden and no single collapsed menu button shows it");
            await menu.ClickAsync();
        }

        await Expect(ui.Nav.GetByRole(AriaRole.Link, new() { Name = "Account", Exact = true })).ToBeVisibleAsync();
        await Expect(ui.Nav.GetByRole(AriaRole.Link, new() { Name = "Administration", Exact = true })).ToBeVisibleAsync();
        await repositories.ClickAsync();
        await ui.ExpectH1Async("Repositories");
        (scrollWidth, innerWidth) = await HorizontalExtentAsync(ui.Page);
        Assert.True(scrollWidth <= innerWidth, $"at {width} px the repositories page scrolls sideways: {scrollWidth} > {innerWidth}; widest: {await WidestAsync(ui.Page)}");
    }, width);

    private static async Task<(int ScrollWidth, int InnerWidth)> HorizontalExtentAsync(IPage page)
    {
        var extent = await page.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, window.innerWidth]");
        return (extent[0], extent[1]);
    }

    /// <summary>The elements that reach furthest right, for the failure message.</summary>
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
