using System.CommandLine;
using System.Net.Http.Headers;
using System.Reflection;

namespace ArtifactHub.Cli.Server;

/// <summary>Which ArtifactHub server to talk to and as whom: <c>--server</c>/<c>--token</c>, else the environment.</summary>
internal sealed record ServerConnection(Uri BaseUri, string? Token)
{
    /// <exception cref="UsageException">No server given, or not an http(s) URL.</exception>
    public static ServerConnection From(ParseResult parsed, CommonOptions common, CliConsole console)
    {
        var url = NonEmpty(parsed.GetValue(common.Server)) ?? NonEmpty(console.Environment(CommonOptions.UrlVariable))
            ?? throw new UsageException($"no server: give --server URL or set {CommonOptions.UrlVariable}");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.Query != "" || uri.Fragment != "")
        {
            throw new UsageException($"the server URL \"{url}\" is not an http:// or https:// base URL (e.g. http://localhost:8081)");
        }

        // A server under a path prefix (http://host/artifacthub) keeps it: relative URLs resolve below a trailing slash.
        var baseUri = uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri + "/");
        return new ServerConnection(baseUri, NonEmpty(parsed.GetValue(common.Token)) ?? NonEmpty(console.Environment(CommonOptions.TokenVariable)));
    }

    public HttpClient CreateClient()
    {
        // No overall timeout: an upload of hundreds of MiB takes what it takes; Ctrl+C cancels. A dead host fails fast.
        var http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(30) }) { BaseAddress = BaseUri, Timeout = Timeout.InfiniteTimeSpan };
        var version = typeof(ServerConnection).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";
        http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("artifacthub-cli", version.Split('+')[0]));
        if (Token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        }

        return http;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
