namespace ArtifactHub.Core.Blobs;

/// <summary>
/// Blobs on local disk under <c>{root}/{aa}/{bb}/{sha256}</c>. A staged file on the same volume is moved into
/// place, which is atomic: a reader sees a whole blob or none.
/// </summary>
public sealed class FileSystemBlobStore(string root) : IBlobStore
{
    public string Root { get; } = Path.GetFullPath(root);

    public Task<BlobPutStatus> PutAsync(StagedFile staged, CancellationToken cancellationToken)
    {
        var target = PathOf(staged.Sha256);
        if (File.Exists(target))
        {
            return Task.FromResult(BlobPutStatus.AlreadyExists);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        try
        {
            File.Move(staged.Path, target, overwrite: false);
        }
        catch (IOException) when (File.Exists(target))
        {
            // Another writer stored the same bytes first; the content is identical by its name.
            return Task.FromResult(BlobPutStatus.AlreadyExists);
        }

        return Task.FromResult(BlobPutStatus.Created);
    }

    public Task<BlobContent?> OpenReadAsync(string sha256, CancellationToken cancellationToken)
    {
        var path = PathOf(sha256);
        try
        {
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
            return Task.FromResult<BlobContent?>(new BlobContent(stream, stream.Length, path));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<BlobContent?>(null);
        }
    }

    public Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken) => Task.FromResult(File.Exists(PathOf(sha256)));

    public Task DeleteAsync(string sha256, CancellationToken cancellationToken)
    {
        try
        {
            File.Delete(PathOf(sha256));
        }
        catch (DirectoryNotFoundException)
        {
            // Never stored: nothing to delete.
        }

        return Task.CompletedTask;
    }

    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Root);
        var probe = Path.Combine(Root, $".probe-{Guid.NewGuid():N}");
        await File.WriteAllBytesAsync(probe, [1], cancellationToken);
        File.Delete(probe);
    }

    private string PathOf(string sha256) =>
        Path.Combine(Root, BlobNames.RelativePath(sha256).Replace('/', Path.DirectorySeparatorChar));
}
