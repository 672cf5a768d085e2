using System.Net;
using System.Text;

namespace ArtifactHub.Server.Tests.Conformance;

/// <summary>
/// What every group repository does, whatever its format: members are asked in order and the first that has a file
/// answers; nothing anywhere is a 404; a failing member is skipped and named, in a 502 when nobody else has the file
/// and in a <c>Warning: 199</c> when another member answers. A format gets these tests by deriving with its
/// <see cref="FormatSample"/>.
/// </summary>
public abstract class GroupRepositoryConformance<TSample>(ArtifactHubFactory factory) : RepositoryConformance<TSample>(factory), IAsyncLifetime
    where TSample : FormatSample, new()
{
    /// <summary>The upstream of the proxy members, which a test makes fail.</summary>
    private StaticUpstream upstream = null!;

    public async Task InitializeAsync() => upstream = await StaticUpstream.StartAsync();

    public async Task DisposeAsync() => await upstream.DisposeAsync();

    [Fact]
    public async Task Members_are_asked_in_order_so_the_first_member_holding_a_file_answers_with_its_bytes()
    {
        var one = await CreateHostedAsync();
        var two = await CreateHostedAsync();
        var ofOne = Sample.Artifact("both", "one");
        var ofTwo = Sample.Artifact("both", "two");
        await PublishAsync(one, ofOne);
        await PublishAsync(two, ofTwo);

        var oneFirst = await CreateGroupAsync(one, two);
        var twoFirst = await CreateGroupAsync(two, one);

        Assert.Equal(ofOne.Published.Bytes, (await GetAsync(oneFirst, ofOne.Published.Path)).Body);
        Assert.Equal(ofTwo.Published.Bytes, (await GetAsync(twoFirst, ofTwo.Published.Path)).Body);
    }

    [Fact]
    public async Task A_file_only_a_later_member_holds_is_served_from_it()
    {
        var empty = await CreateHostedAsync();
        var holding = await CreateHostedAsync();
        var artifact = Sample.Artifact("later");
        await PublishAsync(holding, artifact);
        var group = await CreateGroupAsync(empty, holding);

        foreach (var path in artifact.Reads)
        {
            Assert.Equal(200, (await GetAsync(group, path)).Status);
        }

        Assert.Equal(artifact.Published.Bytes, (await GetAsync(group, artifact.Published.Path)).Body);
    }

    [Fact]
    public async Task A_file_no_member_holds_is_a_404()
    {
        var proxy = await CreateProxyAsync(upstream);
        var group = await CreateGroupAsync(await CreateHostedAsync(), proxy);

        var (status, _, warning) = await GetAsync(group, Sample.Artifact("nowhere").Published.Path);

        Assert.Equal(404, status);
        Assert.Empty(warning);
    }

    [Fact]
    public async Task A_member_of_a_group_that_is_a_group_is_asked_in_turn()
    {
        var hosted = await CreateHostedAsync();
        var artifact = Sample.Artifact("nested");
        await PublishAsync(hosted, artifact);
        var outer = await CreateGroupAsync(await CreateHostedAsync(), await CreateGroupAsync(hosted));

        Assert.Equal(artifact.Published.Bytes, (await GetAsync(outer, artifact.Published.Path)).Body);
    }

    [Theory]
    [InlineData("answers 500")]
    [InlineData("is stopped")]
    public async Task A_failing_member_when_no_other_member_holds_the_file_is_a_502_naming_it(string failure)
    {
        var hosted = await CreateHostedAsync();
        var proxy = await CreateProxyAsync(upstream);
        var group = await CreateGroupAsync(hosted, proxy);
        await FailAsync(upstream, failure);

        var (status, body, _) = await GetAsync(group, Sample.Artifact("unknown").Published.Path);

        Assert.Equal(502, status);
        Assert.Contains(proxy, Encoding.UTF8.GetString(body));
    }

    [Fact]
    public async Task A_failing_member_is_skipped_and_named_in_a_warning_199_when_another_member_answers()
    {
        var proxy = await CreateProxyAsync(upstream);
        var hosted = await CreateHostedAsync();
        var artifact = Sample.Artifact("rescued");
        await PublishAsync(hosted, artifact);
        var group = await CreateGroupAsync(proxy, hosted);
        upstream.Mode = StaticUpstream.Behaviour.Fail;

        using var response = await Client.GetAsync(Url(group, artifact.Published.Path));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(artifact.Published.Bytes, await response.Content.ReadAsByteArrayAsync());
        var warning = Assert.Single(response.Headers.Warning);
        Assert.Equal(199, warning.Code);
        Assert.Contains(proxy, warning.Text);
    }

    [Fact]
    public async Task Publishing_or_deleting_through_a_group_is_a_405()
    {
        var hosted = await CreateHostedAsync();
        var group = await CreateGroupAsync(hosted);
        var artifact = Sample.Artifact("put");

        using var publish = await Sample.PublishAsync(Admin, group, artifact);
        using var delete = await Admin.DeleteAsync(Url(group, artifact.DeletePath));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, publish.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, delete.StatusCode);
        Assert.Equal((0, 0), await RowsAsync(hosted));
    }
}
