using System.Net;
using ArtifactHub.E2E.Infrastructure;
using ArtifactHub.TestSupport;
using Xunit.Abstractions;

namespace ArtifactHub.E2E;

/// <summary>
/// The modules of the group test: a public library on the upstream A (two releases) and a private module on B that
/// requires the older release.
/// </summary>
public static class GroupModules
{
    public const string Strings = "example.com/Public/Strings";
    public static readonly string[] StringsVersions = ["v1.0.0", "v1.1.0"];
    public const string StringsLatest = "v1.1.0";

    public const string Greeter = "corp.example.com/private/greeter";
    public const string GreeterVersion = "v0.1.0";

    /// <summary>v1.0.0 shouts without the "!" and names itself: the output shows which release was linked.</summary>
    public static byte[] StringsZip(string version) => ModuleZipBuilder.Simple(
        Strings,
        version,
        null,
        ("strings.go", $$"""
            // Package publicstrings is a public library at a module path with upper-case letters.
            package publicstrings

            import "strings"

            // Shout upper-cases s{{(version == "v1.0.0" ? "" : " and adds an exclamation mark")}}.
            func Shout(s string) string { return strings.ToUpper(s){{(version == "v1.0.0" ? "" : " + \"!\"")}} }

            // Release names the module version this code came from.
            func Release() string { return "{{Strings}} {{version}}" }
            """));

    public static byte[] GreeterZip() => ModuleZipBuilder.Simple(
        Greeter,
        GreeterVersion,
        $"module {Greeter}\n\ngo 1.19\n\nrequire {Strings} v1.0.0\n",
        ("greeter.go", """
            // Package greeter is a private module that uses the public library.
            package greeter

            import ps "example.com/Public/Strings"

            // Greet greets name loudly.
            func Greet(name string) string { return "private greeter v0.1.0 greets " + ps.Shout(name) }
            """));

    public const string ConsumerGoMod = "module example.com/groupapp\n\ngo 1.19\n";

    public const string ConsumerMain = """
        package main

        import (
            "fmt"

            "corp.example.com/private/greeter"
            ps "example.com/Public/Strings"
        )

        func main() {
            fmt.Println(greeter.Greet("world"))
            fmt.Println("strings from " + ps.Release())
        }
        """;

    /// <summary>Both lines need v1.1.0 of the library: greeter's call into it and main's own.</summary>
    public const string ExpectedOutput = "private greeter v0.1.0 greets WORLD!\nstrings from example.com/Public/Strings v1.1.0";
}

/// <summary>What go did when it first built through the group.</summary>
public sealed record GroupRun(string GoMod, string GoSum, string Output, string ListVersions);

/// <summary>
/// B (see <see cref="UpstreamProxyFixture"/>) also holds the private module in its go-hosted and a group
/// <c>all</c> = [go-hosted, up]. Go only ever talks to B's group.
/// </summary>
public sealed class GroupBuildFixture : UpstreamProxyFixture
{
    public const string GroupRepository = "all";

    private Task<GroupRun>? _run;

    /// <summary>B's GOPROXY URL for the group.</summary>
    public string GroupUrl => this.ProxyUrl(GroupRepository);

    protected override string Label => $"B (group {GroupRepository})";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await this.CreateGoGroupAsync(GroupRepository, Repository, ProxyRepository);
    }

    /// <summary>Publishes to A and B and has go build the consumer through the group, once per class.</summary>
    public Task<GroupRun> EnsureBuiltThroughGroupAsync() => Once(ref _run, BuildAsync);

    private async Task<GroupRun> BuildAsync()
    {
        foreach (var version in GroupModules.StringsVersions)
        {
            await Upstream.UploadAsync(GroupModules.Strings, version, GroupModules.StringsZip(version));
        }

        await UploadAsync(GroupModules.Greeter, GroupModules.GreeterVersion, GroupModules.GreeterZip());

        using var go = new GoSandbox(this, "group-first", () => GroupUrl);
        var app = go.NewDir("app");
        await File.WriteAllTextAsync(Path.Combine(app, "go.mod"), GroupModules.ConsumerGoMod);
        await File.WriteAllTextAsync(Path.Combine(app, "main.go"), GroupModules.ConsumerMain);
        await go.RunOkAsync(app, "mod", "tidy");
        await go.RunOkAsync(app, "build", "-o", "app", ".");
        var output = await GoSandbox.RunBinaryAsync(Path.Combine(app, "app"));
        var list = await go.RunOkAsync(app, "list", "-m", "-versions", GroupModules.Strings);

        return new GroupRun(
            await File.ReadAllTextAsync(Path.Combine(app, "go.mod")),
            await File.ReadAllTextAsync(Path.Combine(app, "go.sum")),
            output,
            list.StdOut);
    }
}

/// <summary>A group repository on B over B's private go-hosted and a proxy of A: one GOPROXY for both worlds.</summary>
public sealed class GroupBuildTests(GroupBuildFixture servers, ITestOutputHelper output) : IClassFixture<GroupBuildFixture>
{
    [Fact]
    public async Task Go_builds_a_consumer_of_a_private_and_a_public_module_through_one_group_with_MVS_across_members()
    {
        var run = await servers.EnsureBuiltThroughGroupAsync();

        Assert.Equal(GroupModules.ExpectedOutput, run.Output.Trim());
        Assert.Contains($"{GroupModules.Greeter} {GroupModules.GreeterVersion}", run.GoMod, StringComparison.Ordinal);
        Assert.Contains($"{GroupModules.Strings} {GroupModules.StringsLatest}", run.GoMod, StringComparison.Ordinal);
        Assert.DoesNotContain($"{GroupModules.Strings} v1.0.0\n", run.GoMod, StringComparison.Ordinal);
        Assert.Equal($"{GroupModules.Strings} {string.Join(' ', GroupModules.StringsVersions)}", run.ListVersions.Trim());
    }

    [Fact]
    public async Task With_the_upstream_gone_the_group_still_builds_from_the_proxy_cache_and_lists_the_public_versions()
    {
        var run = await servers.EnsureBuiltThroughGroupAsync();
        await servers.StopUpstreamAsync();

        // A fresh module cache: the private module comes from B's go-hosted, the public one from up's cache.
        using var go = new GoSandbox(servers, "group-upstream-gone", () => servers.GroupUrl);
        var app = go.NewDir("app");
        await File.WriteAllTextAsync(Path.Combine(app, "go.mod"), run.GoMod);
        await File.WriteAllTextAsync(Path.Combine(app, "go.sum"), run.GoSum);
        await File.WriteAllTextAsync(Path.Combine(app, "main.go"), GroupModules.ConsumerMain);
        await go.RunOkAsync(app, "build", "-o", "app", ".");
        Assert.Equal(GroupModules.ExpectedOutput, (await GoSandbox.RunBinaryAsync(Path.Combine(app, "app"))).Trim());

        // up's list refresh fails: either its stale copy comes through, or the group names the failing member.
        var listUrl = $"{servers.GroupUrl}/{HostedGoServerFixture.GoEscape(GroupModules.Strings)}/@v/list";
        using var list = await servers.Http.GetAsync(listUrl);
        var body = await list.Content.ReadAsStringAsync();
        var warning = list.Headers.NonValidated.TryGetValues("Warning", out var values) ? string.Join(", ", values) : "(none)";
        Assert.True(
            list.StatusCode == HttpStatusCode.OK,
            $"GET {listUrl} answered {(int)list.StatusCode}, expected 200 (Warning: {warning}): {body}\n{servers.ServerLogTail()}");
        output.WriteLine($"GET {listUrl} with A gone: {(int)list.StatusCode}, Warning: {warning}, body: {body.Replace("\n", " ").Trim()}");
        var versions = body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(versions.Contains(GroupModules.StringsLatest), $"GET {listUrl} (Warning: {warning}) listed [{string.Join(' ', versions)}], expected {GroupModules.StringsLatest}");

        // The proxy member answered from a stale copy; the group's merged list must say so too.
        Assert.Contains("stale", warning, StringComparison.OrdinalIgnoreCase);
    }
}
