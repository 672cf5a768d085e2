using System.Text;

namespace ArtifactHub.Formats.Go.Tests;

public sealed class GoModFileTests
{
    [Theory]
    [InlineData("module example.com/m\n", "example.com/m")]
    [InlineData("module example.com/m", "example.com/m")] // no final newline
    [InlineData("module example.com/m\n\ngo 1.19\n\nrequire example.com/x v1.0.0\n", "example.com/m")]
    [InlineData("module \"example.com/m\"\n", "example.com/m")]
    [InlineData("module `example.com/m`\n", "example.com/m")]
    [InlineData("module\texample.com/m\n", "example.com/m")]
    [InlineData("  module   example.com/m   \n", "example.com/m")]
    [InlineData("module example.com/m\r\ngo 1.19\r\n", "example.com/m")]
    [InlineData("// Package m does things.\n// module example.com/wrong\nmodule example.com/m // the module\n", "example.com/m")]
    [InlineData("// Deprecated: use example.com/n instead.\nmodule example.com/m\n", "example.com/m")]
    [InlineData("go 1.19\n\nmodule example.com/m\n", "example.com/m")] // order does not matter
    [InlineData("module (\n\texample.com/m\n)\n", "example.com/m")]
    [InlineData("module ( // block form\n\t// the path:\n\n\t\"example.com/m\"\n)\n", "example.com/m")]
    [InlineData("module(\n\texample.com/m\n)\n", "example.com/m")]
    [InlineData("module example.com/m/v2\n", "example.com/m/v2")]
    [InlineData("module github.com/Azure/azure-sdk\n", "github.com/Azure/azure-sdk")]
    [InlineData("module \"rsc.io/quote\"\n\nrequire \"rsc.io/sampler\" v1.3.0\n", "rsc.io/quote")]
    public void Reads_the_module_directive(string goMod, string module) =>
        Assert.Equal(module, GoModFile.ModulePath(Encoding.UTF8.GetBytes(goMod)));

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("go 1.19\n")]
    [InlineData("// module example.com/m\ngo 1.19\n")]
    [InlineData("go 1.19\nrequire (\n\tmodule.example.com/x v1.0.0\n)\n")]
    [InlineData("modulex example.com/m\n")] // a word that merely starts with "module"
    [InlineData("module (\n)\n")]
    public void No_module_directive_is_null(string goMod) => Assert.Null(GoModFile.ModulePath(Encoding.UTF8.GetBytes(goMod)));

    [Fact]
    public void Synthesize_writes_the_mod_the_go_command_expects_for_a_module_without_go_mod() =>
        Assert.Equal("module example.com/m\n"u8.ToArray(), GoModFile.Synthesize("example.com/m"));
}
