using ArtifactHub.UI.Tests.Infrastructure;

namespace ArtifactHub.UI.Tests;

/// <summary>
/// The watch every UI test runs under (<see cref="UiServerFixture.RunAsync"/>) does catch what it promises: a console
/// error, an answer of 400+ that no test provoked, and the browser's own login dialog. Were it deaf, every test would
/// pass over a broken page.
/// </summary>
public sealed class BrowserProblemTests(UiServerFixture server) : IClassFixture<UiServerFixture>
{
    [Fact]
    public async Task A_console_error_an_unexpected_404_and_a_browser_login_dialog_each_fail_a_test()
    {
        var failure = await Assert.ThrowsAsync<UiTestFailure>(() => server.RunAsync("watch-self-test", async ui =>
        {
            await ui.GotoAsync("/ui/repositories");
            await ui.ExpectH1Async("Repositories");
            await ui.Page.EvaluateAsync("() => console.error('a deliberate console error')");
            await ui.Page.EvaluateAsync<int>("() => fetch('/ui/assets/no-such-bundle.js').then(r => r.status)");

            // Without the UI's X-Requested-With header the server challenges with Basic, and Chromium asks for credentials.
            var status = await ui.Page.EvaluateAsync<int>("() => fetch('/api/v1/security/users').then(r => r.status)");
            Assert.Equal(401, status);
        }));

        Assert.Contains("console error: a deliberate console error", failure.Message, StringComparison.Ordinal);
        Assert.Contains("/ui/assets/no-such-bundle.js answered 404", failure.Message, StringComparison.Ordinal);
        Assert.Contains("the browser showed its own login dialog for GET", failure.Message, StringComparison.Ordinal);
        Assert.Contains("/api/v1/security/users answered 401", failure.Message, StringComparison.Ordinal);
    }
}
