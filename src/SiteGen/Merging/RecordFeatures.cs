using SiteGen.Model;
using SiteGen.Text;

namespace SiteGen.Merging;

/// <summary>What the resolver compares, computed once per record: compact hashes, no per-token strings.</summary>
internal sealed class RecordFeatures
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "of", "on", "in", "for", "and", "to", "with", "via", "from", "by", "at", "is", "are", "as", "its", "into", "or",
    };

    /// <summary>Record key: a hash of the record's file name and its own content (no line numbers), so it survives edits elsewhere in the file.</summary>
    public required string Key { get; init; }
    public ArxivIdentifier? Arxiv { get; init; }
    public string Squashed { get; init; } = "";
    // The five hash lists of a record live in one array, one after another: at a million records, four arrays fewer per
    // record is memory and objects the collector does not have to walk.
    private readonly uint[] _data = [];
    private readonly int _titleSeq, _titleSet, _shingles, _head;

    /// <summary>Non-stop-word title tokens in order.</summary>
    public ReadOnlySpan<uint> TitleSeq => _data.AsSpan(0, _titleSeq);
    /// <summary>Distinct sorted <see cref="TitleSeq"/>.</summary>
    public ReadOnlySpan<uint> TitleSet => _data.AsSpan(_titleSeq, _titleSet);
    /// <summary>Distinct sorted word 3-shingles of the abstract.</summary>
    public ReadOnlySpan<uint> Shingles => _data.AsSpan(_titleSeq + _titleSet, _shingles);
    /// <summary>The first shingles in text order, to tell a cut copy (aligned) from a glued tail (shifted).</summary>
    public ReadOnlySpan<uint> Head => _data.AsSpan(_titleSeq + _titleSet + _shingles, _head);
    /// <summary>Distinct sorted author surname hashes.</summary>
    public ReadOnlySpan<uint> Surnames => _data.AsSpan(_titleSeq + _titleSet + _shingles + _head);

    public RecordFeatures()
    {
    }

    private RecordFeatures(ReadOnlySpan<uint> titleSeq, ReadOnlySpan<uint> titleSet, ReadOnlySpan<uint> shingles, ReadOnlySpan<uint> head, ReadOnlySpan<uint> surnames)
    {
        _data = new uint[titleSeq.Length + titleSet.Length + shingles.Length + head.Length + surnames.Length];
        var at = _data.AsSpan();
        titleSeq.CopyTo(at);
        titleSet.CopyTo(at[titleSeq.Length..]);
        shingles.CopyTo(at[(titleSeq.Length + titleSet.Length)..]);
        head.CopyTo(at[(titleSeq.Length + titleSet.Length + shingles.Length)..]);
        surnames.CopyTo(at[(titleSeq.Length + titleSet.Length + shingles.Length + head.Length)..]);
        (_titleSeq, _titleSet, _shingles, _head) = (titleSeq.Length, titleSet.Length, shingles.Length, head.Length);
    }

    /// <summary>Hash of the first 10 abstract tokens (0 when shorter).</summary>
    public ulong HeadKey { get; init; }
    public uint FirstSurname { get; init; }
    public int? AuthorCount { get; init; }
    public int? Year { get; init; }
    /// <summary>Abstract ends like a sentence and the source did not flag it as cut.</summary>
    public bool AbstractComplete { get; init; }
    public int AbstractTokens { get; init; }

    /// <summary>Shingles kept in text order for the start-alignment check.</summary>
    internal const int HeadLength = 24;

    /// <summary>Per-thread buffers: features are hashes of the text, so the normalised text itself is never kept as a string.</summary>
    private sealed class Scratch
    {
        public char[] Title = new char[256];
        public char[] Text = new char[4096];
        public char[] Author = new char[128];
        public ulong[] Tokens = new ulong[1024];
        public uint[] Values = new uint[1024];
        public uint[] TitleSeq = new uint[64];
        public uint[] TitleSet = new uint[64];
        public uint[] Head = new uint[HeadLength];
    }

    [ThreadStatic] private static Scratch? t_scratch;

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StopWordLookup = StopWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// False for a record's key, id and merge facts without the hash lists that blocking and pair scoring compare: what a
    /// record needs when every record has an arXiv id (ids decide, nothing is scored) and it is alone in its cluster.
    /// </summary>
    public bool Comparable { get; private init; } = true;

    public static RecordFeatures From(PaperRecord r) => From(r, FindId(r), comparable: true);

    /// <param name="arxiv">The record's <see cref="FindId"/>, found once by the caller.</param>
    /// <param name="comparable">False to skip the hash lists (see <see cref="Comparable"/>).</param>
    public static RecordFeatures From(PaperRecord r, ArxivIdentifier? arxiv, bool comparable)
    {
        var s = t_scratch ??= new Scratch();
        // The length first: NormalizeInto may replace a buffer that is too small.
        var titleLength = TextNormalizer.NormalizeInto(r.Title, ref s.Title);
        var title = s.Title.AsSpan(0, titleLength);
        var absLength = TextNormalizer.NormalizeInto(r.Abstract, ref s.Text);
        var abs = s.Text.AsSpan(0, absLength);
        // The same value as StableHash.Fnv1a(file, kind, session, id, title, abstract) over the strings.
        var hash = StableHash.AppendPart(r.Source.File, StableHash.Start);
        hash = StableHash.AppendPart(r.Source.KindName, hash);
        hash = StableHash.AppendPart(r.Session, hash);
        hash = StableHash.AppendPart(arxiv?.BaseId, hash);
        hash = StableHash.AppendPart(title, hash);
        // One pass over the abstract for both the key and its word hashes (two independent chains run side by side).
        if (s.Tokens.Length < abs.Length / 2 + 1) s.Tokens = new ulong[abs.Length + 2];
        hash = StableHash.AppendPart(abs, hash, s.Tokens, out var tokenCount);
        var key = StableHash.Hex(hash);
        var count = r.AuthorCount ?? (r.Authors.Count > 0 ? r.Authors.Count : null);
        var date = r.Submitted ?? r.Published ?? r.Revised;
        var complete = !r.AbstractTruncated && LooksComplete(r.Abstract);
        if (!comparable)
            return new RecordFeatures
            {
                Key = key, Arxiv = arxiv, Squashed = Squash(title), AuthorCount = count, Year = date?.Year,
                AbstractComplete = complete, AbstractTokens = tokenCount, Comparable = false,
            };

        var titleTokens = 0;
        for (var rest = title; rest.Length > 0;)
        {
            var space = rest.IndexOf(' ');
            var token = space < 0 ? rest : rest[..space];
            rest = space < 0 ? [] : rest[(space + 1)..];
            if (token.Length == 0 || StopWordLookup.Contains(token)) continue;
            if (titleTokens == s.TitleSeq.Length) Array.Resize(ref s.TitleSeq, s.TitleSeq.Length * 2);
            s.TitleSeq[titleTokens++] = (uint)StableHash.Fnv1a(token);
        }
        var titleSeq = s.TitleSeq.AsSpan(0, titleTokens);
        if (s.TitleSet.Length < titleTokens) s.TitleSet = new uint[s.TitleSeq.Length];
        var titleSet = SortedDistinct(titleSeq, s.TitleSet);

        var headKey = Shingle(s.Tokens.AsSpan(0, tokenCount), s, out var shingles, out var head);
        var surnameCount = 0;
        uint first = 0;
        foreach (var author in r.Authors)
        {
            if (!Surname(author, s, out var h)) continue;
            if (surnameCount == 0) first = h;
            if (surnameCount == s.Tokens.Length) Array.Resize(ref s.Tokens, s.Tokens.Length * 2);
            s.Tokens[surnameCount++] = h;
        }
        // Surnames sort in the word-hash buffer, free again once the shingles are made.
        Span<uint> surnames = surnameCount <= 256 ? stackalloc uint[surnameCount] : new uint[surnameCount];
        for (var i = 0; i < surnameCount; i++) surnames[i] = (uint)s.Tokens[i];
        surnames.Sort();
        surnames = surnames[..Dedup(surnames)];
        return new RecordFeatures(titleSeq, titleSet, shingles, head, surnames)
        {
            Key = key,
            Arxiv = arxiv,
            Squashed = Squash(title),
            HeadKey = headKey,
            FirstSurname = first,
            AuthorCount = count,
            Year = date?.Year,
            AbstractComplete = complete,
            AbstractTokens = tokenCount,
        };
    }

    /// <summary><see cref="TextNormalizer.Squash"/> of text already in a buffer.</summary>
    private static string Squash(ReadOnlySpan<char> normalized)
    {
        if (normalized.IsEmpty) return "";
        var letters = normalized.Length - normalized.Count(' ');
        if (letters == 0) return "";
        Span<char> squashed = letters <= 512 ? stackalloc char[letters] : new char[letters];
        var w = 0;
        foreach (var c in normalized)
            if (c != ' ') squashed[w++] = c;
        return new string(squashed);
    }

    /// <summary>The id field first, then URL, DOI, comments and title (a heading can hold the link). Abstracts are not searched: they cite other papers.</summary>
    internal static ArxivIdentifier? FindId(PaperRecord r)
    {
        var id = ArxivIdentifiers.ParseBare(r.ArxivId) ?? ArxivIdentifiers.Find(r.Url) ?? ArxivIdentifiers.Find(r.Doi) ?? ArxivIdentifiers.FindInText(r.Comments) ?? ArxivIdentifiers.FindInText(r.Title);
        if (id is { } found && found.Version is null && r.ArxivVersion is { } v) return found with { Version = v };
        return id;
    }

    private static readonly char[] ClosingMarks = [')', '"', '\'', ']', '”', '’'];
    private static readonly char[] Digits = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

    /// <summary>Ends with sentence punctuation and not with an ellipsis.</summary>
    internal static bool LooksComplete(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = text.AsSpan().TrimEnd();
        if (t.EndsWith("...", StringComparison.Ordinal) || t.EndsWith('…')) return false;
        t = t.TrimEnd(ClosingMarks);
        return t.EndsWith('.') || t.EndsWith('!') || t.EndsWith('?');
    }

    /// <summary>Hash of the last name-like word of an author (trailing digits such as affiliation marks cut); false when there is none.</summary>
    private static bool Surname(string author, Scratch s, out uint hash)
    {
        var length = TextNormalizer.NormalizeInto(author, ref s.Author);
        var norm = s.Author.AsSpan(0, length);
        hash = 0;
        while (norm.Length > 0)
        {
            var space = norm.LastIndexOf(' ');
            var part = norm[(space + 1)..];
            norm = space < 0 ? [] : norm[..space];
            var p = part.TrimEnd(Digits);
            if (p.Length > 0 && !char.IsAsciiDigit(p[0]))
            {
                hash = (uint)StableHash.Fnv1a(p);
                return true;
            }
        }
        return false;
    }

    /// <summary>Sorted distinct shingles and the head, both in scratch buffers (copied into the record's one array after).</summary>
    private static ulong Shingle(ReadOnlySpan<ulong> tokens, Scratch s, out ReadOnlySpan<uint> shingles, out ReadOnlySpan<uint> head)
    {
        var count = tokens.Length;
        ulong headKey = 0;
        shingles = [];
        head = [];
        if (count >= 10)
        {
            headKey = 0x51ED270B27A7E3C5UL;
            for (var i = 0; i < 10; i++) headKey = StableHash.Mix(headKey ^ tokens[i]);
        }
        if (count < 3) return headKey;
        if (s.Values.Length < count) s.Values = new uint[count * 2];
        var all = s.Values.AsSpan(0, count - 2);
        for (var i = 0; i < all.Length; i++)
            all[i] = (uint)StableHash.Mix(tokens[i] ^ ulong.RotateLeft(tokens[i + 1], 21) ^ ulong.RotateLeft(tokens[i + 2], 42));
        var first = s.Head.AsSpan(0, Math.Min(HeadLength, all.Length));
        all[..first.Length].CopyTo(first);
        all.Sort();
        shingles = all[..Dedup(all)];
        head = first;
        return headKey;
    }

    /// <summary>Sorted distinct copy of <paramref name="values"/> in <paramref name="into"/>.</summary>
    private static ReadOnlySpan<uint> SortedDistinct(ReadOnlySpan<uint> values, uint[] into)
    {
        var a = into.AsSpan(0, values.Length);
        values.CopyTo(a);
        a.Sort();
        return a[..Dedup(a)];
    }

    private static int Dedup(Span<uint> sorted)
    {
        if (sorted.Length == 0) return 0;
        var w = 1;
        for (var i = 1; i < sorted.Length; i++)
            if (sorted[i] != sorted[w - 1]) sorted[w++] = sorted[i];
        return w;
    }

    /// <summary>|a ∩ b| of two sorted distinct arrays.</summary>
    internal static int Intersect(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
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
