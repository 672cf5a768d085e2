namespace ArtifactHub.Formats.Go.Tests;

public sealed class GoRequestPathTests
{
    [Theory]
    [InlineData("example.com/m/@v/list", "example.com/m", GoRequestKind.List, null)]
    [InlineData("example.com/m/@v/v1.2.3.info", "example.com/m", GoRequestKind.Info, "v1.2.3")]
    [InlineData("example.com/m/@v/v1.2.3.mod", "example.com/m", GoRequestKind.Mod, "v1.2.3")]
    [InlineData("example.com/m/@v/v1.2.3.zip", "example.com/m", GoRequestKind.Zip, "v1.2.3")]
    [InlineData("example.com/m/@latest", "example.com/m", GoRequestKind.Latest, null)]
    [InlineData("example.com/m/@v/v1.2.3", "example.com/m", GoRequestKind.Version, "v1.2.3")]
    [InlineData("example.com/m/v2/@v/v2.0.0-pre.1.zip", "example.com/m/v2", GoRequestKind.Zip, "v2.0.0-pre.1")]
    [InlineData("example.com/m/@v/v2.0.0+incompatible.info", "example.com/m", GoRequestKind.Info, "v2.0.0+incompatible")]
    [InlineData("gopkg.in/yaml.v2/@v/v2.4.0.mod", "gopkg.in/yaml.v2", GoRequestKind.Mod, "v2.4.0")]
    [InlineData("golang.org/toolchain/@v/v0.0.1-go1.21.0.linux-amd64.zip", "golang.org/toolchain", GoRequestKind.Zip, "v0.0.1-go1.21.0.linux-amd64")]
    [InlineData("example.com/m/@v/master.info", "example.com/m", GoRequestKind.Info, "master")] // a query, for sources that support it
    // case decoding of the module and of the version
    [InlineData("github.com/!azure/azure-sdk/@v/list", "github.com/Azure/azure-sdk", GoRequestKind.List, null)]
    [InlineData("github.com/!burnt!sushi/toml/@latest", "github.com/BurntSushi/toml", GoRequestKind.Latest, null)]
    [InlineData("github.com/!azure/azure-sdk/@v/v1.0.0-!r!c1.zip", "github.com/Azure/azure-sdk", GoRequestKind.Zip, "v1.0.0-RC1")]
    [InlineData("example.com/m/@v/v0.0.0-20200101000000-!a!b!c.info", "example.com/m", GoRequestKind.Info, "v0.0.0-20200101000000-ABC")]
    public void Parses_protocol_paths(string path, string module, GoRequestKind kind, string? version)
    {
        var (parsed, notFound, invalid) = GoRequestPath.Parse(path);
        Assert.Null(notFound);
        Assert.Null(invalid);
        Assert.Equal(new GoRequestPath(module, kind, version), parsed);
    }

    [Theory]
    [InlineData("github.com/Azure/azure-sdk/@v/list")] // upper case must be escaped
    [InlineData("github.com/!Azure/azure-sdk/@v/list")]
    [InlineData("github.com/!1zure/azure-sdk/@latest")]
    [InlineData("github.com/azure!/azure-sdk/@v/list")] // "!" before "/"
    [InlineData("github.com/azure/azure-sdk!/@v/v1.0.0.info")] // trailing "!"
    [InlineData("example.com/m/@v/V1.0.0.info")] // upper case in the version
    [InlineData("example.com/m/@v/v1.0.0-!1.zip")]
    [InlineData("example.com/m/@v/v1.0.0-!.mod")]
    [InlineData("example.com/m/@v/v1.0.0-rc!.info")]
    [InlineData("example.com/испытание/@v/list")] // not ASCII
    [InlineData("localhost/m/@v/list")] // not a module path: no dot in the first element
    [InlineData("example.com/m/v1/@v/list")] // not a module path: /v1 suffix
    [InlineData("example.com//m/@v/list")]
    public void Bad_encodings_and_module_paths_are_invalid(string path)
    {
        var (parsed, notFound, invalid) = GoRequestPath.Parse(path);
        Assert.Null(parsed);
        Assert.Null(notFound);
        Assert.False(string.IsNullOrWhiteSpace(invalid));
    }

    [Fact]
    public void The_invalid_message_names_the_escape()
    {
        var (_, _, invalid) = GoRequestPath.Parse("github.com/Azure/azure-sdk/@v/list");
        Assert.Contains("github.com/Azure/azure-sdk", invalid);
    }

    [Theory]
    [InlineData("")]
    [InlineData("example.com/m")]
    [InlineData("example.com/m/")]
    [InlineData("example.com/m/@v")]
    [InlineData("example.com/m/@v/")]
    [InlineData("@v/list")]
    [InlineData("/@v/list")]
    [InlineData("@latest")]
    [InlineData("/@latest")]
    [InlineData("example.com/m/@latest/x")]
    [InlineData("example.com/m/@v/list/x")]
    [InlineData("example.com/m/@v/v1.0.0/x.zip")]
    [InlineData("favicon.ico")]
    [InlineData("sumdb/sum.golang.org/supported")]
    public void Paths_outside_the_protocol_are_not_found(string path)
    {
        var (parsed, notFound, invalid) = GoRequestPath.Parse(path);
        Assert.Null(parsed);
        Assert.Null(invalid);
        Assert.False(string.IsNullOrWhiteSpace(notFound));
    }

    [Fact]
    public void AssetPath_is_the_decoded_path()
    {
        Assert.Equal("github.com/Azure/x/@v/v1.0.0-RC1.zip", GoRequestPath.Parse("github.com/!azure/x/@v/v1.0.0-!r!c1.zip").Path!.AssetPath);
        Assert.Equal("github.com/Azure/x/@v/list", GoRequestPath.Parse("github.com/!azure/x/@v/list").Path!.AssetPath);
        Assert.Equal("github.com/Azure/x/@latest", GoRequestPath.Parse("github.com/!azure/x/@latest").Path!.AssetPath);
        Assert.Equal("example.com/m/@v/v1.0.0.info", GoRequestPath.AssetPathOf("example.com/m", "v1.0.0", GoRequestKind.Info));
        Assert.Equal("example.com/m/@v/v1.0.0.mod", GoRequestPath.AssetPathOf("example.com/m", "v1.0.0", GoRequestKind.Mod));
    }
}
