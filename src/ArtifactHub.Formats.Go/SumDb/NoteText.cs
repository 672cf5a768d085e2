using System.Text;

namespace ArtifactHub.Formats.Go.SumDb;

/// <summary>The text rule notes and records share: valid UTF-8 with no ASCII control character but the newline.</summary>
internal static class NoteText
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Null when <paramref name="bytes"/> is such text, else why not.</summary>
    public static string? Check(ReadOnlySpan<byte> bytes)
    {
        var control = bytes.IndexOfAnyInRange((byte)0, (byte)0x1f);
        while (control >= 0 && bytes[control] == (byte)'\n')
        {
            var next = bytes[(control + 1)..].IndexOfAnyInRange((byte)0, (byte)0x1f);
            control = next < 0 ? -1 : control + 1 + next;
        }

        if (control >= 0)
        {
            return $"control character 0x{bytes[control]:x2} at byte {control}";
        }

        try
        {
            Strict.GetCharCount(bytes);
        }
        catch (DecoderFallbackException)
        {
            return "not valid UTF-8";
        }

        return null;
    }
}
