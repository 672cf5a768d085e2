using ArtifactHub.Core.Blobs;

namespace ArtifactHub.Core.Tests;

public sealed class BlobRangeTests
{
    [Theory]
    [InlineData(0, 10, 100, 0, 10)]
    [InlineData(95, 10, 100, 95, 5)]
    [InlineData(100, 10, 100, 100, 0)]
    [InlineData(150, 10, 100, 100, 0)]
    [InlineData(5, 0, 100, 5, 0)]
    [InlineData(long.MaxValue - 1, long.MaxValue - 1, 100, 100, 0)]
    public void A_range_is_clipped_to_the_blob(long offset, long length, long blobLength, long clippedOffset, long clippedLength)
    {
        Assert.Equal((clippedOffset, clippedLength), new BlobRange(offset, length).ClipTo(blobLength));
    }

    [Fact]
    public void From_an_offset_reaches_the_end_of_any_blob()
    {
        Assert.Equal((40L, 60L), BlobRange.From(40).ClipTo(100));
        Assert.Equal((0L, long.MaxValue), BlobRange.From(0).ClipTo(long.MaxValue));
    }

    [Fact]
    public void A_negative_offset_or_length_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BlobRange(-1, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BlobRange(0, -1));
    }
}
