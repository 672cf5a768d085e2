using System.Runtime.InteropServices;

namespace ArtifactHub.Formats.Go;

/// <summary>What a directory entry is, as <c>lstat</c> sees it: a symbolic link is itself, never its target.</summary>
internal enum FileKind
{
    Missing,
    Directory,
    Regular,
    SymbolicLink,

    /// <summary>A FIFO, a socket or a device.</summary>
    Other,
}

/// <summary>
/// <c>lstat</c>'s file type. .NET tells directories and symbolic links apart but shows a FIFO, a socket or a device as
/// a plain file; golang.org/x/mod/zip leaves those out (and opening a FIFO would block), so on Linux the kernel is
/// asked (<c>statx</c>, whose layout is the same on every architecture). Elsewhere only .NET's view is had.
/// </summary>
internal static class UnixFileKind
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const int StatxModeOffset = 28;
    private const int FileTypeMask = 0xF000;

    private static bool _statxMissing;

    public static FileKind Of(string path)
    {
        if (OperatingSystem.IsLinux() && !_statxMissing)
        {
            var buffer = new byte[256];
            try
            {
                if (Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxType, buffer) != 0)
                {
                    return FileKind.Missing;
                }

                if ((BitConverter.ToUInt32(buffer, 0) & StatxType) != 0)
                {
                    return (BitConverter.ToUInt16(buffer, StatxModeOffset) & FileTypeMask) switch
                    {
                        0x4000 => FileKind.Directory,
                        0x8000 => FileKind.Regular,
                        0xA000 => FileKind.SymbolicLink,
                        _ => FileKind.Other,
                    };
                }
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                _statxMissing = true; // a C library without statx (an old musl): .NET's view below
            }
        }

        var info = new FileInfo(path);
        if (info.LinkTarget is not null) return FileKind.SymbolicLink;
        if (Directory.Exists(path)) return FileKind.Directory;
        return info.Exists ? FileKind.Regular : FileKind.Missing;
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int dirFd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);
}
