using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ArtifactHub.Cli.Output;
using ArtifactHub.Cli.Server;
using ArtifactHub.Core.Repositories;
using ArtifactHub.Formats.Go;

namespace ArtifactHub.Cli.Go;

/// <summary>What <c>go publish</c> was asked to do.</summary>
/// <param name="Module">From <c>--module</c>; null to take go.mod's.</param>
internal sealed record ModulePublishRequest(string Directory, string Repository, string Version, string? Module);

/// <summary>A hosted Go repository's answer to a publish (its 201, or 200 for bytes it already held).</summary>
internal sealed record PublishedModuleAnswer(string Module, string Version, string Time, string ZipHash, string ModHash, long Size);

/// <summary>
/// Zips a module directory into a temporary file (by <see cref="ModuleZipWriter"/>: the Go rules are the format's, not
/// the command's), then PUTs it to <c>{server}/repository/R/{module}/@v/{version}.zip</c> from that file and reports the answer.
/// </summary>
internal sealed class ModulePublisher(ServerConnection server, CliConsole console, bool json)
{
    private const int MaxNotes = 20;

    private static readonly JsonSerializerOptions AnswerJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // h1: hashes keep their '+'
    };

    private readonly CommandOutput _output = CommandOutput.For(console, json);

    public async Task<int> PublishAsync(ModulePublishRequest request, CancellationToken cancellationToken)
    {
        var directory = Read(request.Directory);
        var module = request.Module ?? await DeclaredModuleAsync(directory, cancellationToken);
        var version = request.Version;
        var repository = RepositoryName.Normalize(request.Repository);
        var url = new Uri(server.BaseUri, $"repository/{Uri.EscapeDataString(repository)}/{GoModulePath.Escape(module)}/@v/{GoModulePath.Escape(version)}.zip");
        NoteOmissions(directory);
        _output.Note($"publishing {module}@{version} from {directory.Root} to {url}");

        var zipPath = Path.Combine(Path.GetTempPath(), $"artifacthub-{Guid.NewGuid():N}.zip");
        await using var zip = new FileStream(zipPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        using var http = server.CreateClient();
        var (written, answer, created) = await _output.RunStepsAsync(async steps =>
        {
            var zipping = steps.Step($"zipping {Count(directory.Files.Count, "file")}, {Bytes(directory.TotalSize)}", directory.TotalSize);
            WrittenModuleZip written;
            try
            {
                written = await ModuleZipWriter.WriteAsync(directory, module, version, zip, zipping, cancellationToken);
            }
            catch (InvalidModuleDirectoryException e)
            {
                throw new CommandFailedException(e.Message);
            }

            if (zip.Length > ModuleZipLimits.MaxZipFile)
            {
                throw new CommandFailedException($"the module zip is {Bytes(zip.Length)}: over the limit of {Bytes(ModuleZipLimits.MaxZipFile)}");
            }

            zip.Position = 0;
            var uploading = steps.Step($"uploading {Bytes(zip.Length)}", zip.Length);
            var (answer, created) = await UploadAsync(http, url, zip, uploading, $"{module}@{version}", repository, cancellationToken);
            return (written, answer, created);
        });

        if (answer.ZipHash != written.ZipHash)
        {
            _output.Note($"warning: the server's hash of the zip ({answer.ZipHash}) is not the one computed here ({written.ZipHash})");
        }

        await ReportAsync(answer, created, repository, url, written);
        return ExitCodes.Done;
    }

    private static ModuleDirectory Read(string path)
    {
        try
        {
            return ModuleDirectory.Read(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandFailedException($"cannot read {path}: {e.Message}");
        }
    }

    private static async Task<string> DeclaredModuleAsync(ModuleDirectory directory, CancellationToken cancellationToken)
    {
        if (directory.GoMod is not { } goMod)
        {
            throw new UsageException($"{directory.Root} has no go.mod: give the module path with --module");
        }

        return GoModFile.ModulePath(await File.ReadAllBytesAsync(goMod.FullPath, cancellationToken))
            ?? throw new CommandFailedException($"{goMod.FullPath} has no module directive: add one (module example.com/m) or give --module");
    }

    private void NoteOmissions(ModuleDirectory directory)
    {
        if (directory.Omitted.Count == 0)
        {
            return;
        }

        _output.Note("left out of the zip, as the go command leaves them out:");
        foreach (var note in directory.Omitted.Take(MaxNotes))
        {
            _output.Note($"  {note}");
        }

        if (directory.Omitted.Count > MaxNotes)
        {
            _output.Note($"  … and {directory.Omitted.Count - MaxNotes} more");
        }
    }

    private async Task<(PublishedModuleAnswer Answer, bool Created)> UploadAsync(
        HttpClient http, Uri url, Stream zip, IProgress<long> progress, string moduleVersion, string repository, CancellationToken cancellationToken)
    {
        using var content = new StreamContent(new ProgressStream(zip, progress), 81920);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        content.Headers.ContentLength = zip.Length;
        // A refusal that needs no body (401, 403, a read-only repository) comes before the upload instead of after it.
        using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = content, Headers = { ExpectContinue = true } };
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new CommandFailedException($"could not upload to {server.BaseUri}: {e.Message}");
        }

        using (response)
        {
            if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.OK))
            {
                var reason = await ServerReason.ReadAsync(response, cancellationToken);
                var hint = response.StatusCode == HttpStatusCode.Unauthorized && server.Token is null
                    ? $"\n(no token was given: set {CommonOptions.TokenVariable} or pass --token)"
                    : "";
                throw new CommandFailedException($"{repository} refused {moduleVersion}: {reason}{hint}");
            }

            try
            {
                var answer = await response.Content.ReadFromJsonAsync<PublishedModuleAnswer>(AnswerJson, cancellationToken);
                if (answer?.ZipHash is null || answer.ModHash is null)
                {
                    throw new JsonException("no zipHash and modHash");
                }

                return (answer, response.StatusCode == HttpStatusCode.Created);
            }
            catch (JsonException e)
            {
                throw new CommandFailedException($"{url} answered {(int)response.StatusCode} but not with a published module ({e.Message}): is {server.BaseUri} an ArtifactHub server?");
            }
        }
    }

    private async Task ReportAsync(PublishedModuleAnswer answer, bool created, string repository, Uri url, WrittenModuleZip written)
    {
        if (json)
        {
            var document = new
            {
                answer.Module, answer.Version, answer.Time, answer.ZipHash, answer.ModHash, answer.Size,
                Repository = repository, Created = created, Url = url.ToString(), written.Files,
            };
            await console.Out.WriteLineAsync(JsonSerializer.Serialize(document, AnswerJson));
            return;
        }

        var what = $"{answer.Module}@{answer.Version}";
        await console.Out.WriteLineAsync(created
            ? $"published {what} to {repository}: {Bytes(answer.Size)}, {Count(written.Files.Count, "file")}, at {answer.Time}"
            : $"{what} was already in {repository} with these same bytes (published at {answer.Time}; versions never change): {Bytes(answer.Size)}");
        await console.Out.WriteLineAsync($"{answer.Module} {answer.Version} {answer.ZipHash}");
        await console.Out.WriteLineAsync($"{answer.Module} {answer.Version}/go.mod {answer.ModHash}");
    }

    private static string Count(int n, string what) => n == 1 ? $"1 {what}" : $"{n} {what}s";

    private static string Bytes(long n) => n switch
    {
        < 1024 => n == 1 ? "1 byte" : $"{n} bytes",
        < 1024 * 1024 => $"{n / 1024.0:0.#} KiB",
        _ => $"{n / (1024.0 * 1024):0.#} MiB",
    };
}
