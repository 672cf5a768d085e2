using System.CommandLine;
using System.CommandLine.Parsing;
using ArtifactHub.Core.Repositories;
using ArtifactHub.Formats.Go;

namespace ArtifactHub.Cli.Go;

/// <summary><c>artifacthub go publish DIR --repository R --version V [--module M]</c>: its options and their checks.</summary>
internal static class GoPublishCommand
{
    public static Command Create(CommonOptions common, CliConsole console)
    {
        var directory = new Argument<DirectoryInfo>("DIR")
        {
            Description = "The module's root directory (where its go.mod is)",
        };
        directory.AcceptExistingOnly();

        var repository = new Option<string>("--repository", "-r")
        {
            Description = "The hosted Go repository to publish to",
            HelpName = "name",
            Required = true,
        };
        repository.Validators.Add(result => Check(result, name =>
            RepositoryName.IsValid(RepositoryName.Normalize(name)) ? null : $"\"{name}\" is not a repository name ({RepositoryName.Rule})"));

        var version = new Option<string>("--version")
        {
            Description = "The version to publish: canonical, with a v (v1.2.3, v1.3.0-rc.1); v2 and above need a /vN module path",
            HelpName = "version",
            Required = true,
        };
        version.Validators.Add(result => Check(result, v =>
            !GoSemver.IsValid(v) ? $"\"{v}\" is not a semantic version with a leading v (e.g. v1.2.3)"
            : !GoVersion.IsCanonical(v) ? $"\"{v}\" is not canonical: write {GoVersion.Canonical(v)}"
            : null));

        var module = new Option<string>("--module", "-m")
        {
            Description = "The module path [default: go.mod's module line; with both, they must agree]",
            HelpName = "path",
        };
        module.Validators.Add(result => Check(result, GoModulePath.CheckPath));

        var command = new Command("publish", "Publish a Go module version made from a directory")
        {
            directory, repository, version, module,
        };
        HelpDetails.Set(command, Details);
        ArtifactHubCommandLine.Run(command, console, (parsed, cancellationToken) =>
        {
            var request = new ModulePublishRequest(
                parsed.GetRequiredValue(directory).FullName,
                parsed.GetRequiredValue(repository),
                parsed.GetRequiredValue(version),
                parsed.GetValue(module));
            return new ModulePublisher(Server.ServerConnection.From(parsed, common, console), console, parsed.GetValue(common.Json)).PublishAsync(request, cancellationToken);
        });
        return command;
    }

    private const string Details = """
        What goes into the zip: what the go command would put in it (golang.org/x/mod/zip's CreateFromDir rules).
          Left out: .git, .hg, .svn and .bzr directories; subdirectories with a go.mod of their own (other modules);
            vendored packages (of vendor/, only the files directly in it stay, such as vendor/modules.txt);
            symbolic links and other files that are not regular files.
          Refused, naming the file and the rule: a file path Go does not allow, names equal but for case, go.mod or
            LICENSE over 16 MiB, more than 500 MiB in all, a go.mod whose module line is not the module's path.
        Prints the module's go.sum lines and its size as the server stored them (--json: as one JSON object).
        Publishing the same directory again answers that it is there already; other bytes under a published
        version are refused (versions never change).

        Examples:
          export ARTIFACTHUB_URL=http://localhost:8081 ARTIFACTHUB_TOKEN=ah_...
          artifacthub go publish . --repository go-hosted --version v1.2.0
          artifacthub go publish ./lib -r go-hosted --version v0.3.1 --module example.com/lib --json
        """;

    private static void Check(OptionResult result, Func<string, string?> problem)
    {
        if (result.GetValueOrDefault<string>() is { } value && problem(value) is { } message)
        {
            result.AddError($"{result.Option.Name}: {message}");
        }
    }
}
