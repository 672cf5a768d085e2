using System.IO.Compression;
using System.Net;

namespace ArtifactHub.Cluster.Tests;

/// <summary>A valid Go module zip of about <c>sizeMiB</c> MiB in a temp file: go.mod plus stored (uncompressed) files of random bytes.</summary>
public sealed class LargeModuleZip : IDisposable
{
    private const int FileMiB = 10;
    private readonly TempDir _dir = new("bigzip");

    public LargeModuleZip(string module, string version, int sizeMiB)
    {
        Path = System.IO.Path.Combine(_dir.Path, "module.zip");
        var prefix = $"{module}@{version}/";
        var random = new Random(42);
        var buffer = new byte[FileMiB << 20];
        using var zip = new ZipArchive(File.Create(Path), ZipArchiveMode.Create);
        using (var writer = new StreamWriter(zip.CreateEntry(prefix + "go.mod").Open()))
        {
            writer.Write($"module {module}\n");
        }

        for (var i = 0; i * FileMiB < sizeMiB; i++)
        {
            random.NextBytes(buffer);
            using var entry = zip.CreateEntry($"{prefix}data/part{i:D3}.bin", CompressionLevel.NoCompression).Open();
            entry.Write(buffer);
        }
    }

    public string Path { get; }

    public long Length => new FileInfo(Path).Length;

    public void Dispose() => _dir.Dispose();
}

/// <summary>
/// A file sent as a request body (with its Content-Length) that stops after <paramref name="pauseAfter"/> bytes, tells
/// <see cref="Paused"/>, and goes on only when <paramref name="resume"/> completes: the moment to break the connection.
/// </summary>
public sealed class PausingFileContent(string path, long pauseAfter, Task resume) : HttpContent
{
    private const int ChunkSize = 1 << 20;
    private readonly TaskCompletionSource _paused = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when <paramref name="pauseAfter"/> bytes have been handed to the connection.</summary>
    public Task Paused => _paused.Task;

    public long BytesSent { get; private set; }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        var buffer = new byte[ChunkSize];
        int read;
        while ((read = await file.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            await stream.FlushAsync(cancellationToken);
            BytesSent += read;
            if (BytesSent >= pauseAfter && !_paused.Task.IsCompleted)
            {
                _paused.SetResult();
                await resume.WaitAsync(cancellationToken);
            }
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = new FileInfo(path).Length;
        return true;
    }
}
