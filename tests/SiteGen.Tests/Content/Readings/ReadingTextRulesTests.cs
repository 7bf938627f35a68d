using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SiteGen.Content.Readings;
using SiteGen.Tests.Listings;

namespace SiteGen.Tests.Content.Readings;

/// <summary>
/// Rules of ReadingText that are read by hand over spans, against the regular expressions that define them: every
/// corpus line, and random lines built from the pieces the rules look for (digits of other scripts, overlong runs, missing
/// spaces), must give the same answers.
/// </summary>
public partial class ReadingTextRulesTests
{
    [GeneratedRegex(@"Submitted on (\d{1,2}) ([A-Za-z]{3,9})\.? (\d{4})")]
    private static partial Regex SubmittedOn();

    [GeneratedRegex(@"last revised (\d{1,2}) ([A-Za-z]{3,9})\.? (\d{4})")]
    private static partial Regex LastRevised();

    [GeneratedRegex(@"this version, v(\d{1,3})\)")]
    private static partial Regex ThisVersion();

    [GeneratedRegex(@"(?<=[0-9])[A-Z][A-Za-z]{2,30}$")]
    private static partial Regex GluedWord();

    private static List<string> CorpusLines() =>
        Directory.EnumerateFiles(Fixtures.PathOf("readings"), "*.md", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .SelectMany(File.ReadLines)
            .Select(line => line.Trim().TrimStart('+', '-', '*').Trim())
            .Where(line => line.Length > 0)
            .ToList();

    [Fact]
    public void Date_lines_of_the_corpus_are_read_as_the_patterns_read_them()
    {
        var lines = CorpusLines();
        Assert.Contains(lines, line => line.Contains("Submitted on", StringComparison.Ordinal));
        foreach (var line in lines) AssertDateLineAsPatterns(line);
    }

    [Fact]
    public void Random_date_lines_are_read_as_the_patterns_read_them()
    {
        string[] pieces =
        [
            "Submitted on ", "last revised ", "this version, v", "[", "]", "(v1)", "(v", ")", ", ", " ", ".", ". ", "1", "12", "123", "07",
            "٣", "١٢", "Jan", "Sept", "September", "Septembers", "Ja", "mai", "2024", "202", "20245", "٢٠٢٤", "x", "Tri Dao", "\t",
        ];
        var random = new Random(5);
        for (var n = 0; n < 30000; n++)
        {
            var builder = new StringBuilder();
            var count = random.Next(1, 24);
            for (var i = 0; i < count; i++) builder.Append(pieces[random.Next(pieces.Length)]);
            AssertDateLineAsPatterns(builder.ToString());
        }
    }

    [Theory]
    [InlineData("[Submitted on 9 Jun 2024 (v1), last revised 30 Nov 2024 (this version, v6)] Xinzhe Li")]
    [InlineData("Submitted on 12 Sept. 2023 (v1), last revised 1 Feb 2024 (this version, v3) Tri Dao")]
    [InlineData("Submitted on 123 Jan 2024 but Submitted on 3 Jan 2024]")]
    [InlineData("Submitted on 1 Septembers 2024; Submitted on 1 Sep. 2024")]
    public void Known_date_lines_are_read_as_the_patterns_read_them(string line) => AssertDateLineAsPatterns(line);

    private static void AssertDateLineAsPatterns(string text)
    {
        DateLineByPatterns(text, out var expected, out var expectedError);
        ReadingText.DateLine? actual = null;
        Type? actualError = null;
        try
        {
            actual = ReadingText.ParseDateLine(text);
        }
        catch (Exception e)
        {
            actualError = e.GetType();
        }
        Assert.True(expectedError == actualError, $"'{text}': expected {expectedError?.Name ?? "no exception"}, got {actualError?.Name ?? "none"}");
        Assert.True(expected == actual, $"'{text}': expected {expected}, got {actual}");
    }

    /// <summary>The date line as read with the patterns (the parser's definition before it was written by hand).</summary>
    private static void DateLineByPatterns(string text, out ReadingText.DateLine? line, out Type? error)
    {
        (line, error) = (null, null);
        var submitted = SubmittedOn().Match(text);
        if (!submitted.Success) return;
        var revised = LastRevised().Match(text, submitted.Index);
        var version = ThisVersion().Match(text, submitted.Index);
        var start = submitted.Index;
        if (start > 0 && text[start - 1] == '[') start--;
        var close = text.IndexOf(']', submitted.Index);
        var end = close >= 0 ? close + 1
            : Math.Max(submitted.Index + submitted.Length,
                Math.Max(revised.Success ? revised.Index + revised.Length : 0, version.Success ? version.Index + version.Length : 0));
        if (close < 0 && end < text.Length && text[end] == ' ' && end + 4 <= text.Length && text.AsSpan(end + 1).StartsWith("(v", StringComparison.Ordinal))
            end = text.IndexOf(')', end) + 1;
        int? versionNumber;
        try
        {
            versionNumber = version.Success ? int.Parse(version.Groups[1].ValueSpan, NumberStyles.Integer, CultureInfo.InvariantCulture) : null;
        }
        catch (Exception e)
        {
            error = e.GetType();
            return;
        }
        var remainder = SiteGen.Text.TextClean.CollapseWhitespace((text[..start] + " " + text[end..]).AsSpan().Trim(" \t/-[]+"));
        line = new ReadingText.DateLine(ToDate(submitted), revised.Success ? ToDate(revised) : null, versionNumber, remainder);
    }

    private static DateOnly? ToDate(Match match) =>
        DateOnly.TryParseExact($"{match.Groups[1].Value} {match.Groups[2].Value[..3]} {match.Groups[3].Value}", "d MMM yyyy",
            CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    [Fact]
    public void Glued_words_are_found_where_the_pattern_finds_them()
    {
        string[] pieces = ["https://x.org/", "1608", "7", "Citations", "Cit", "Ci", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcde", "abc", "Abc", "é", "٣", "\n", "/", "x"];
        var random = new Random(3);
        var urls = CorpusLines().SelectMany(line => ReadingText.FindUrls(line)).Select(found => found.Url).ToList();
        for (var n = 0; n < 20000; n++)
        {
            var builder = new StringBuilder();
            var count = random.Next(1, 6);
            for (var i = 0; i < count; i++) builder.Append(pieces[random.Next(pieces.Length)]);
            urls.Add(builder.ToString());
        }
        foreach (var url in urls)
        {
            var match = GluedWord().Match(url);
            Assert.True((match.Success ? match.Index : -1) == ReadingText.GluedWordStart(url), url);
        }
    }

    [Fact]
    public void Urls_are_found_and_cleaned_as_the_string_rules_do()
    {
        string[] pieces =
        [
            "https://arxiv.org/abs/", "http://", "HTTPS://", "hTTp", "https://x.org/", "2401.12345", "v2", "arXiv.org", "Understanding", ".pdf",
            "?utm_source=a", "&b=c", "?x=1", "#s", "/", ".", ",", ";", ":", "*", "_", "'", "1608", "Citations", " ", ")", "](", "[", "ſ", "arxıv.org",
        ];
        var random = new Random(9);
        var lines = CorpusLines();
        for (var n = 0; n < 20000; n++)
        {
            var builder = new StringBuilder();
            var count = random.Next(1, 10);
            for (var i = 0; i < count; i++) builder.Append(pieces[random.Next(pieces.Length)]);
            lines.Add(builder.ToString());
        }
        foreach (var line in lines)
            Assert.Equal(FindUrlsByStrings(line), ReadingText.FindUrls(line));
    }

    /// <summary>FindUrls and CleanUrl as first written, over strings: a search per "http", the glued word by its pattern.</summary>
    private static List<FoundUrl> FindUrlsByStrings(string text)
    {
        var found = new List<FoundUrl>();
        var at = 0;
        while (at < text.Length)
        {
            var start = text.IndexOf("http", at, StringComparison.OrdinalIgnoreCase);
            if (start < 0) break;
            var rest = text.AsSpan(start);
            if (!rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                at = start + 4;
                continue;
            }
            var end = start;
            while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] is not (')' or ']' or '>' or '<' or '"' or '|')) end++;
            var url = CleanUrlByStrings(text[start..end]);
            if (url.Length > "https://".Length) found.Add(new FoundUrl(start, end - start, url));
            at = end;
        }
        return found;
    }

    private static string CleanUrlByStrings(string url)
    {
        url = url.TrimEnd('.', ',', ';', ':', '*', '_', '\'');
        foreach (var marker in (string[])["/abs/", "/pdf/", "/html/"])
        {
            var at = url.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
            if (at < 0 || !url.Contains("arxiv.org", StringComparison.OrdinalIgnoreCase)) continue;
            var idStart = at + marker.Length;
            var consumed = SiteGen.Text.ArxivIdentifiers.TryRead(url, idStart, out _);
            if (consumed > 0)
            {
                var end = idStart + consumed;
                if (end < url.Length && url[end] is not ('?' or '#' or '/') && !url.AsSpan(end).StartsWith(".pdf", StringComparison.OrdinalIgnoreCase))
                    url = url[..end];
            }
        }
        var glued = GluedWord().Match(url);
        if (glued.Success) url = url[..glued.Index];
        var query = url.IndexOf('?');
        if (query >= 0)
        {
            var kept = url[(query + 1)..].Split('&').Where(p => !p.StartsWith("utm_", StringComparison.OrdinalIgnoreCase)).ToList();
            url = url[..query] + (kept.Count > 0 ? "?" + string.Join("&", kept) : "");
        }
        return url;
    }
}
