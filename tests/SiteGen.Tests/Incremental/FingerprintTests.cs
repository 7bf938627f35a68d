using System.IO.Hashing;
using System.Text;
using SiteGen.Hashing;

namespace SiteGen.Tests.Incremental;

/// <summary>Page keys and manifests hash several parts at once; a key must not change when the way it is computed does.</summary>
public class FingerprintTests
{
    /// <summary>XXH128 over each part's UTF-8 length (4 bytes, little-endian) and bytes, fed to the hash part by part.</summary>
    private static string Reference(string[] parts)
    {
        var hash = new XxHash128();
        foreach (var part in parts)
        {
            var bytes = Encoding.UTF8.GetBytes(part);
            hash.Append(BitConverter.GetBytes(bytes.Length));
            hash.Append(bytes);
        }
        return Convert.ToHexStringLower(hash.GetCurrentHash());
    }

    public static TheoryData<string[]> Parts() =>
    [
        [],
        [""],
        ["", ""],
        ["templates", "{\"Title\":\"Course\"}", "sessions/W01/index.html", "session", "Übung: Attention", "/course/sessions/W01/", new string('x', 100_000)],
        ["emoji 😀 and CJK 注意", "\uD800 lone surrogate", "a\0b"],
    ];

    [Theory]
    [MemberData(nameof(Parts))]
    public void Parts_hash_to_the_length_prefixed_reference(string[] parts) =>
        Assert.Equal(Reference(parts), Fingerprint.Of(parts));

    [Fact]
    public void Moving_text_between_parts_changes_the_hash() =>
        Assert.NotEqual(Fingerprint.Of("ab", "c"), Fingerprint.Of("a", "bc"));
}
