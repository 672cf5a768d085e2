namespace ArtifactHub.Cli;

/// <summary>What the command's exit code says; scripts rely on it.</summary>
internal static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Done = 0;

    /// <summary>Refused (by the server or by the module rules) or failed; the reason was printed.</summary>
    public const int Failed = 1;

    /// <summary>Bad usage: an unknown or missing option or argument, or a value that cannot be right; help was printed.</summary>
    public const int Usage = 2;
}

/// <summary>A refusal or failure whose message is the whole story: printed as it is, exit code 1.</summary>
internal sealed class CommandFailedException(string message) : Exception(message);

/// <summary>A command line that cannot be run as given: the message and the command's help are printed, exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
