namespace ArtifactHub.Formats.Go;

/// <summary>
/// CRC-32 (IEEE) as zip records it. .NET's ZipArchive does not check it on read, but Go's archive/zip does,
/// so a zip with a bad checksum must be refused here rather than served to a go command that cannot open it.
/// (System.IO.Hashing, which has this, does not restore here.)
/// </summary>
internal sealed class ZipCrc32
{
    private static readonly uint[] Table = BuildTable();

    private uint crc = 0xFFFFFFFFu;

    public uint Value => crc ^ 0xFFFFFFFFu;

    public void Append(ReadOnlySpan<byte> data)
    {
        var c = crc;
        foreach (var b in data)
        {
            c = Table[(c ^ b) & 0xFF] ^ (c >> 8);
        }

        crc = c;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
