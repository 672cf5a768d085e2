using System.CommandLine;
using System.CommandLine.Invocation;
using ArtifactHub.Cli.Go;

namespace ArtifactHub.Cli;

/// <summary>
/// The <c>artifacthub</c> command line: a group per kind of work (<c>go</c> now; <c>bundle</c> with export, import,
/// inventory and verify to come), each command's action run through <see cref="Run"/> so that every command answers
/// with the same exit codes and the same kind of messages.
/// </summary>
internal static class ArtifactHubCommandLine
{
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        var root = Build(console);
        var parsed = root.Parse(args);
        if (parsed.Action is ParseErrorAction)
        {
            // The errors, then the help of the command they belong to, all on stderr: stdout stays the result's.
            await parsed.InvokeAsync(new InvocationConfiguration { Output = console.Error, Error = console.Error }, cancellationToken);
            return ExitCodes.Usage;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false }, cancellationToken);
    }

    public static RootCommand Build(CliConsole console)
    {
        var common = new CommonOptions();
        var root = new RootCommand(
            "ArtifactHub from the command line: publish Go modules to an ArtifactHub server.\n"
            + $"The server and the API token come from --server and --token, or from ${CommonOptions.UrlVariable} and ${CommonOptions.TokenVariable}.\n"
            + "Exit codes: 0 done, 1 refused or failed (the reason is printed), 2 bad usage.");
        root.HelpName = "artifacthub"; // in help, whatever the process is (dotnet artifacthub.dll, a test host)
        common.AddTo(root);
        root.Add(GoCommands.Create(common, console));
        HelpDetails.Install(root);
        return root;
    }

    /// <summary>
    /// Wraps a command's work: a refusal or failure prints "error: …" and exits 1, a usage error prints its message and
    /// the command's help and exits 2. Anything unexpected is not caught: it is a bug, and its stack trace says where.
    /// </summary>
    public static void Run(Command command, CliConsole console, Func<ParseResult, CancellationToken, Task<int>> work) =>
        command.SetAction(async (parsed, cancellationToken) =>
        {
            try
            {
                return await work(parsed, cancellationToken);
            }
            catch (UsageException e)
            {
                await console.Error.WriteLineAsync($"error: {e.Message}\n");
                WriteHelp(parsed, console.Error);
                return ExitCodes.Usage;
            }
            catch (CommandFailedException e)
            {
                await console.Error.WriteLineAsync($"error: {e.Message}");
                return ExitCodes.Failed;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await console.Error.WriteLineAsync("error: cancelled");
                return ExitCodes.Failed;
            }
        });

    /// <summary>The help of the command <paramref name="parsed"/> ran, written to <paramref name="writer"/>.</summary>
    private static void WriteHelp(ParseResult parsed, TextWriter writer)
    {
        var path = new List<string>();
        for (var result = parsed.CommandResult; result.Parent is System.CommandLine.Parsing.CommandResult parent; result = parent)
        {
            path.Insert(0, result.Command.Name);
        }

        path.Add("--help");
        parsed.RootCommandResult.Command.Parse(path).Invoke(new InvocationConfiguration { Output = writer, Error = writer });
    }
}
