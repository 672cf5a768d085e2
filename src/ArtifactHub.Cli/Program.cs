using ArtifactHub.Cli;

return await ArtifactHubCommandLine.RunAsync(args, CliConsole.FromSystem());
