using System.Security.Cryptography;
using System.Text;

namespace SiteGen.Incremental;

/// <summary>Stable content hashes (SHA-256, hex): the same bytes give the same hash in every run and on every machine.</summary>
public static class Fingerprint
{
    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static string Of(string text) => Of(Encoding.UTF8.GetBytes(text));

    /// <summary>Hash of several parts; each is length-prefixed so ("ab","c") and ("a","bc") differ.</summary>
    public static string Of(params string[] parts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> length = stackalloc byte[4];
        foreach (var part in parts)
        {
            var bytes = Encoding.UTF8.GetBytes(part);
            BitConverter.TryWriteBytes(length, bytes.Length);
            hash.AppendData(length);
            hash.AppendData(bytes);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Every template file (.hbs) of the folders in order, by name and content: a change to any template re-renders every page.</summary>
    public static string OfTemplates(IReadOnlyList<string> folders)
    {
        var parts = new List<string>();
        foreach (var folder in folders)
        {
            parts.Add(Path.GetFullPath(folder));
            if (!Directory.Exists(folder)) continue;
            foreach (var file in Directory.GetFiles(folder, "*.hbs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                parts.Add(Path.GetRelativePath(folder, file).Replace('\\', '/'));
                parts.Add(File.ReadAllText(file));
            }
        }
        return Of([.. parts]);
    }
}
