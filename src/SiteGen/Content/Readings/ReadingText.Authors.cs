using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;
using SiteGen.Text;

namespace SiteGen.Content.Readings;

/// <summary>Author lines of reading blocks: names split, affiliation marks and e-mails off, "(N additional authors not shown)" read.</summary>
internal static partial class ReadingText
{
    [GeneratedRegex(@"\((\d{1,5}) additional authors? not shown\)", RegexOptions.IgnoreCase)]
    private static partial Regex AdditionalAuthors();

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]{1,64}@[A-Za-z0-9.\-]{1,255}\.[A-Za-z]{2,24}")]
    private static partial Regex Email();

    /// <summary>Affiliation marks glued to a name: "Swanson1", "Pak2,4", "Zou1,2,3,4", "Smith*".</summary>
    [GeneratedRegex(@"(?<=\p{L})(?:\d{1,2}(?:,\d{1,2}(?=[,\s]|$))*|[*†‡§]+)")]
    private static partial Regex AffiliationMarks();

    private static readonly HashSet<string> NameParticles = new(StringComparer.Ordinal)
    {
        "de", "da", "di", "del", "della", "der", "den", "van", "von", "la", "le", "du", "dos", "bin", "al", "el", "y", "ten", "ter",
    };

    public sealed record AuthorList(IReadOnlyList<string> Names, int? AdditionalNotShown);

    /// <summary>
    /// Reads a line as an author list, cleaning affiliation digits, e-mails, "View ORCID Profile" and the
    /// "(N additional authors not shown)" note; null when the line does not look like names.
    /// </summary>
    public static AuthorList? ParseAuthors(string text)
    {
        if (text.Length > 4000 || text.AsSpan().ContainsAny(ColonOrOpeningQuote) || text.AsSpan().ContainsAny(Http)) return null;
        int? additional = null;
        var extra = AdditionalAuthors().Match(text);
        if (extra.Success)
        {
            additional = int.Parse(extra.Groups[1].Value, CultureInfo.InvariantCulture);
            text = text.Remove(extra.Index, extra.Length);
        }
        // Each cleaning pattern runs only when its first character can occur: this is asked of every abstract, and
        // scanning a long paragraph with the e-mail pattern cost more than the rest of the parser.
        if (text.Contains('@')) text = Email().Replace(text, ",");
        if (text.AsSpan().ContainsAny(ViewOrcidProfile)) text = text.Replace("View ORCID Profile", ",", StringComparison.OrdinalIgnoreCase);
        if (MayHaveAffiliationMarks(text)) text = AffiliationMarks().Replace(text, "");
        // Judged over spans in one pass; strings are made only for a line that is an author list (most lines asked are not).
        var ranges = _partRanges ??= [];
        ranges.Clear();
        var (count, nameLike, firstWords) = CountParts(text, ranges);
        if (count < 0) return null;
        if (count == 0) return additional is null ? null : new AuthorList([], additional);
        // A single "name" must look like a person: two to four capitalised words ("Tri Dao"); lists tolerate a stray part.
        if (count == 1)
        {
            if (nameLike != 1 || (firstWords < 2 && additional is null) || firstWords > 4) return null;
        }
        else if (nameLike * 10 < count * 8) return null;
        var parts = new List<string>(count);
        foreach (var range in ranges) parts.Add(TextClean.CollapseWhitespace(text.AsSpan()[range]));
        return new AuthorList(parts, additional);
    }

    private static readonly SearchValues<char> ColonOrOpeningQuote = SearchValues.Create(":“");

    /// <summary>"http" in any case, by one vectorised scan (the same matches as IndexOf with OrdinalIgnoreCase).</summary>
    private static readonly SearchValues<string> Http = SearchValues.Create(["http"], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> ViewOrcidProfile = SearchValues.Create(["View ORCID Profile"], StringComparison.OrdinalIgnoreCase);

    /// <summary>Where the parts of the line being read are, reused by each thread's calls.</summary>
    [ThreadStatic] private static List<Range>? _partRanges;

    private static readonly SearchValues<char> AuthorSeparators = SearchValues.Create(",;∙·•&");

    /// <summary>
    /// The parts of an author line: split at , ; ∙ · • &amp; and at " and ", trimmed, a leading "and " dropped, empty parts and
    /// affiliations left out (the caller collapses their whitespace). Counts them, the name-like ones, and the words of the
    /// first (up to 7: more decides nothing); adds where each part is to <paramref name="parts"/>.
    /// </summary>
    /// <remarks>
    /// Stops with a count of -1 as soon as the line cannot be an author list: ParseAuthors is asked of every abstract, and
    /// an abstract's first clauses already settle it. The parts cannot be more than the separators and " and "s plus one;
    /// with more than a fifth of that bound not name-like, fewer than four in five parts can be names, and a single part
    /// would be one that is not.
    /// </remarks>
    private static (int Count, int NameLike, int FirstWords) CountParts(string text, List<Range> parts)
    {
        int count = 0, nameLike = 0, firstWords = 0, mostParts = -1;
        var whole = text.AsSpan();
        // Most author lines have no " and " or one: a line without any skips the search in each part.
        var hasAnd = whole.Contains(" and ", StringComparison.Ordinal);
        var rest = whole;
        while (true)
        {
            var separator = rest.IndexOfAny(AuthorSeparators);
            var remaining = (separator < 0 ? rest : rest[..separator]).Trim();
            while (!remaining.IsEmpty)
            {
                var and = hasAnd ? remaining.IndexOf(" and ", StringComparison.Ordinal) : -1;
                var name = (and < 0 ? remaining : remaining[..and]).Trim();
                if (name.StartsWith("and ", StringComparison.Ordinal)) name = name[4..];
                var words = CountWords(name, 7);
                if (words > 0 && !IsAffiliation(name))
                {
                    count++;
                    if (IsNameLike(name, words)) nameLike++;
                    else
                    {
                        if (mostParts < 0) mostParts = MostParts(text);
                        if ((count - nameLike) * 5 > mostParts) return (-1, 0, 0);
                    }
                    if (count == 1) firstWords = words;
                    whole.Overlaps(name, out var start);
                    parts.Add(new Range(start, start + name.Length));
                }
                if (and < 0) break;
                remaining = remaining[(and + " and ".Length)..];
            }
            if (separator < 0) break;
            rest = rest[(separator + 1)..];
        }
        return (count, nameLike, firstWords);
    }

    /// <summary>An upper bound on the parts of an author line: its separators and " and "s (overlapping ones too), plus one.</summary>
    private static int MostParts(string text)
    {
        var bound = 1;
        var rest = text.AsSpan();
        for (var at = rest.IndexOfAny(AuthorSeparators); at >= 0; at = rest.IndexOfAny(AuthorSeparators))
        {
            bound++;
            rest = rest[(at + 1)..];
        }
        rest = text.AsSpan();
        for (var at = rest.IndexOf(" and ", StringComparison.Ordinal); at >= 0; at = rest.IndexOf(" and ", StringComparison.Ordinal))
        {
            bound++;
            rest = rest[(at + 1)..];
        }
        return bound;
    }

    /// <summary>Runs of non-whitespace, the words the text has once its whitespace is collapsed, counted up to <paramref name="most"/>.</summary>
    private static int CountWords(ReadOnlySpan<char> text, int most)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var white = char.IsWhiteSpace(c);
            if (!white && !inWord && ++words == most) break;
            inWord = !white;
        }
        return words;
    }

    /// <summary>The next word (run of non-whitespace) of <paramref name="text"/> from <paramref name="at"/>; empty at the end.</summary>
    private static ReadOnlySpan<char> NextWord(ReadOnlySpan<char> text, ref int at)
    {
        while (at < text.Length && char.IsWhiteSpace(text[at])) at++;
        var start = at;
        while (at < text.Length && !char.IsWhiteSpace(text[at])) at++;
        return text[start..at];
    }

    /// <summary>Whether <see cref="AffiliationMarks"/> can match at all: it needs a digit (any script, like \d) or one of *†‡§.</summary>
    private static bool MayHaveAffiliationMarks(string text) => text.AsSpan().ContainsAny(AffiliationMarkStarts);

    /// <summary>Every character <see cref="char.IsDigit(char)"/> calls a digit, and *†‡§: one vectorised scan of an abstract, not a loop.</summary>
    private static readonly SearchValues<char> AffiliationMarkStarts = SearchValues.Create(
        Enumerable.Range(char.MinValue, char.MaxValue + 1).Select(c => (char)c).Where(c => char.IsDigit(c) || c is '*' or '†' or '‡' or '§').ToArray());

    private static readonly string[] AffiliationWords = ["University", "Institute", "Laboratory", "Laboratories", "College", "School", "Center", "Centre", "Inc.", "Corporation", "Academy"];

    /// <summary>The affiliation words, found anywhere in a part by one vectorised search; each find is then checked to be a whole word.</summary>
    private static readonly SearchValues<string> AffiliationWordSearch = SearchValues.Create(AffiliationWords, StringComparison.Ordinal);

    /// <summary>"Seoul National University" in an author line is where an author works, not an author.</summary>
    private static bool IsAffiliation(ReadOnlySpan<char> part)
    {
        // A name is read word by word; a long part (a clause of an abstract) by a vectorised search for the words.
        if (part.Length < 64)
        {
            var at = 0;
            for (var word = NextWord(part, ref at); !word.IsEmpty; word = NextWord(part, ref at))
            {
                // Every affiliation word has four letters or more and starts with one of these: most prose words stop here.
                if (word.Length < 4 || word[0] is not ('U' or 'I' or 'L' or 'C' or 'S' or 'A')) continue;
                foreach (var affiliation in AffiliationWords)
                    if (word.SequenceEqual(affiliation)) return true;
            }
            return false;
        }
        var offset = 0;
        while (true)
        {
            var at = part[offset..].IndexOfAny(AffiliationWordSearch);
            if (at < 0) return false;
            at += offset;
            // A find is a word of the part when whitespace (or the part's end) is on both sides; any of the words that
            // starts here and is followed by whitespace will do ("Laboratories" and "Laboratory" start alike).
            if (at == 0 || char.IsWhiteSpace(part[at - 1]))
            {
                var wordEnd = part[at..].IndexOfAny(WhiteSpace);
                var word = wordEnd < 0 ? part[at..] : part.Slice(at, wordEnd);
                foreach (var affiliation in AffiliationWords)
                    if (word.SequenceEqual(affiliation)) return true;
            }
            offset = at + 1;
        }
    }

    private static readonly SearchValues<char> WhiteSpace = SearchValues.Create(
        Enumerable.Range(char.MinValue, char.MaxValue + 1).Select(c => (char)c).Where(char.IsWhiteSpace).ToArray());

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NameParticleLookup = NameParticles.GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool IsNameLike(ReadOnlySpan<char> part, int words)
    {
        if (words is 0 or > 6) return false;
        var at = 0;
        for (var word = NextWord(part, ref at); !word.IsEmpty; word = NextWord(part, ref at))
        {
            // Particles are short lowercase words: a capitalised word is never looked up.
            if (word.Length <= 5 && char.IsAsciiLetterLower(word[0]) && NameParticleLookup.Contains(word)) continue;
            var first = word.TrimStart("('\"");
            if (first.IsEmpty || !char.IsUpper(first[0])) return false;
            if (word[^1] == '.' && word.Length > 3 && !word.Contains('-')) return false; // "al." fine, "results." not a name
            foreach (var c in word)
                if (char.IsDigit(c)) return false;
        }
        return true;
    }
}
