using System.Globalization;
using SiteGen.Diagnostics;
using SiteGen.Files;
using SiteGen.Model;
using SiteGen.Text;

namespace SiteGen.Content;

/// <summary>A session's front matter read onto its record: every known key checked, with a diagnostic for each value that cannot be used.</summary>
internal static class SessionFrontMatter
{
    private static readonly HashSet<string> KnownKeySet = new(ReadSessions.KnownKeys, StringComparer.Ordinal);

    private static void ReportYamlError(YamlError error, int yamlLine, string display, DiagnosticBag diagnostics) =>
        diagnostics.Error(DiagnosticCodes.SessionYaml, display, yamlLine - 1 + error.Line, error.Column,
            $"The front matter {(error.OverLimit ? "is not read" : "is not valid YAML")}: {error.Message}; the session is listed under its file name until this is fixed.",
            error.Hint ?? "Check the indentation on that line, close any [ or {, and quote values containing ': ' or '#', or starting with '[', '{', '*' or a quote.");

    /// <summary>The session with the fields its front matter gives; the session as it was when the front matter cannot be read.</summary>
    public static Session Apply(Session session, string yaml, int yamlLine, string display, ContentSource content, SiteConfig config, DiagnosticBag diagnostics)
    {
        if (FrontMatter.TooLong(yaml) is { } tooLong)
        {
            ReportYamlError(tooLong, yamlLine, display, diagnostics);
            return session;
        }
        // Jekyll accepts a key written twice and keeps the last value: so does SiteGen, with a warning per earlier one.
        foreach (var duplicate in DuplicateKeys.Find(yaml))
            diagnostics.Warning(DiagnosticCodes.SessionDuplicateKey, display, yamlLine - 1 + duplicate.Line, 1,
                $"Front-matter key '{duplicate.Key}' is given again on line {yamlLine - 1 + duplicate.LaterLine}; the later value is used, as Jekyll does.",
                $"Delete one of the two {duplicate.Key}: lines.");
        yaml = DuplicateKeys.KeepLast(yaml);
        var entries = FrontMatterYaml.Read(yaml, out var error);
        if (error is not null)
        {
            ReportYamlError(error, yamlLine, display, diagnostics);
            return session;
        }
        if (entries is null)
        {
            diagnostics.Warning(DiagnosticCodes.SessionNoTitle, display, yamlLine, 1,
                "The front matter is empty; the session is listed under its file name.", "Add title: and lecture: keys.");
            return session;
        }

        // Decks linked from notes are checked like lecture: ones, so a missing upload is a warning, not a silent 404.
        // (Given the entry, the check's closure is made only for the keys that need it, not for every key.)
        string Instructor(FrontMatterEntry entry, int line) =>
            InstructorHtml.Prepare(entry.Scalar, config.BaseUrl, deck => LinkedDeckExists(content, deck, entry.Key, line, entry.Column, display, diagnostics));

        // The values are gathered first and the session made once: a copy of the record per key was most of what
        // reading the front matter allocated.
        bool titleSeen = false;
        var (title, isSection) = (session.Title, session.IsSection);
        var (lecture, lectureExists, extra, extraExists) = (session.Lecture, session.LectureExists, session.ExtraContent, session.ExtraContentExists);
        var (lectureVersion, notesHtml, moreNotesHtml, videoHtml) = (session.LectureVersion, session.NotesHtml, session.MoreNotesHtml, session.VideoHtml);
        var (tags, categories, desc, term, layout) = (session.Tags, session.Categories, session.Desc, session.Term, session.Layout);
        var (isExtra, isPlatform, isBackground, isExam) = (session.IsExtra, session.IsPlatform, session.IsBackground, session.IsExam);
        var (lOrder, sessionDate) = (session.LOrder, session.Date);
        foreach (var entry in entries)
        {
            var key = entry.Key;
            var line = yamlLine - 1 + entry.Line;
            var column = entry.Column;
            var scalar = entry.Scalar;
            switch (key)
            {
                case "title":
                    titleSeen = true;
                    var collapsed = CollapseSpaces(scalar);
                    if (collapsed.Length > 0) (title, isSection) = (collapsed, collapsed.Contains("Section", StringComparison.Ordinal));
                    break;
                case "lecture":
                    lecture = NormaliseDeck(scalar, key, line, column, display, diagnostics);
                    lectureExists = DeckExists(content, lecture, key, line, column, display, diagnostics);
                    break;
                case "extraContent":
                    extra = NormaliseDeck(scalar, key, line, column, display, diagnostics);
                    extraExists = DeckExists(content, extra, key, line, column, display, diagnostics);
                    break;
                case "lectureVersion": lectureVersion = scalar.Trim(); break;
                case "notes": notesHtml = Instructor(entry, line); break;
                case "morenotes": moreNotesHtml = Instructor(entry, line); break;
                case "video": videoHtml = Instructor(entry, line); break;
                case "tags": tags = Labels(entry, line, display, diagnostics); break;
                case "categories": categories = Labels(entry, line, display, diagnostics); break;
                case "desc": desc = scalar.Trim(); break;
                case "term": term = scalar.Trim(); break;
                case "layout": layout = scalar.Trim(); break;
                case "extra": isExtra = IsTrue(scalar); break;
                case "platform": isPlatform = IsTrue(scalar); break;
                case "background": isBackground = IsTrue(scalar); break;
                case "exam": isExam = IsTrue(scalar); break;
                case "LOrder":
                    if (scalar.Trim().Length == 0) break;
                    if (int.TryParse(scalar.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var order))
                        lOrder = order;
                    else
                        diagnostics.Warning(DiagnosticCodes.SessionBadValue, display, line, column,
                            $"LOrder '{scalar.Trim()}' is not a whole number; the session is ordered by file name.", "Write LOrder as an integer, e.g. LOrder: 12.");
                    break;
                case "date":
                    if (scalar.Trim().Length == 0) break;
                    if (TryParseDate(scalar, out var date))
                        sessionDate = date;
                    else
                        diagnostics.Warning(DiagnosticCodes.SessionBadValue, display, line, column,
                            $"date '{scalar.Trim()}' is not a date; the session has no date.", "Write it as YYYY-MM-DD, e.g. date: 2026-02-03.");
                    break;
                case "permalink" or "published":
                    break;
                default:
                    var suggestion = Closest(key);
                    diagnostics.Warning(DiagnosticCodes.SessionUnknownKey, display, line, column,
                        $"Unknown front-matter key '{key}' is ignored.",
                        suggestion is null ? $"Known keys: {string.Join(", ", ReadSessions.KnownKeys)}." : $"Did you mean '{suggestion}'?");
                    break;
            }
        }
        session = session with
        {
            Title = title, IsSection = isSection, Lecture = lecture, LectureExists = lectureExists, ExtraContent = extra, ExtraContentExists = extraExists,
            LectureUrlPath = lecture is null || !lectureExists ? null : SlideDeck.UrlPath(lecture),
            ExtraContentUrlPath = extra is null || !extraExists ? null : SlideDeck.UrlPath(extra),
            LectureVersion = lectureVersion, NotesHtml = notesHtml, MoreNotesHtml = moreNotesHtml, VideoHtml = videoHtml, Tags = tags, Categories = categories,
            Desc = desc, Term = term, Layout = layout, IsExtra = isExtra, IsPlatform = isPlatform, IsBackground = isBackground, IsExam = isExam,
            LOrder = lOrder, Date = sessionDate,
        };
        if (!titleSeen || session.Title == session.Name)
            diagnostics.Warning(DiagnosticCodes.SessionNoTitle, display, yamlLine, 1,
                "The session has no title; the file name is shown instead.", "Add a line title: ... to the front matter.");
        return session;
    }

    /// <summary>Date-only values are kept as DateOnly so they never shift across time zones.</summary>
    private static bool TryParseDate(string value, out DateOnly date)
    {
        var text = value.Trim();
        if (text.Length >= 10 && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            return true;
        return DateOnly.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    private static string? NormaliseDeck(string raw, string key, int line, int column, string display, DiagnosticBag diagnostics)
    {
        var name = SlideDeck.Normalise(raw);
        if (name is not null && !string.Equals(name, raw.Trim(), StringComparison.Ordinal))
            diagnostics.Warning(DiagnosticCodes.SlideNormalised, display, line, column,
                $"{key} '{raw.Trim()}' was read as '{name}' (the deck is always Lectures/{{name}}.pdf).",
                $"Write {key}: {name} to silence this.");
        return name;
    }

    private static bool DeckExists(ContentSource content, string? name, string key, int line, int column, string display, DiagnosticBag diagnostics)
    {
        if (name is null) return false;
        var path = Path.Combine(content.Root, SlideDeck.Folder, name + ".pdf");
        // Inside Lectures/ once links are resolved: `lecture: ../../secret` names no deck.
        if (CourseFiles.IsRegularInside(Path.Combine(content.Root, SlideDeck.Folder), path)) return true;
        diagnostics.Warning(DiagnosticCodes.SlideMissing, display, line, column,
            $"Slide deck {SlideDeck.Folder}/{name}.pdf for {key} was not found; the page shows the deck as not uploaded yet.",
            $"Add {content.DisplayPrefix}/{SlideDeck.Folder}/{name}.pdf, or fix the name in {key}:.");
        return false;
    }

    private static void LinkedDeckExists(ContentSource content, string name, string key, int line, int column, string display, DiagnosticBag diagnostics)
    {
        if (CourseFiles.IsRegularInside(Path.Combine(content.Root, SlideDeck.Folder), Path.Combine(content.Root, SlideDeck.Folder, name + ".pdf"))) return;
        diagnostics.Warning(DiagnosticCodes.SlideMissing, display, line, column,
            $"Slide deck {SlideDeck.Folder}/{name}.pdf linked in {key} was not found; the link will answer 404 until it is uploaded.",
            $"Add {content.DisplayPrefix}/{SlideDeck.Folder}/{name}.pdf, or fix the link in {key}:.");
    }

    /// <summary>A list of labels, or a plain string that is ONE label ("2d (vision)" is not split). Trimmed, empties dropped, order kept, duplicates removed.</summary>
    private static List<string> Labels(FrontMatterEntry entry, int line, string display, DiagnosticBag diagnostics)
    {
        if (entry.Kind == FrontMatterValueKind.Other)
            diagnostics.Warning(DiagnosticCodes.SessionBadValue, display, line, entry.Column,
                $"{entry.Key} is a map (key: value pairs), not a list; the session gets no {entry.Key} from it.",
                $"Write {entry.Key} as a list, e.g. {entry.Key}: [agents, tools], or one item per line starting with '- '.");
        IEnumerable<string> raw = entry.Kind switch
        {
            FrontMatterValueKind.Sequence => entry.Items,
            FrontMatterValueKind.Scalar => [entry.Scalar],
            _ => [],
        };
        return raw.Select(CollapseSpaces).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();
    }

    private static bool IsTrue(string value) => value.Trim() is "true" or "True" or "yes" or "1";

    private static string CollapseSpaces(string value) =>
        string.Join(' ', value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries));

    private static string? Closest(string key)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var known in ReadSessions.KnownKeys)
        {
            var d = Levenshtein(key.ToLowerInvariant(), known.ToLowerInvariant());
            if (d < bestDistance) (best, bestDistance) = (known, d);
        }
        return bestDistance <= Math.Max(2, key.Length / 3) ? best : null;
    }

    private static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
