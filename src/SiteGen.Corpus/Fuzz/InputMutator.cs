using System.Text;

namespace SiteGen.Corpus.Fuzz;

/// <summary>The kinds of damage <see cref="InputMutator"/> does to a file; each mutated file gets one to three.</summary>
public enum Mutation
{
    Truncate, FlipBytes, DeepNesting, RandomUnicode, ControlCharacters, HostileText, DropLines, RepeatLines, LongLine, Reencode,
}

/// <summary>
/// Seeded damage to a session or listing file's bytes, as an unlucky instructor or a hostile scrape would do it: cut
/// short, bytes flipped, quotes/lists/YAML nested thousands deep, random Unicode (lone surrogates' bytes, marks,
/// emoji), control characters and bare CRs, markup and template syntax, lines dropped or repeated, one very long line,
/// another encoding. The same seed always gives the same bytes.
/// </summary>
public static class InputMutator
{
    /// <summary>Put into listings only: scraped text, so it must never reach a page or feed unescaped.</summary>
    public const string ListingMarker = "<sgfuzz-listing>";

    public static byte[] Mutate(byte[] original, bool isListing, CorpusRandom random, List<Mutation> applied)
    {
        var bytes = original;
        for (var count = random.Next(1, 4); count > 0; count--)
        {
            var mutation = (Mutation)random.Next(Enum.GetValues<Mutation>().Length);
            applied.Add(mutation);
            bytes = Apply(mutation, bytes, isListing, random);
        }
        return bytes;
    }

    private static byte[] Apply(Mutation mutation, byte[] bytes, bool isListing, CorpusRandom random) => mutation switch
    {
        Mutation.Truncate => bytes[..random.Next(bytes.Length + 1)],
        Mutation.FlipBytes => FlipBytes(bytes, random),
        Mutation.DeepNesting => InsertAtLine(bytes, random, Utf8(DeepText(random))),
        Mutation.RandomUnicode => InsertAnywhere(bytes, random, RandomUnicode(random)),
        Mutation.ControlCharacters => InsertAnywhere(bytes, random, ControlCharacters(random)),
        Mutation.HostileText => InsertAtLine(bytes, random, Utf8(random.Pick(Hostile) + (isListing ? " " + ListingMarker : "") + "\n")),
        Mutation.DropLines => EditLines(bytes, random, repeat: false),
        Mutation.RepeatLines => EditLines(bytes, random, repeat: true),
        Mutation.LongLine => InsertAtLine(bytes, random, Utf8(new string(random.Pick(LongLineChars), random.Next(2_000, 50_000)) + "\n")),
        _ => Reencode(bytes, random),
    };

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] FlipBytes(byte[] bytes, CorpusRandom random)
    {
        if (bytes.Length == 0) return bytes;
        var copy = (byte[])bytes.Clone();
        for (var n = random.Next(1, 21); n > 0; n--)
            copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
        return copy;
    }

    private static readonly string[] Nesting = [">", "- ", "  - a\n", "[", "{a: ", "* ", "1. ", "<div>", "[x](", "**", "`", "    "];

    /// <summary>One kind of nesting repeated 100 to 2,000 times, or 10,000 to 60,000 (one in eight): past every parser's depth limit, in body or front matter.</summary>
    private static string DeepText(CorpusRandom random)
    {
        var unit = random.Pick(Nesting);
        var levels = random.Next(8) == 0 ? random.Next(10_000, 60_000) : random.Next(100, 2_000);
        var sb = new StringBuilder(unit.Length * levels + 8);
        for (var i = 0; i < levels; i++) sb.Append(unit);
        return sb.Append("x\n").ToString();
    }

    private static readonly string[] Hostile =
    [
        "<script>alert(1)</script>", "<!-- never closed", "-->", "]]>", "<![CDATA[", "&#0; &#xD800; &bogus;", "{{ site.baseurl }}/../../etc/passwd",
        "{% include ../../etc/passwd %}", "{{ 7 * 7 }}", "{{ for x in (1..100000000) }}x{{ end }}", "---", "...", "lecture: ../../../etc/hostname",
        "title: [unclosed", "title: &a [*a, *a]", "tags: {a: b}", "LOrder: 99999999999999999999", "date: 2026-02-30", "date: 99999-01-01",
        "+ https://arxiv.org/abs/9999.99999v999", "arXiv:0000.00000", "arXiv:2406.05804v99999999999", "#### ", "## Required Readings:",
        "+ [x](javascript:alert(1))", "<a href=\"javascript:alert(1)\">x</a>", "<img src=x onerror=alert(1)>", "\"'><svg/onload=alert(1)>",
        "+ Submitted on 31 Feb 2025", "+ 99999999999999 additional authors not shown", "https://huggingface.co/papers/9999.99999",
    ];

    private static readonly char[] LongLineChars = ['a', ' ', '-', '[', '*', '>', '\u00e9', '\u4e00'];

    private static byte[] RandomUnicode(CorpusRandom random)
    {
        var sb = new StringBuilder();
        var bytes = new List<byte>();
        for (var n = random.Next(1, 40); n > 0; n--)
        {
            switch (random.Next(6))
            {
                case 0: bytes.AddRange(Utf8(char.ConvertFromUtf32(random.Next(0x1F300, 0x1FAFF)))); break; // emoji
                case 1: bytes.AddRange(Utf8(((char)random.Next(0x0300, 0x036F)).ToString())); break;   // combining marks
                case 2: bytes.AddRange(Utf8(random.Pick(Invisible))); break;                               // bidi, zero-width, BOM
                case 3: bytes.AddRange([0xED, (byte)(0xA0 + random.Next(0x20)), (byte)(0x80 + random.Next(0x40))]); break; // a lone surrogate's bytes
                case 4: bytes.Add((byte)random.Next(0x80, 0x100)); break;                                 // a stray continuation or lead byte
                default: bytes.AddRange(Utf8(char.ConvertFromUtf32(random.Next(0x20, 0x2FFFF) is var c && c is >= 0xD800 and <= 0xDFFF ? 0xFFFD : c))); break;
            }
        }
        return [.. bytes];
    }

    private static readonly string[] Invisible = ["\u200B", "\u200D", "\u202E", "\u2066", "\uFEFF", "\u2028", "\u2029", "\uFFFE", "\uFFFF", "\u00AD"];

    private static byte[] ControlCharacters(CorpusRandom random)
    {
        var bytes = new byte[random.Next(1, 12)];
        for (var i = 0; i < bytes.Length; i++)
            bytes[i] = random.Next(5) == 0 ? (byte)'\r' : (byte)random.Next(0x20);
        return bytes;
    }

    private static byte[] InsertAnywhere(byte[] bytes, CorpusRandom random, byte[] inserted)
    {
        var at = random.Next(bytes.Length + 1);
        return [.. bytes.AsSpan(0, at), .. inserted, .. bytes.AsSpan(at)];
    }

    /// <summary>Inserts at the start of a line, so nesting and front-matter keys land where they mean something.</summary>
    private static byte[] InsertAtLine(byte[] bytes, CorpusRandom random, byte[] inserted)
    {
        var at = random.Next(bytes.Length + 1);
        while (at > 0 && bytes[at - 1] != (byte)'\n') at--;
        return [.. bytes.AsSpan(0, at), .. inserted, .. bytes.AsSpan(at)];
    }

    private static byte[] EditLines(byte[] bytes, CorpusRandom random, bool repeat)
    {
        var lines = Split(bytes);
        if (lines.Count == 0) return bytes;
        var start = random.Next(lines.Count);
        var length = Math.Min(lines.Count - start, random.Next(1, 20));
        if (repeat)
        {
            var block = lines.GetRange(start, length);
            for (var n = random.Next(1, 20); n > 0; n--) lines.InsertRange(start, block);
        }
        else lines.RemoveRange(start, length);
        return [.. lines.SelectMany(l => l)];
    }

    /// <summary>Lines with their '\n' kept, so joining them gives the bytes back.</summary>
    private static List<byte[]> Split(byte[] bytes)
    {
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i < bytes.Length; i++)
            if (bytes[i] == (byte)'\n')
            {
                lines.Add(bytes[start..(i + 1)]);
                start = i + 1;
            }
        if (start < bytes.Length) lines.Add(bytes[start..]);
        return lines;
    }

    /// <summary>The text in UTF-16 or UTF-32 with or without its mark, a doubled UTF-8 mark, or CRLF line ends.</summary>
    private static byte[] Reencode(byte[] bytes, CorpusRandom random)
    {
        var text = Encoding.UTF8.GetString(bytes);
        return random.Next(6) switch
        {
            0 => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            1 => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
            2 => [.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes(text)],
            3 => Encoding.Unicode.GetBytes(text),
            4 => [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, .. bytes],
            _ => Utf8(text.Replace("\n", random.Next(2) == 0 ? "\r\n" : "\r", StringComparison.Ordinal)),
        };
    }
}
