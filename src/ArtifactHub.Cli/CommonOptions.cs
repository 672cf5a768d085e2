using System.CommandLine;

namespace ArtifactHub.Cli;

/// <summary>The options every command takes (they may come anywhere on the line): which server, which token, and JSON output.</summary>
internal sealed class CommonOptions
{
    public const string UrlVariable = "ARTIFACTHUB_URL";
    public const string TokenVariable = "ARTIFACTHUB_TOKEN";

    public Option<string> Server { get; } = new("--server")
    {
        Description = $"The ArtifactHub server's base URL, e.g. http://localhost:8081 [default: ${UrlVariable}]",
        HelpName = "url",
        Recursive = true,
    };

    public Option<string> Token { get; } = new("--token")
    {
        Description = $"An API token, sent as a Bearer token [default: ${TokenVariable}; prefer it, a command line is visible to other users]",
        HelpName = "token",
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print the result as one JSON document on stdout, and no progress (for scripts)",
        Recursive = true,
    };

    public void AddTo(Command command)
    {
        command.Add(Server);
        command.Add(Token);
        command.Add(Json);
    }
}
