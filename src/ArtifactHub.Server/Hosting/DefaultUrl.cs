namespace ArtifactHub.Server.Hosting;

public static class DefaultUrl
{
    public const string Value = "http://localhost:8081";

    /// <summary>
    /// http://localhost:8081 when nothing says where to listen. Set in code rather than in appsettings.json, where it
    /// would beat ASPNETCORE_URLS and ASPNETCORE_HTTP_PORTS (a container's usual settings); --urls, Urls,
    /// ASPNETCORE_URLS, the *_PORTS settings or Kestrel:Endpoints all replace it.
    /// </summary>
    public static WebApplicationBuilder ListenOnDefaultUrlUnlessTold(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var told = new[] { "urls", "http_ports", "https_ports" }.Any(key => !string.IsNullOrWhiteSpace(configuration[key]))
            || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();
        if (!told)
        {
            builder.WebHost.UseUrls(Value);
        }

        return builder;
    }
}
