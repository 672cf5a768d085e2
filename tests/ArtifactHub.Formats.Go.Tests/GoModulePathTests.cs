namespace ArtifactHub.Formats.Go.Tests;

public sealed class GoModulePathTests
{
    [Theory]
    [InlineData("github.com/Azure/azure-sdk", "github.com/!azure/azure-sdk")]
    [InlineData("github.com/GoogleCloudPlatform/omega", "github.com/!google!cloud!platform/omega")]
    [InlineData("ascii.com/abcdefghijklmnopqrstuvwxyz.-/~_0123456789", "ascii.com/abcdefghijklmnopqrstuvwxyz.-/~_0123456789")]
    [InlineData("example.com/ABC", "example.com/!a!b!c")]
    [InlineData("v1.0.0-RC1", "v1.0.0-!r!c1")]
    public void Escape_and_Unescape_round_trip(string path, string escaped)
    {
        Assert.Equal(escaped, GoModulePath.Escape(path));
        Assert.Equal(path, GoModulePath.Unescape(escaped));
    }

    [Theory]
    [InlineData("github.com/Azure/azure-sdk")] // an upper-case letter must be escaped
    [InlineData("github.com/GoogleCloudPlatform/omega")]
    [InlineData("github.com/!google!cloud!platform!/omega")] // "!" before "/"
    [InlineData("github.com/!0google/omega")] // "!" before a digit
    [InlineData("github.com/!_google/omega")]
    [InlineData("github.com/!!google/omega")]
    [InlineData("github.com/!Google/omega")] // "!" before an upper-case letter
    [InlineData("github.com/google!")] // trailing "!"
    [InlineData("!")]
    [InlineData("github.com/испытание")] // non-ASCII
    public void Unescape_rejects_bad_encodings(string escaped) => Assert.Null(GoModulePath.Unescape(escaped));

    /// <summary>golang.org/x/mod/module's checkPathTests: path, valid module path, valid file path.</summary>
    [Theory]
    [InlineData("x.y/z", true, true)]
    [InlineData("x.y", true, true)]
    [InlineData("", false, false)]
    [InlineData("x.y/\uD800z", false, false)] // a lone surrogate: not valid Unicode
    [InlineData("/x.y/z", false, false)]
    [InlineData("x./z", false, false)]
    [InlineData(".x/z", false, true)]
    [InlineData("-x/z", false, true)]
    [InlineData("x..y/z", true, true)]
    [InlineData("x.y/z/../../w", false, false)]
    [InlineData("x.y//z", false, false)]
    [InlineData("x.y/z//w", false, false)]
    [InlineData("x.y/z/", false, false)]
    [InlineData("x.y/z/v0", false, true)]
    [InlineData("x.y/z/v1", false, true)]
    [InlineData("x.y/z/v2", true, true)]
    [InlineData("x.y/z/v2.0", false, true)]
    [InlineData("X.y/z", false, true)]
    [InlineData("!x.y/z", false, true)]
    [InlineData("_x.y/z", false, true)]
    [InlineData("x.y!/z", false, true)]
    [InlineData("x.y\"/z", false, false)]
    [InlineData("x.y#/z", false, true)]
    [InlineData("x.y$/z", false, true)]
    [InlineData("x.y%/z", false, true)]
    [InlineData("x.y&/z", false, true)]
    [InlineData("x.y'/z", false, false)]
    [InlineData("x.y(/z", false, true)]
    [InlineData("x.y)/z", false, true)]
    [InlineData("x.y*/z", false, false)]
    [InlineData("x.y+/z", false, true)]
    [InlineData("x.y,/z", false, true)]
    [InlineData("x.y-/z", true, true)]
    [InlineData("x.y./zt", false, false)]
    [InlineData("x.y:/z", false, false)]
    [InlineData("x.y;/z", false, false)]
    [InlineData("x.y</z", false, false)]
    [InlineData("x.y=/z", false, true)]
    [InlineData("x.y>/z", false, false)]
    [InlineData("x.y?/z", false, false)]
    [InlineData("x.y@/z", false, true)]
    [InlineData("x.y[/z", false, true)]
    [InlineData("x.y\\/z", false, false)]
    [InlineData("x.y]/z", false, true)]
    [InlineData("x.y^/z", false, true)]
    [InlineData("x.y_/z", false, true)]
    [InlineData("x.y`/z", false, false)]
    [InlineData("x.y{/z", false, true)]
    [InlineData("x.y}/z", false, true)]
    [InlineData("x.y~/z", false, true)]
    [InlineData("x.y/z!", false, true)]
    [InlineData("x.y/z\"", false, false)]
    [InlineData("x.y/z#", false, true)]
    [InlineData("x.y/z$", false, true)]
    [InlineData("x.y/z%", false, true)]
    [InlineData("x.y/z&", false, true)]
    [InlineData("x.y/z'", false, false)]
    [InlineData("x.y/z(", false, true)]
    [InlineData("x.y/z)", false, true)]
    [InlineData("x.y/z*", false, false)]
    [InlineData("x.y/z++", false, true)]
    [InlineData("x.y/z,", false, true)]
    [InlineData("x.y/z-", true, true)]
    [InlineData("x.y/z.t", true, true)]
    [InlineData("x.y/z/t", true, true)]
    [InlineData("x.y/z:", false, false)]
    [InlineData("x.y/z;", false, false)]
    [InlineData("x.y/z<", false, false)]
    [InlineData("x.y/z=", false, true)]
    [InlineData("x.y/z>", false, false)]
    [InlineData("x.y/z?", false, false)]
    [InlineData("x.y/z@", false, true)]
    [InlineData("x.y/z[", false, true)]
    [InlineData("x.y/z\\", false, false)]
    [InlineData("x.y/z]", false, true)]
    [InlineData("x.y/z^", false, true)]
    [InlineData("x.y/z_", true, true)]
    [InlineData("x.y/z`", false, false)]
    [InlineData("x.y/z{", false, true)]
    [InlineData("x.y/z}", false, true)]
    [InlineData("x.y/z~", true, true)]
    [InlineData("x.y/x.foo", true, true)]
    [InlineData("x.y/aux.foo", false, false)]
    [InlineData("x.y/prn", false, false)]
    [InlineData("x.y/prn2", true, true)]
    [InlineData("x.y/com", true, true)]
    [InlineData("x.y/com1", false, false)]
    [InlineData("x.y/com1.txt", false, false)]
    [InlineData("x.y/calm1", true, true)]
    [InlineData("x.y/z~0", false, true)]
    [InlineData("x.y/z~09", false, true)]
    [InlineData("x.y/z09", true, true)]
    [InlineData("x.y/z09~", true, true)]
    [InlineData("x.y/z09~09z", true, true)]
    [InlineData("x.y/z09~09z~09", false, true)]
    [InlineData("github.com/!123/logrus", false, true)]
    [InlineData("github.com/user/unicode/испытание", false, true)]
    [InlineData("../x", false, false)]
    [InlineData("./y", false, false)]
    [InlineData("x:y", false, false)]
    [InlineData("\\temp\\foo", false, false)]
    [InlineData(".gitignore", false, true)]
    [InlineData(".github/ISSUE_TEMPLATE", false, true)]
    [InlineData("x☺y", false, false)]
    public void CheckPath_and_CheckFilePath_follow_x_mod(string path, bool moduleOk, bool fileOk)
    {
        var moduleError = GoModulePath.CheckPath(path);
        Assert.True(moduleOk == moduleError is null, $"CheckPath(\"{path}\") = {moduleError ?? "null"}, want {(moduleOk ? "valid" : "an error")}");
        var fileError = GoModulePath.CheckFilePath(path);
        Assert.True(fileOk == fileError is null, $"CheckFilePath(\"{path}\") = {fileError ?? "null"}, want {(fileOk ? "valid" : "an error")}");
    }

    [Theory]
    [InlineData("localhost/m", "missing dot in first path element")]
    [InlineData("example/m", "missing dot in first path element")]
    [InlineData("-example.com/m", "leading dash")]
    [InlineData("Example.com/m", "invalid char 'E' in first path element")]
    [InlineData("exa_mple.com/m", "invalid char '_' in first path element")]
    [InlineData("example.com/m n", "invalid char ' '")]
    [InlineData("example.com/m/v1", "invalid version suffix")]
    [InlineData("example.com/m/v0", "invalid version suffix")]
    [InlineData("example.com/m/v02", "invalid version suffix")]
    [InlineData("example.com/m/v2.1", "invalid version suffix")]
    [InlineData("gopkg.in/yaml", "invalid version suffix")] // gopkg.in paths must end in .vN
    [InlineData("gopkg.in/yaml.v02", "invalid version suffix")]
    public void CheckPath_names_the_rule(string path, string rule)
    {
        var error = GoModulePath.CheckPath(path);
        Assert.NotNull(error);
        Assert.Contains(rule, error);
        Assert.Contains(path, error);
    }

    [Theory]
    [InlineData("gopkg.in/yaml.v2")]
    [InlineData("gopkg.in/yaml.v0")]
    [InlineData("gopkg.in/check.v1")]
    [InlineData("gopkg.in/src-d/go-git.v4")]
    [InlineData("gopkg.in/yaml.v3-unstable")]
    [InlineData("example.com/m/v2")]
    [InlineData("example.com/m/v10")]
    [InlineData("github.com/Azure/azure-sdk-for-go")]
    [InlineData("golang.org/toolchain")]
    [InlineData("example.com/v")]
    public void Valid_module_paths(string path) => Assert.Null(GoModulePath.CheckPath(path));

    [Theory]
    [InlineData("x.y/z", "x.y/z", "")]
    [InlineData("x.y/z/v2", "x.y/z", "/v2")]
    [InlineData("x.y/z/v3", "x.y/z", "/v3")]
    [InlineData("x.y/v", "x.y/v", "")]
    [InlineData("gopkg.in/yaml.v0", "gopkg.in/yaml", ".v0")]
    [InlineData("gopkg.in/yaml.v1", "gopkg.in/yaml", ".v1")]
    [InlineData("gopkg.in/yaml.v2", "gopkg.in/yaml", ".v2")]
    [InlineData("gopkg.in/yaml.v3-unstable", "gopkg.in/yaml", ".v3-unstable")]
    public void SplitPathVersion(string path, string prefix, string pathMajor) =>
        Assert.Equal((prefix, pathMajor), GoModulePath.SplitPathVersion(path));

    /// <summary>golang.org/x/mod/module's checkTests, plus the +incompatible rules of the go command.</summary>
    [Theory]
    [InlineData("rsc.io/quote", "0.1.0", false)]
    [InlineData("github.com/go-yaml/yaml", "v0.8.0", true)]
    [InlineData("github.com/go-yaml/yaml", "v1.0.0", true)]
    [InlineData("github.com/go-yaml/yaml", "v2.0.0", false)]
    [InlineData("github.com/go-yaml/yaml", "v2.1.5", false)]
    [InlineData("github.com/go-yaml/yaml", "v3.0.0", false)]
    [InlineData("github.com/go-yaml/yaml/v2", "v1.0.0", false)]
    [InlineData("github.com/go-yaml/yaml/v2", "v2.0.0", true)]
    [InlineData("github.com/go-yaml/yaml/v2", "v2.1.5", true)]
    [InlineData("github.com/go-yaml/yaml/v2", "v3.0.0", false)]
    [InlineData("gopkg.in/yaml.v0", "v0.8.0", true)]
    [InlineData("gopkg.in/yaml.v0", "v1.0.0", false)]
    [InlineData("gopkg.in/yaml.v0", "v2.0.0", false)]
    [InlineData("gopkg.in/yaml.v1", "v0.8.0", false)]
    [InlineData("gopkg.in/yaml.v1", "v1.0.0", true)]
    [InlineData("gopkg.in/yaml.v1", "v2.0.0", false)]
    [InlineData("gopkg.in/check.v1", "v0.0.0", false)]
    [InlineData("gopkg.in/check.v1", "v0.0.0-20160102150405-abcdef123456", true)] // old v0 pseudo-versions of .v1
    [InlineData("gopkg.in/yaml.v2", "v1.0.0", false)]
    [InlineData("gopkg.in/yaml.v2", "v2.0.0", true)]
    [InlineData("gopkg.in/yaml.v2", "v2.1.5", true)]
    [InlineData("gopkg.in/yaml.v2", "v3.0.0", false)]
    [InlineData("gopkg.in/yaml.v3-unstable", "v3.0.0", true)]
    [InlineData("rsc.io/quote", "v17.0.0", false)]
    [InlineData("rsc.io/quote", "v17.0.0+incompatible", true)]
    [InlineData("example.com/m", "v2.0.0+incompatible", true)]
    [InlineData("example.com/m", "v2.0.0", false)]
    [InlineData("example.com/m", "v1.0.0+incompatible", false)] // +incompatible is for v2 and above
    [InlineData("example.com/m/v2", "v2.0.0+incompatible", false)] // not with a /vN suffix
    [InlineData("example.com/m/v2", "v2.0.0", true)]
    [InlineData("example.com/m/v2", "v2.3.4-pre", true)]
    [InlineData("example.com/m/v2", "v2.0.0-20200101000000-abcdefabcdef", true)]
    [InlineData("example.com/m/v2", "v1.0.0", false)]
    [InlineData("example.com/m/v2", "v3.0.0", false)]
    [InlineData("example.com/m", "v1.2", false)] // not canonical
    [InlineData("example.com/m", "v1", false)]
    [InlineData("example.com/m", "v1.2.3+meta", false)]
    [InlineData("example.com/m", "1.2.3", false)]
    [InlineData("example.com/m", "latest", false)]
    public void CheckVersion(string path, string version, bool ok)
    {
        var error = GoModulePath.CheckVersion(path, version);
        Assert.True(ok == error is null, $"CheckVersion(\"{path}\", \"{version}\") = {error ?? "null"}, want {(ok ? "valid" : "an error")}");
    }

    [Theory]
    [InlineData("example.com/m", "v1.2", "not canonical")]
    [InlineData("example.com/m", "1.2.3", "not a semantic version")]
    [InlineData("example.com/m/v2", "v1.0.0", "should be v2, not v1")]
    [InlineData("example.com/m", "v2.0.0", "should be v0 or v1, not v2")]
    [InlineData("gopkg.in/yaml.v2", "v1.0.0", "should be v2, not v1")]
    public void CheckVersion_names_the_rule(string path, string version, string rule)
    {
        var error = GoModulePath.CheckVersion(path, version);
        Assert.NotNull(error);
        Assert.Contains(rule, error);
        Assert.Contains(version, error);
    }

    [Theory]
    [InlineData("a.go")]
    [InlineData("dir/sub/a.go")]
    [InlineData("file with spaces.txt")]
    [InlineData("dir with space/x.go")]
    [InlineData("Ünïcödé.go")]
    [InlineData("日本語/ファイル.go")]
    [InlineData(".gitignore")]
    [InlineData("-leading-dash.go")]
    [InlineData("con2.txt")]
    [InlineData("x~1.go")] // the Windows short-name rule is only for import paths
    public void Valid_file_paths(string path) => Assert.Null(GoModulePath.CheckFilePath(path));

    [Theory]
    [InlineData("..", "invalid path element")]
    [InlineData("../x.go", "invalid path element")]
    [InlineData("a/../x.go", "invalid path element")]
    [InlineData("a\\b.go", "invalid char '\\'")]
    [InlineData("aux.txt", "\"aux\" disallowed")]
    [InlineData("dir/AUX/x.go", "\"AUX\" disallowed")]
    [InlineData("nul", "\"nul\" disallowed")]
    [InlineData("LPT1.log", "\"LPT1\" disallowed")]
    [InlineData("a:b", "invalid char ':'")]
    [InlineData("a*b", "invalid char '*'")]
    [InlineData("a|b", "invalid char '|'")]
    [InlineData("/abs.go", "leading slash")]
    [InlineData("dir/", "trailing slash")]
    [InlineData("a//b", "double slash")]
    [InlineData("dir./x.go", "trailing dot")]
    [InlineData("a\tb", "invalid char")]
    [InlineData("a☺b", "invalid char")] // a symbol, not a letter
    [InlineData("", "empty string")]
    public void CheckFilePath_rejects(string path, string rule)
    {
        var error = GoModulePath.CheckFilePath(path);
        Assert.NotNull(error);
        Assert.Contains(rule, error);
    }
}
