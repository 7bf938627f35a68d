using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace SiteGen.Incremental;

/// <summary>
/// Stable content hashes (XXH128, hex): the same bytes give the same hash in every run and on every machine. They
/// only tell a changed file or page from an unchanged one, so a fast non-cryptographic hash does: SHA-256 took 5% of a
/// 3,000-session build's CPU hashing the 150 MB it writes.
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

    /// <summary>Every template file of the folders in order (all but assets/), by name and content: the key of a parsed template set.</summary>
    public static string OfTemplates(IReadOnlyList<string> folders)
    {
        var parts = new List<string>();
        foreach (var folder in folders)
        {
            parts.Add(Path.GetFullPath(folder));
            if (!Directory.Exists(folder)) continue;
            foreach (var file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(folder, file).Replace('\\', '/');
                if (relative.StartsWith("assets/", StringComparison.Ordinal)) continue;
                parts.Add(relative);
                parts.Add(File.ReadAllText(file));
            }
        }
        return Of([.. parts]);
    }
}
