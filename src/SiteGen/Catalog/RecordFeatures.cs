using SiteGen.Model;

namespace SiteGen.Catalog;

/// <summary>What the resolver compares, computed once per record: compact hashes, no per-token strings.</summary>
internal sealed class RecordFeatures
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "of", "on", "in", "for", "and", "to", "with", "via", "from", "by", "at", "is", "are", "as", "its", "into", "or",
    };

    /// <summary>Record key: a hash of the record's file name and its own content (no line numbers), so it survives edits elsewhere in the file.</summary>
    public required string Key { get; init; }
    public ArxivRef? Arxiv { get; init; }
    public string Squashed { get; init; } = "";
    /// <summary>Non-stop-word title tokens in order.</summary>
    public uint[] TitleSeq { get; init; } = [];
    /// <summary>Distinct sorted <see cref="TitleSeq"/>.</summary>
    public uint[] TitleSet { get; init; } = [];
    /// <summary>Distinct sorted word 3-shingles of the abstract.</summary>
    public uint[] Shingles { get; init; } = [];
    /// <summary>The first shingles in text order, to tell a cut copy (aligned) from a glued tail (shifted).</summary>
    public uint[] Head { get; init; } = [];
    /// <summary>Hash of the first 10 abstract tokens (0 when shorter).</summary>
    public ulong HeadKey { get; init; }
    public uint[] Surnames { get; init; } = [];
    public uint FirstSurname { get; init; }
    public int? AuthorCount { get; init; }
    public int? Year { get; init; }
    /// <summary>Abstract ends like a sentence and the source did not flag it as cut.</summary>
    public bool AbstractComplete { get; init; }
    public int AbstractTokens { get; init; }

    /// <summary>Shingles kept in text order for the start-alignment check.</summary>
    internal const int HeadLength = 24;

    public static RecordFeatures From(PaperRecord r)
    {
        var title = TextNormalizer.Normalize(r.Title);
        var abs = TextNormalizer.Normalize(r.Abstract);
        var arxiv = FindId(r);
        var key = StableHash.Hex(StableHash.Fnv1a(r.Source.File, r.Source.KindName, r.Session, arxiv?.BaseId, title, abs));

        var titleSeq = new List<uint>();
        foreach (var token in title.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            if (!StopWords.Contains(token)) titleSeq.Add((uint)StableHash.Fnv1a(token.AsSpan()));

        var (shingles, head, headKey, tokenCount) = Shingle(abs);
        var surnames = new List<uint>();
        uint first = 0;
        foreach (var author in r.Authors)
        {
            var s = Surname(author);
            if (s is null) continue;
            var h = (uint)StableHash.Fnv1a(s.AsSpan());
            if (surnames.Count == 0) first = h;
            surnames.Add(h);
        }
        var count = r.AuthorCount ?? (r.Authors.Count > 0 ? r.Authors.Count : null);
        var date = r.Submitted ?? r.Published ?? r.Revised;
        return new RecordFeatures
        {
            Key = key,
            Arxiv = arxiv,
            Squashed = TextNormalizer.Squash(title),
            TitleSeq = [.. titleSeq],
            TitleSet = SortedDistinct(titleSeq),
            Shingles = shingles,
            Head = head,
            HeadKey = headKey,
            Surnames = SortedDistinct(surnames),
            FirstSurname = first,
            AuthorCount = count,
            Year = date?.Year,
            AbstractComplete = !r.AbstractTruncated && LooksComplete(r.Abstract),
            AbstractTokens = tokenCount,
        };
    }

    /// <summary>The id field first, then URL, DOI, comments and title (a heading can hold the link). Abstracts are not searched: they cite other papers.</summary>
    internal static ArxivRef? FindId(PaperRecord r)
    {
        var id = ArxivIds.ParseBare(r.ArxivId) ?? ArxivIds.Find(r.Url) ?? ArxivIds.Find(r.Doi) ?? ArxivIds.FindInText(r.Comments) ?? ArxivIds.FindInText(r.Title);
        if (id is { } found && found.Version is null && r.ArxivVersion is { } v) return found with { Version = v };
        return id;
    }

    /// <summary>Ends with sentence punctuation and not with an ellipsis.</summary>
    internal static bool LooksComplete(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = text.TrimEnd();
        if (t.EndsWith("...", StringComparison.Ordinal) || t.EndsWith('…')) return false;
        t = t.TrimEnd(')', '"', '\'', ']', '”', '’');
        return t.EndsWith('.') || t.EndsWith('!') || t.EndsWith('?');
    }

    private static string? Surname(string author)
    {
        var norm = TextNormalizer.Normalize(author);
        var parts = norm.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            var p = parts[i].TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
            if (p.Length > 0 && !char.IsAsciiDigit(p[0])) return p;
        }
        return null;
    }

    private static (uint[] Shingles, uint[] Head, ulong HeadKey, int Tokens) Shingle(string normalized)
    {
        if (normalized.Length == 0) return ([], [], 0, 0);
        var tokens = new List<ulong>(normalized.Length / 6 + 1);
        var span = normalized.AsSpan();
        ulong headKey = 0;
        while (span.Length > 0)
        {
            var space = span.IndexOf(' ');
            var token = space < 0 ? span : span[..space];
            tokens.Add(StableHash.Fnv1a(token));
            span = space < 0 ? [] : span[(space + 1)..];
        }
        if (tokens.Count >= 10)
        {
            headKey = 0x51ED270B27A7E3C5UL;
            for (var i = 0; i < 10; i++) headKey = StableHash.Mix(headKey ^ tokens[i]);
        }
        if (tokens.Count < 3) return ([], [], headKey, tokens.Count);
        var shingles = new uint[tokens.Count - 2];
        for (var i = 0; i < shingles.Length; i++)
            shingles[i] = (uint)StableHash.Mix(tokens[i] ^ ulong.RotateLeft(tokens[i + 1], 21) ^ ulong.RotateLeft(tokens[i + 2], 42));
        var head = shingles.AsSpan(0, Math.Min(HeadLength, shingles.Length)).ToArray();
        Array.Sort(shingles);
        var n = Dedup(shingles);
        return (n == shingles.Length ? shingles : shingles[..n], head, headKey, tokens.Count);
    }

    private static uint[] SortedDistinct(List<uint> values)
    {
        var a = values.ToArray();
        Array.Sort(a);
        var n = Dedup(a);
        return n == a.Length ? a : a[..n];
    }

    private static int Dedup(uint[] sorted)
    {
        if (sorted.Length == 0) return 0;
        var w = 1;
        for (var i = 1; i < sorted.Length; i++)
            if (sorted[i] != sorted[w - 1]) sorted[w++] = sorted[i];
        return w;
    }

    /// <summary>|a ∩ b| of two sorted distinct arrays.</summary>
    internal static int Intersect(uint[] a, uint[] b)
    {
        int i = 0, j = 0, n = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { n++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return n;
    }
}
