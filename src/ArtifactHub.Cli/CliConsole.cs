namespace ArtifactHub.Cli;

/// <summary>Where the command writes and what it may read of its surroundings; tests run the command line with their own.</summary>
/// <param name="Out">Results (a published module, its JSON).</param>
/// <param name="Error">Errors, help after a usage error, and what is happening on the way.</param>
/// <param name="Interactive">Whether <paramref name="Error"/> is a terminal, where progress can be drawn.</param>
/// <param name="Environment">Reads an environment variable (ARTIFACTHUB_URL, ARTIFACTHUB_TOKEN).</param>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, bool Interactive, Func<string, string?> Environment)
{
    public static CliConsole FromSystem() => new(
        Console.Out,
        Console.Error,
        !Console.IsErrorRedirected && System.Environment.GetEnvironmentVariable("TERM") != "dumb",
        System.Environment.GetEnvironmentVariable);
}
