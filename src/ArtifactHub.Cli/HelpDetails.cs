using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Runtime.CompilerServices;

namespace ArtifactHub.Cli;

/// <summary>
/// A longer text after a command's <c>--help</c> (what it does in detail, examples), kept out of its one-line
/// description, which is what a group's list of commands shows.
/// </summary>
internal static class HelpDetails
{
    private static readonly ConditionalWeakTable<Command, string> Details = [];

    public static void Set(Command command, string details) => Details.AddOrUpdate(command, details);

    /// <summary>Makes <paramref name="root"/>'s <c>--help</c> write the details of the command it is asked about.</summary>
    public static void Install(RootCommand root)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new WithDetails(help.Action ?? new HelpAction());
    }

    private sealed class WithDetails(CommandLineAction standard) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            var exitCode = standard is SynchronousCommandLineAction synchronous ? synchronous.Invoke(parseResult) : 0;
            if (Details.TryGetValue(parseResult.CommandResult.Command, out var details))
            {
                var output = parseResult.InvocationConfiguration.Output;
                output.WriteLine(details.TrimEnd());
                output.WriteLine();
            }

            return exitCode;
        }
    }
}
