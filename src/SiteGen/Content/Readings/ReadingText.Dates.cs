using System.Buffers;
using System.Globalization;
using SiteGen.Text;

namespace SiteGen.Content.Readings;

/// <summary>The arXiv date lines of reading blocks: "[Submitted on …, last revised … (this version, vN)]" and "Published: …".</summary>
internal static partial class ReadingText
{
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
}
