using System.Text;

namespace SiteGen.Text;

/// <summary>
/// The UTF-16 and UTF-32 byte-order marks: a file saved so by an editor on Windows is text, read in the encoding its mark
/// names (sessions and listings alike). UTF-8's mark is each reader's to drop.
/// </summary>
public static class ByteOrderMark
{
    private static readonly Encoding Utf32BigEndian = new UTF32Encoding(bigEndian: true, byteOrderMark: true);

    /// <summary>The encoding a UTF-16 or UTF-32 mark at the start names, and the mark's length; null when there is none.</summary>
    public static (Encoding Encoding, int Length)? Wide(ReadOnlySpan<byte> bytes) =>
        // UTF-32 LE's mark starts with UTF-16 LE's: asked first.
        bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]) ? (Encoding.UTF32, 4)
        : bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]) ? (Utf32BigEndian, 4)
        : bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) ? (Encoding.Unicode, 2)
        : bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ? (Encoding.BigEndianUnicode, 2)
        : null;

    /// <summary>UTF-8 bytes of a file in the wide encoding its mark names (bad units as U+FFFD); null when it has no such mark.</summary>
    public static byte[]? ToUtf8(ReadOnlySpan<byte> bytes) =>
        Wide(bytes) is var (encoding, length) ? Encoding.UTF8.GetBytes(encoding.GetString(bytes[length..])) : null;
}
