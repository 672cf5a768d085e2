using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using ArtifactHub.Storage.AzureBlob;

namespace ArtifactHub.Cluster.Tests;

/// <summary>
/// A three-node cluster on loopback: one PostgreSQL database and one Azurite container shared by three server
/// processes (each with a data dir of its own), and nginx round robin in front. The PostgreSQL and Azurite are this
/// fixture's own, so tests may stop and start them. Garbage collection runs only when asked, with a 2 s grace period.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public const string HostedRepository = "go-hosted";
    public const int NodeCount = 3;

    private readonly StringBuilder[] _logs = [.. Enumerable.Range(0, NodeCount).Select(_ => new StringBuilder())];
    private readonly TempDir[] _dataDirs = [.. Enumerable.Range(1, NodeCount).Select(i => new TempDir($"node{i}"))];
    private readonly ServerProcess?[] _nodes = new ServerProcess?[NodeCount];
    private NginxServer? _nginx;

    public string AdminPassword { get; } = "cluster-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();

    public PostgresServer Postgres { get; private set; } = null!;

    public AzuriteServer Azurite { get; private set; } = null!;

    public string DatabaseConnectionString { get; private set; } = "";

    public string Container { get; } = AzuriteServer.NewContainerName("cluster");

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromMinutes(2) };

    /// <summary>nginx in front of the nodes.</summary>
    public Uri Balancer => (_nginx ?? throw new InvalidOperationException("cluster not started")).Root;

    public AuthenticationHeaderValue AdminAuth => new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"admin:{AdminPassword}")));

    /// <summary>Node <paramref name="index"/> (0, 1, 2) as it runs now.</summary>
    public ServerProcess Node(int index) => _nodes[index] ?? throw new InvalidOperationException($"node {index + 1} is not running");

    /// <summary>Node <paramref name="index"/>'s own address (not through nginx).</summary>
    public Uri NodeRoot(int index) => Node(index).Root;

    public async Task InitializeAsync()
    {
        var azurite = AzuriteServer.StartNewAsync();
        Postgres = await Task.Run(PostgresServer.StartNew);
        Azurite = await azurite;
        DatabaseConnectionString = Postgres.CreateDatabase("cluster");

        // The first node creates the schema; the other two join an existing database, as a scaled-out deployment does.
        _nodes[0] = await StartNodeAsync(0, port: null);
        var rest = Enumerable.Range(1, NodeCount - 1).Select(async i => _nodes[i] = await StartNodeAsync(i, port: null)).ToArray();
        await Task.WhenAll(rest);
        _nginx = await NginxServer.StartAsync([.. _nodes.Select(n => n!.Port)]);
    }

    private Task<ServerProcess> StartNodeAsync(int index, int? port) =>
        ServerProcess.StartAsync(_dataDirs[index].Path, AdminPassword, _logs[index], tls: null, new Dictionary<string, string>
        {
            ["ArtifactHub__Database__Provider"] = "PostgreSql",
            ["ArtifactHub__Database__ConnectionString"] = DatabaseConnectionString,
            ["ArtifactHub__Storage__Provider"] = "AzureBlob",
            ["ArtifactHub__Storage__ConnectionString"] = Azurite.ConnectionString,
            ["ArtifactHub__Storage__Container"] = Container,
            ["ArtifactHub__GarbageCollection__GracePeriodSeconds"] = "2",
            ["ArtifactHub__GarbageCollection__IntervalSeconds"] = "0",
        }, port);

    /// <summary>SIGKILL to node <paramref name="index"/>: it ends as in a crash.</summary>
    public void KillNode(int index) => Node(index).Kill();

    /// <summary>Starts node <paramref name="index"/> again on its data dir and port (nginx sends to it again).</summary>
    public async Task RestartNodeAsync(int index) => _nodes[index] = await Node(index).RestartAsync();

    /// <summary>Restarts any node that is not running (after a test that killed one failed half-way).</summary>
    public async Task EnsureAllNodesRunAsync()
    {
        for (var i = 0; i < NodeCount; i++)
        {
            if (_nodes[i] is { HasExited: true })
            {
                await RestartNodeAsync(i);
            }
        }
    }

    /// <summary>The last of every node's output and nginx's error log, for assertion messages.</summary>
    public string LogTail(int maxCharsPerNode = 2500) =>
        string.Join("\n", Enumerable.Range(0, NodeCount).Select(i => $"=== node {i + 1} ===\n{ServerProcess.ReadLog(_logs[i], maxCharsPerNode)}"))
        + $"\n=== nginx ===\n{_nginx?.Log}";

    /// <summary>The content URL of a file of a hosted Go module version on <paramref name="root"/> (a node or nginx).</summary>
    public static Uri VersionUri(Uri root, string module, string version, string suffix, string repository = HostedRepository) =>
        new(root, $"repository/{repository}/{module}/@v/{version}{suffix}");

    /// <summary>PUT of a module zip as admin to <paramref name="root"/>.</summary>
    public async Task<HttpResponseMessage> PutZipAsync(Uri root, string module, string version, HttpContent content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, VersionUri(root, module, version, ".zip")) { Content = content };
        request.Headers.Authorization = AdminAuth;
        return await Http.SendAsync(request);
    }

    /// <summary>POST /api/v1/repositories as admin through nginx; insists on 201.</summary>
    public async Task CreateRepositoryAsync(object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Balancer, "api/v1/repositories")) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = AdminAuth;
        using var response = await Http.SendAsync(request);
        var answer = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"creating a repository answered {(int)response.StatusCode}: {answer}\n{LogTail()}");
    }

    /// <summary>The names of the content blobs in the cluster's container (<c>aa/bb/{sha256}</c>), not readiness probes.</summary>
    public async Task<List<string>> ContainerBlobsAsync()
    {
        using var client = new AzureBlobRestClient(AzureStorageConnectionString.Parse(Azurite.ConnectionString), Container);
        var names = new List<string>();
        await foreach (var blob in client.ListAsync("", CancellationToken.None))
        {
            if (!blob.Name.StartsWith(AzureBlobStore.ProbePrefix, StringComparison.Ordinal))
            {
                names.Add(blob.Name);
            }
        }

        return names;
    }

    public async Task DisposeAsync()
    {
        if (_nginx is not null)
        {
            await _nginx.DisposeAsync();
        }

        foreach (var node in _nodes)
        {
            if (node is not null)
            {
                await node.DisposeAsync();
            }
        }

        foreach (var dir in _dataDirs)
        {
            dir.Dispose();
        }

        Http.Dispose();
        Postgres?.Dispose();
        if (Azurite is not null)
        {
            await Azurite.DisposeAsync();
        }
    }
}

/// <summary>All cluster tests share one cluster and run one after another (some stop its parts).</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
