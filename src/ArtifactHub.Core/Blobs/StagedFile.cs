using System.Security.Cryptography;

namespace ArtifactHub.Core.Blobs;

/// <summary>
/// Bytes written to a temporary file while their SHA-256 and size are computed, so that a large upload is
/// never held in memory and can be validated before it goes into the store. Disposing deletes the file
/// unless the store took it.
/// </summary>
public sealed class StagedFile : IAsyncDisposable
{
    private StagedFile(string path, string sha256, long size)
    {
        Path = path;
        Sha256 = sha256;
        Size = size;
    }

    public string Path { get; }

    /// <summary>Lower-case hex.</summary>
    public string Sha256 { get; }

    public long Size { get; }

    /// <summary>Copies <paramref name="source"/> into a new file under <paramref name="stagingDir"/>.</summary>
    /// <exception cref="ContentTooLargeException">More than <paramref name="maxBytes"/> bytes arrived; nothing is left behind.</exception>
    public static async Task<StagedFile> WriteAsync(Stream source, string stagingDir, long maxBytes, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(stagingDir);
        var path = System.IO.Path.Combine(stagingDir, $"{Guid.NewGuid():N}.tmp");
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long size = 0;
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    size += read;
                    if (size > maxBytes)
                    {
                        throw new ContentTooLargeException(maxBytes);
                    }

                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }

            return new StagedFile(path, Convert.ToHexStringLower(hash.GetHashAndReset()), size);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    /// <summary>
    /// Stages an upload of at most <paramref name="maxBytes"/>: null (answer 413) when its declared length or the bytes
    /// that arrive go over, in which case nothing is left behind.
    /// </summary>
    public static async Task<StagedFile?> TryWriteAsync(Stream body, long? declaredLength, string stagingDir, long maxBytes, CancellationToken cancellationToken)
    {
        if (declaredLength > maxBytes)
        {
            return null;
        }

        try
        {
            return await WriteAsync(body, stagingDir, maxBytes, cancellationToken);
        }
        catch (ContentTooLargeException)
        {
            return null;
        }
    }

    /// <summary>Stages bytes already in memory (small metadata such as a .info or go.mod).</summary>
    public static Task<StagedFile> WriteAsync(ReadOnlyMemory<byte> bytes, string stagingDir, CancellationToken cancellationToken) =>
        WriteAsync(new MemoryStream(bytes.ToArray(), writable: false), stagingDir, long.MaxValue, cancellationToken);

    public ValueTask DisposeAsync()
    {
        File.Delete(Path);
        return ValueTask.CompletedTask;
    }
}

public sealed class ContentTooLargeException(long maxBytes)
    : Exception($"content is larger than the limit of {maxBytes} bytes")
{
    public long MaxBytes { get; } = maxBytes;
}
