using ArtifactHub.Core.Blobs;

namespace ArtifactHub.Core.Tests;

public sealed class BlobNamesTests
{
    [Fact]
    public void A_blob_lives_under_its_first_two_byte_pairs()
    {
        var sha = "ab" + "cd" + new string('0', 60);
        Assert.Equal($"ab/cd/{sha}", BlobNames.RelativePath(sha));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("../../../../../../../../../../../../../../../../../../../../etc/passwd/xxxxxxxxxx")]
    [InlineData("gggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggg")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void Anything_but_64_hex_digits_is_refused(string name) =>
        Assert.Throws<ArgumentException>(() => BlobNames.RelativePath(name));
}
