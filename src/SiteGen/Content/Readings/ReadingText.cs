using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;
using SiteGen.Text;

namespace SiteGen.Content.Readings;

/// <summary>A URL found in a line: where it was written (for removal) and the cleaned address.</summary>
internal readonly record struct FoundUrl(int Start, int Length, string Url);

/// <summary>
/// The small text rules of reading blocks: URLs, arXiv date lines, author lists, titles.
/// Regexes here are anchored or bounded (no nested quantifiers), so no input makes them backtrack badly.
/// </summary>
internal static partial class ReadingText
{
    // ---- URLs ----

    /// <summary>Every http(s) URL in the line, including both halves of <c>[https://x](https://x)</c>.</summary>
    /// <remarks>Asked of most items and notes, which mostly hold none: a list is made for the first URL found.</remarks>
    public static IReadOnlyList<FoundUrl> FindUrls(string text)
    {
        List<FoundUrl>? found = null;
        var at = 0;
        while (at < text.Length)
        {
            var start = text.AsSpan(at).IndexOfAny(Http);
            if (start < 0) break;
            start += at;
            var rest = text.AsSpan(start);
            if (!rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                at = start + 4;
                continue;
            }
            var end = start;
            while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] is not (')' or ']' or '>' or '<' or '"' or '|')) end++;
            var url = CleanUrl(text[start..end]);
            if (url.Length > "https://".Length) (found ??= []).Add(new FoundUrl(start, end - start, url));
            at = end;
        }
        return found ?? (IReadOnlyList<FoundUrl>)[];
    }

    /// <summary>
    /// Trailing punctuation off; a word glued after an arXiv id or a digit (<c>…/abs/2411.14499arXiv.orgUnderstanding</c>,
    /// <c>…wcms.1608Citations</c>) off; tracking-only query strings (<c>?utm_source=…</c>) off.
    /// </summary>
    public static string CleanUrl(string url)
    {
        url = url.TrimEnd('.', ',', ';', ':', '*', '_', '\'');
        var isArxiv = (bool?)null;
        foreach (var marker in ArxivPathMarkers)
        {
            var at = url.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
            if (at < 0 || !(isArxiv ??= url.Contains("arxiv.org", StringComparison.OrdinalIgnoreCase))) continue;
            var idStart = at + marker.Length;
            var consumed = ArxivIdentifiers.LengthAt(url, idStart);
            if (consumed > 0)
            {
                var end = idStart + consumed;
                // Keep "?query" and ".pdf"; cut anything else glued on.
                if (end < url.Length && url[end] is not ('?' or '#' or '/') && !url.AsSpan(end).StartsWith(".pdf", StringComparison.OrdinalIgnoreCase))
                {
                    url = url[..end];
                    isArxiv = null;
                }
            }
        }
        var glued = GluedWordStart(url);
        if (glued >= 0) url = url[..glued];
        var query = url.IndexOf('?');
        if (query >= 0)
        {
            var kept = url[(query + 1)..].Split('&').Where(p => !p.StartsWith("utm_", StringComparison.OrdinalIgnoreCase)).ToList();
            url = url[..query] + (kept.Count > 0 ? "?" + string.Join("&", kept) : "");
        }
        return url;
    }

    private static readonly string[] ArxivPathMarkers = ["/abs/", "/pdf/", "/html/"];

    /// <summary>
    /// Where a capitalised word glued right after a digit ends the URL ("…wcms.1608Citations"), -1 when none: what
    /// <c>(?&lt;=[0-9])[A-Z][A-Za-z]{2,30}$</c> matches. The word is the URL's last run of ASCII letters (before a final
    /// line break, where $ also matches), so it starts where that run does, the only place a digit can be before it.
    /// </summary>
    internal static int GluedWordStart(string url)
    {
        var end = url.Length > 0 && url[^1] == '\n' ? url.Length - 1 : url.Length;
        var start = end;
        while (start > 0 && char.IsAsciiLetter(url[start - 1])) start--;
        var length = end - start;
        return length is >= 3 and <= 31 && start > 0 && char.IsAsciiDigit(url[start - 1]) && char.IsAsciiLetterUpper(url[start]) ? start : -1;
    }

    /// <summary>The DOI in a doi.org URL or after "doi:", without a trailing period.</summary>
    public static string? DoiOf(string url)
    {
        var at = url.IndexOf("doi.org/", StringComparison.OrdinalIgnoreCase);
        if (at < 0) return null;
        var doi = url[(at + "doi.org/".Length)..].TrimEnd('.');
        return doi.StartsWith("10.", StringComparison.Ordinal) ? doi : null;
    }

    // ---- dates ----

    public sealed record DateLine(DateOnly? Submitted, DateOnly? Revised, int? Version, string Remainder);

    /// <summary>
    /// "[Submitted on 9 Jun 2024 (v1), last revised 30 Nov 2024 (this version, v6)] Xinzhe Li": the dates, the version,
    /// and what else the line holds (here the author). Tolerates a missing '[' or ']'.
    /// </summary>
    /// <remarks>
    /// Asked of every item of every paper, abstracts included: read by hand over the text (one vectorised search for
    /// "Submitted on " and nothing allocated for a line without one), matching what the patterns
    /// <c>Submitted on (\d{1,2}) ([A-Za-z]{3,9})\.? (\d{4})</c>, <c>last revised (\d{1,2}) ([A-Za-z]{3,9})\.? (\d{4})</c> and
    /// <c>this version, v(\d{1,3})\)</c> match (\d being any Unicode digit, as in .NET regexes).
    /// </remarks>
    public static DateLine? ParseDateLine(string text)
    {
        var span = text.AsSpan();
        if (!FindDate(span, 0, "Submitted on ", out var submitted)) return null;
        var hasRevised = FindDate(span, submitted.Index, "last revised ", out var revised);
        var hasVersion = FindVersion(span, submitted.Index, out var versionEnd, out var versionDigits);
        var start = submitted.Index;
        if (start > 0 && text[start - 1] == '[') start--;
        var close = text.IndexOf(']', submitted.Index);
        var end = close >= 0 ? close + 1
            : Math.Max(submitted.End, Math.Max(hasRevised ? revised.End : 0, hasVersion ? versionEnd : 0));
        if (close < 0 && end < text.Length && text[end] == ' ' && end + 4 <= text.Length && text.AsSpan(end + 1).StartsWith("(v", StringComparison.Ordinal))
            end = text.IndexOf(')', end) + 1;
        return new DateLine(
            ToDate(submitted, span),
            hasRevised ? ToDate(revised, span) : null,
            hasVersion ? int.Parse(span[versionDigits], NumberStyles.Integer, CultureInfo.InvariantCulture) : null,
            Remainder(text.AsSpan(0, start), text.AsSpan(end)));
    }

    /// <summary>"Published: 17 January 2024" (the label already checked by the caller): the date after the colon, alone on the line.</summary>
    public static DateOnly? ParsePublishedDate(string text)
    {
        var colon = text.IndexOf(':');
        if (colon < 0) return null;
        var rest = text.AsSpan(colon + 1).Trim(" *\t");
        return FindDate(rest, 0, "", out var match) && match.Index == 0 && match.End == rest.Length ? ToDate(match, rest) : null;
    }

    /// <summary>Where a "PREFIX day month year" date was found: the whole match and its three parts.</summary>
    private readonly record struct DateMatch(int Index, int End, Range Day, Range Month, Range Year);

    /// <summary>
    /// The first <c>PREFIX(\d{1,2}) ([A-Za-z]{3,9})\.? (\d{4})</c> at or after <paramref name="from"/>. Each part is a whole
    /// run (a third digit or a tenth letter leaves nothing the pattern could back off to), so no backtracking is needed.
    /// </summary>
    private static bool FindDate(ReadOnlySpan<char> text, int from, string prefix, out DateMatch match)
    {
        match = default;
        while (from <= text.Length)
        {
            var found = text[from..].IndexOf(prefix, StringComparison.Ordinal);
            if (found < 0) return false;
            var index = from + found;
            var at = index + prefix.Length;
            var dayStart = at;
            while (at < text.Length && at - dayStart < 3 && char.IsDigit(text[at])) at++;
            var dayEnd = at;
            if (dayEnd - dayStart is >= 1 and <= 2 && at < text.Length && text[at] == ' ')
            {
                var monthStart = ++at;
                while (at < text.Length && at - monthStart < 10 && char.IsAsciiLetter(text[at])) at++;
                var monthEnd = at;
                if (monthEnd - monthStart is >= 3 and <= 9)
                {
                    if (at + 1 < text.Length && text[at] == '.' && text[at + 1] == ' ') at += 2;
                    else if (at < text.Length && text[at] == ' ') at++;
                    else at = -1;
                    if (at >= 0 && at + 4 <= text.Length && IsDigits(text.Slice(at, 4)))
                    {
                        match = new DateMatch(index, at + 4, dayStart..dayEnd, monthStart..monthEnd, at..(at + 4));
                        return true;
                    }
                }
            }
            from = index + 1;
        }
        return false;
    }

    /// <summary>The first <c>this version, v(\d{1,3})\)</c> at or after <paramref name="from"/>: where it ends and its digits.</summary>
    private static bool FindVersion(ReadOnlySpan<char> text, int from, out int end, out Range digits)
    {
        const string prefix = "this version, v";
        (end, digits) = (0, default);
        while (from <= text.Length)
        {
            var found = text[from..].IndexOf(prefix, StringComparison.Ordinal);
            if (found < 0) return false;
            var index = from + found;
            var at = index + prefix.Length;
            var start = at;
            while (at < text.Length && at - start < 4 && char.IsDigit(text[at])) at++;
            if (at - start is >= 1 and <= 3 && at < text.Length && text[at] == ')')
            {
                (end, digits) = (at + 1, start..at);
                return true;
            }
            from = index + 1;
        }
        return false;
    }

    /// <summary>Every character a decimal digit of any script (what \d matches).</summary>
    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
            if (!char.IsDigit(c)) return false;
        return true;
    }

    /// <summary>What is around the dates, "before after" trimmed and collapsed, in one buffer and one string.</summary>
    private static string Remainder(ReadOnlySpan<char> before, ReadOnlySpan<char> after)
    {
        var length = before.Length + 1 + after.Length;
        var rented = length <= 512 ? null : ArrayPool<char>.Shared.Rent(length);
        var buffer = rented is null ? stackalloc char[length] : rented.AsSpan(0, length);
        before.CopyTo(buffer);
        buffer[before.Length] = ' ';
        after.CopyTo(buffer[(before.Length + 1)..]);
        var remainder = TextClean.CollapseWhitespace(((ReadOnlySpan<char>)buffer).Trim(" \t/-[]+"));
        if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        return remainder;
    }

    private static DateOnly? ToDate(DateMatch match, ReadOnlySpan<char> text)
    {
        var day = text[match.Day];
        var month = text[match.Month][..3];
        var year = text[match.Year];
        // ASCII digits (all real date lines) are read by hand: the culture-aware month-name match of TryParseExact was a
        // quarter of reading a session. Other digits (\d matches any script) keep the general parse and its answer.
        if (!day.ContainsAnyExceptInRange('0', '9') && !year.ContainsAnyExceptInRange('0', '9'))
        {
            var monthNumber = 0;
            for (var m = 0; m < MonthAbbreviations.Length && monthNumber == 0; m++)
                if (month.Equals(MonthAbbreviations[m], StringComparison.OrdinalIgnoreCase)) monthNumber = m + 1;
            var dayNumber = int.Parse(day, NumberStyles.None, CultureInfo.InvariantCulture);
            var yearNumber = int.Parse(year, NumberStyles.None, CultureInfo.InvariantCulture);
            return monthNumber > 0 && yearNumber >= 1 && dayNumber >= 1 && dayNumber <= DateTime.DaysInMonth(yearNumber, monthNumber)
                ? new DateOnly(yearNumber, monthNumber, dayNumber)
                : null;
        }
        var general = $"{day} {month} {year}";
        return DateOnly.TryParseExact(general, "d MMM yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
    }

    private static readonly string[] MonthAbbreviations = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    // ---- authors ----

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

    // ---- titles ----

    [GeneratedRegex(@"^(?:[a-z]\.\s*|\d{1,2}\.\s+)(?=\S)")]
    private static partial Regex EnumerationPrefix();

    [GeneratedRegex(@"\s*\((?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.? \d{4}\)$")]
    private static partial Regex MonthYearSuffix();

    /// <summary>True when a line starts with an enumeration like "a. " or "c.Kimi": a paper in an enumerated list.</summary>
    public static bool IsEnumerated(ReadOnlySpan<char> text) => EnumerationPrefix().IsMatch(text);

    /// <summary>"c.Kimi k1.5: … (January 2025)" -> "Kimi k1.5: …"; markdown emphasis and surrounding colons off.</summary>
    public static string CleanTitle(string text)
    {
        text = TextClean.CollapseWhitespace(text.Replace("**", "", StringComparison.Ordinal).Replace("__", "", StringComparison.Ordinal));
        text = EnumerationPrefix().Replace(text, "");
        text = MonthYearSuffix().Replace(text, "");
        return text.Trim().TrimEnd(':').Trim();
    }
}
