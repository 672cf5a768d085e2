using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Win32.SafeHandles;

namespace ArtifactHub.Core.Blobs;

/// <summary>
/// Blobs on local disk under <c>{root}/{aa}/{bb}/{sha256}</c>. A staged file on the same volume is moved into
/// place, which is atomic: a reader sees a whole blob or none.
/// </summary>
public sealed class FileSystemBlobStore(string root) : IBlobStore
{
    /// <summary>A blob being deleted is first renamed to its name plus this and a random suffix.</summary>
    private const string DeletingSuffix = ".deleting-";

    public string Root { get; } = Path.GetFullPath(root);

    public Task<BlobPutStatus> PutAsync(StagedFile staged, CancellationToken cancellationToken)
    {
        var target = PathOf(staged.Sha256);
        if (Touch(target))
        {
            return Task.FromResult(BlobPutStatus.AlreadyExists);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        try
        {
            File.Move(staged.Path, target, overwrite: false);
        }
        catch (IOException) when (Touch(target))
        {
            // Another writer stored the same bytes first; the content is identical by its name.
            return Task.FromResult(BlobPutStatus.AlreadyExists);
        }

        return Task.FromResult(BlobPutStatus.Created);
    }

    public Task<BlobContent?> OpenReadAsync(string sha256, CancellationToken cancellationToken) =>
        Task.FromResult(Open(sha256, range: null));

    public Task<BlobContent?> OpenReadAsync(string sha256, BlobRange range, CancellationToken cancellationToken) =>
        Task.FromResult(Open(sha256, range));

    public Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken) => Task.FromResult(File.Exists(PathOf(sha256)));

    public async IAsyncEnumerable<StoredBlob> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Root))
        {
            yield break;
        }

        foreach (var file in new DirectoryInfo(Root).EnumerateFiles("*", SearchOption.AllDirectories))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var sha256 = BlobNames.Sha256Of(Path.GetRelativePath(Root, file.FullName).Replace(Path.DirectorySeparatorChar, '/'));
            if (sha256 is not null && file.Exists)
            {
                yield return Listed(sha256, file);
            }
            else if (file.Name.Contains(DeletingSuffix, StringComparison.Ordinal) && file.Exists)
            {
                // Left by a delete cut off between its rename and its check: put it back (it may be what a put counted
                // on); a later collection decides about it again.
                PutBack(file.FullName, file.FullName[..file.FullName.LastIndexOf(DeletingSuffix, StringComparison.Ordinal)]);
            }
        }

        await Task.CompletedTask;
    }

    /// <summary>
    /// Renames the blob aside first (atomic), then compares its time and size with the listing: a put that touched it
    /// before the rename shows in its time, and it is renamed back; a put after the rename finds no blob and stores its
    /// own copy. So no put that answered "already exists" ever loses its blob to a delete.
    /// </summary>
    public Task<bool> DeleteIfUnchangedAsync(StoredBlob blob, CancellationToken cancellationToken)
    {
        var path = PathOf(blob.Sha256);
        var aside = path + DeletingSuffix + Guid.NewGuid().ToString("N");
        try
        {
            File.Move(path, aside, overwrite: false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult(false);
        }

        return Task.FromResult(DeleteAside(aside, path, blob));
    }

    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Root);
        var probe = Path.Combine(Root, $".probe-{Guid.NewGuid():N}");
        await File.WriteAllBytesAsync(probe, [1], cancellationToken);
        File.Delete(probe);
    }

    /// <summary>The whole blob (<paramref name="range"/> null) or a range of it, over the file's handle; null when there is no such file.</summary>
    private BlobContent? Open(string sha256, BlobRange? range)
    {
        var path = PathOf(sha256);
        SafeFileHandle handle;
        try
        {
            // FileShare.Delete: garbage collection may delete the blob meanwhile; a reader keeps its bytes.
            handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete,
                range is null ? FileOptions.Asynchronous | FileOptions.SequentialScan : FileOptions.Asynchronous);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        try
        {
            var blobLength = RandomAccess.GetLength(handle);
            var (offset, length) = (range ?? new BlobRange(0, blobLength)).ClipTo(blobLength);
            return new BlobContent(new FileRangeStream(handle, offset, length), length, path) { Offset = offset, BlobLength = blobLength };
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    private static bool DeleteAside(string aside, string path, StoredBlob blob)
    {
        var file = new FileInfo(aside);
        if (!file.Exists)
        {
            return false;
        }

        if (Listed(blob.Sha256, file).Version == blob.Version)
        {
            file.Delete();
            return true;
        }

        PutBack(aside, path);
        return false;
    }

    private static void PutBack(string aside, string path)
    {
        try
        {
            File.Move(aside, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(aside); // a put stored the same bytes meanwhile
        }
    }

    /// <summary>Sets the file's time to now; false when there is no such file.</summary>
    private static bool Touch(string path)
    {
        try
        {
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
            return true;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
    }

    private static StoredBlob Listed(string sha256, FileInfo file) =>
        new(sha256, file.Length, file.LastWriteTimeUtc, $"{file.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture)}:{file.Length.ToString(CultureInfo.InvariantCulture)}");

    private string PathOf(string sha256) =>
        Path.Combine(Root, BlobNames.RelativePath(sha256).Replace('/', Path.DirectorySeparatorChar));
}
