using System.CommandLine;

namespace ArtifactHub.Cli.Go;

/// <summary>The <c>go</c> group: Go modules.</summary>
internal static class GoCommands
{
    public static Command Create(CommonOptions common, CliConsole console) =>
        new("go", "Go modules: publish a module version to a hosted Go repository")
        {
            GoPublishCommand.Create(common, console),
        };
}
