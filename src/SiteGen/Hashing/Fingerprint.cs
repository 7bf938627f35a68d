using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace SiteGen.Hashing;

/// <summary>
/// Stable content hashes (XXH128, hex): the same bytes give the same hash in every run and on every machine. They
/// only tell a changed file or page from an unchanged one, so a fast non-cryptographic hash does: SHA-256 was a visible
/// share of a large build's CPU, which hashes everything it writes.
/// </summary>
public static class Fingerprint
{
    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(XxHash128.Hash(bytes));

    public static string Of(string text) => Of(Encoding.UTF8.GetBytes(text));

    /// <summary>Hash of several parts; each is length-prefixed so ("ab","c") and ("a","bc") differ.</summary>
    public static string Of(params string[] parts)
    {
        // The parts' bytes go into one pooled buffer, hashed at once: a hash object per call costs more than the
        // hashing for the short parts of a page key (one per page). The bytes hashed are those of the parts in turn.
        var size = 0;
        foreach (var part in parts) size += 4 + Encoding.UTF8.GetMaxByteCount(part.Length);
        var buffer = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            var length = 0;
            foreach (var part in parts)
            {
                var written = Encoding.UTF8.GetBytes(part, buffer.AsSpan(length + 4));
                BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(length), written);
                length += 4 + written;
            }
            return Of(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
