using System.Globalization;

namespace SiteGen.Merging;

/// <summary>FNV-1a 64: the same value on every run and machine (string.GetHashCode is randomised per process).</summary>
public static class StableHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static ulong Fnv1a(ReadOnlySpan<char> text, ulong hash = Offset)
    {
        foreach (var c in text)
        {
            hash ^= (byte)c;
            hash *= Prime;
            if (c > 0xFF)
            {
                hash ^= (byte)(c >> 8);
                hash *= Prime;
            }
        }
        return hash;
    }

    /// <summary>Hash of several parts with a separator that cannot occur in normalised text.</summary>
    public static ulong Fnv1a(params ReadOnlySpan<string?> parts)
    {
        var hash = Offset;
        foreach (var part in parts) hash = AppendPart((part ?? "").AsSpan(), hash);
        return hash;
    }

    /// <summary>The starting value of a hash built part by part with <see cref="AppendPart"/>.</summary>
    public const ulong Start = Offset;

    /// <summary>One part of <see cref="Fnv1a(ReadOnlySpan{string})"/>, for parts held in buffers rather than strings.</summary>
    public static ulong AppendPart(ReadOnlySpan<char> part, ulong hash)
    {
        hash = Fnv1a(part, hash);
        hash ^= 0x1F;
        hash *= Prime;
        return hash;
    }

    /// <summary>
    /// <see cref="AppendPart(ReadOnlySpan{char}, ulong)"/> of normalised text (words separated by single spaces) that also
    /// gives each word's <see cref="Fnv1a(ReadOnlySpan{char}, ulong)"/> in <paramref name="words"/>, grown when too small.
    /// </summary>
    public static ulong AppendPart(ReadOnlySpan<char> text, ulong hash, ulong[] words, out int wordCount)
    {
        // Words are at most every other character.
        if (words.Length < text.Length / 2 + 1) throw new ArgumentException("Room for a word per two characters is needed.", nameof(words));
        wordCount = 0;
        var word = Offset;
        var inWord = false;
        foreach (var c in text)
        {
            hash ^= (byte)c;
            hash *= Prime;
            if (c == ' ')
            {
                if (inWord) words[wordCount++] = word;
                word = Offset;
                inWord = false;
                continue;
            }
            inWord = true;
            word ^= (byte)c;
            word *= Prime;
            if (c > 0xFF)
            {
                hash ^= (byte)(c >> 8);
                hash *= Prime;
                word ^= (byte)(c >> 8);
                word *= Prime;
            }
        }
        if (inWord) words[wordCount++] = word;
        hash ^= 0x1F;
        hash *= Prime;
        return hash;
    }

    /// <summary>A final avalanche so that nearby inputs give unrelated bits (used for MinHash and bucket keys).</summary>
    public static ulong Mix(ulong x)
    {
        x ^= x >> 33;
        x *= 0xff51afd7ed558ccdUL;
        x ^= x >> 33;
        x *= 0xc4ceb9fe1a85ec53UL;
        x ^= x >> 33;
        return x;
    }

    public static string Hex(ulong value) => value.ToString("x16", CultureInfo.InvariantCulture);
}
