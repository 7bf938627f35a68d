using System.Buffers;
using System.Globalization;
using System.Text;
using SiteGen.Content.Readings;
using SiteGen.Diagnostics;
using SiteGen.Files;
using SiteGen.Model;
using SiteGen.Text;

namespace SiteGen.Content;

/// <summary>Stage: content/sessions/*.md -> Session[] in schedule order (LOrder, then ordinal file name).</summary>
public static class ReadSessions
{
    public const string Folder = "sessions";
    public const string ExcerptMarker = "<!--excerpt.start-->";

    /// <summary>Every key seen in the course sites this replaces; anything else is probably a typo.</summary>
    public static readonly IReadOnlyList<string> KnownKeys =
    [
        "title", "lecture", "lectureVersion", "extraContent", "notes", "morenotes", "video", "tags", "categories",
        "desc", "term", "LOrder", "layout", "extra", "platform", "background", "exam", "date", "permalink", "published",
    ];

    private static readonly HashSet<string> KnownKeySet = new(KnownKeys, StringComparer.Ordinal);

    public static IReadOnlyList<Session> Run(ContentSource content, SiteConfig config, DiagnosticBag diagnostics)
    {
        var folderName = config.Layout.SessionsFolder;
        var folder = Path.Combine(content.Root, folderName);
        if (Directory.Exists(folder))
            foreach (var other in Directory.GetFiles(folder, "*", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal)
                         .Where(f => !f.EndsWith(".md", StringComparison.Ordinal) && !Path.GetFileName(f).StartsWith('.')))
                diagnostics.Warning(DiagnosticCodes.SessionNotMarkdown, content.Display(content.Relative(other)), 1, 1,
                    $"{Path.GetFileName(other)} in {folderName}/ is not a .md file; it is not a session and is left out of the schedule.",
                    $"Rename it to end in .md if it is a session (e.g. {SuggestMarkdownName(Path.GetFileName(other))}), or move it out of {folderName}/.");
        var listed = CourseFiles.List(content.Root, folder, ".md", recursive: false, skipDotNames: false, diagnostics, p => content.Display(content.Relative(p)));
        if (listed.Count == 0)
        {
            var jekyll = File.Exists(Path.Combine(content.Root, "_config.yml"));
            diagnostics.Error(DiagnosticCodes.NoSessions, content.Display(folderName), 1, 1,
                $"No session file (*.md) in {content.Display(folderName)}; there is no schedule to build.",
                jekyll
                    ? $"This folder holds a Jekyll course (_config.yml): run `sitegen import jekyll` in {content.DisplayPrefix}/ once, then `sitegen build` there."
                    : $"Add session files to {content.Display(folderName)}/ (`sitegen new session \"Title\"` writes one), or pass --content PATH to the course's content folder.");
            return [];
        }
        var files = listed.Where(f => HasUsableName(f, content, diagnostics)).ToArray();
        var sessions = new Session[files.Length];
        Parallel.For(0, files.Length, i =>
        {
            var relative = content.Relative(files[i]);
            sessions[i] = Parse(ReadSplit(files[i]), relative, content, config, diagnostics);
        });
        return Order(sessions);
    }

    /// <summary>
    /// A file named only with dots ("...md", "..md", ".md") would have the URL sessions/../ or sessions/./ (the home page,
    /// the sessions index): refused with an error, so it is neither built over another page nor dropped in silence.
    /// </summary>
    internal static bool HasUsableName(string file, ContentSource content, DiagnosticBag diagnostics)
    {
        var name = Path.GetFileNameWithoutExtension(file);
        if (name.Trim('.').Length > 0) return true;
        diagnostics.Error(DiagnosticCodes.BadFileName, content.Display(content.Relative(file)), 1, 1,
            $"The file name '{Path.GetFileName(file)}' is made only of dots: its page would land on another page's URL; the file is not built.",
            "Rename it to a name with letters or digits, e.g. S01-topic.md.");
        return false;
    }

    /// <summary>
    /// LOrder first (files that have it), then the rest by ordinal file name with its extension, as Jekyll orders a
    /// collection (by the document's path, so "S0-L02.1.md" comes before "S0-L02.md"); authors rely on "S1-L0A" sorting
    /// between "S1-L08" and "S1-L10".
    /// </summary>
    public static IReadOnlyList<Session> Order(IEnumerable<Session> sessions) =>
        sessions.OrderBy(s => s.LOrder is null ? 1 : 0)
            .ThenBy(s => s.LOrder ?? 0)
            .ThenBy(s => Path.GetFileName(s.File), StringComparer.Ordinal)
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>"W11.2.planningmd" -> "W11.2.planning.md"; "notes.txt" -> "notes.md".</summary>
    private static string SuggestMarkdownName(string file)
    {
        if (file.EndsWith("md", StringComparison.OrdinalIgnoreCase) && file.Length > 2) return file[..^2].TrimEnd('.') + ".md";
        var dot = file.LastIndexOf('.');
        return (dot > 0 ? file[..dot] : file) + ".md";
    }

    /// <summary>
    /// File.ReadAllText's result (UTF-8, BOM dropped, invalid bytes as U+FFFD) from one byte array and one string:
    /// its reader's buffers cost more than the text itself. A UTF-16 or UTF-32 byte-order mark is left to File.ReadAllText.
    /// </summary>
    internal static string ReadText(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return HasWideBom(bytes) ? File.ReadAllText(path) : Encoding.UTF8.GetString(WithoutUtf8Bom(bytes));
    }

    /// <summary>A UTF-16 or UTF-32 byte-order mark: such files are left to File.ReadAllText.</summary>
    private static bool HasWideBom(ReadOnlySpan<byte> bytes) => ByteOrderMark.Wide(bytes) is not null;

    private static ReadOnlySpan<byte> WithoutUtf8Bom(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes[3..] : bytes;

    /// <summary>
    /// <see cref="FrontMatter.Split(string)"/> of <see cref="ReadText"/>'s text, made from the bytes without the whole
    /// text: a file's bytes go into a pooled buffer, and only the YAML and the body become strings.
    /// </summary>
    internal static FrontMatter ReadSplit(string path)
    {
        using var handle = File.OpenHandle(path);
        var fileLength = RandomAccess.GetLength(handle);
        // Length 0 may be a file that reports none (procfs) and still has text: File.ReadAllBytes reads those to the end.
        if (fileLength == 0 || fileLength > Array.MaxLength) return FrontMatter.Split(ReadText(path));
        var buffer = ArrayPool<byte>.Shared.Rent((int)fileLength);
        try
        {
            var length = 0;
            while (length < fileLength)
            {
                var read = RandomAccess.Read(handle, buffer.AsSpan(length, (int)fileLength - length), length);
                if (read == 0) break;
                length += read;
            }
            var span = buffer.AsSpan(0, length);
            return HasWideBom(span) ? FrontMatter.Split(File.ReadAllText(path)) : FrontMatter.Split(WithoutUtf8Bom(span));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <param name="relativePath">Relative to the content folder, e.g. sessions/W01.md.</param>
    public static Session Parse(string text, string relativePath, ContentSource content, SiteConfig config, DiagnosticBag diagnostics) =>
        Parse(FrontMatter.Split(text), relativePath, content, config, diagnostics);

    /// <param name="split">The file's text split into front matter and body.</param>
    /// <param name="relativePath">Relative to the content folder, e.g. sessions/W01.md.</param>
    internal static Session Parse(FrontMatter split, string relativePath, ContentSource content, SiteConfig config, DiagnosticBag diagnostics)
    {
        var session = ParseFields(split, relativePath, content, config, diagnostics);
        try
        {
            var rendered = SessionBody.Render(session);
            WarnUnclosedComment(rendered, content.Display(relativePath), diagnostics);
            return rendered;
        }
        catch (ArgumentException e) when (MarkdownRenderer.IsDepthLimit(e))
        {
            // One session nested past Markdig's limit must not take the build down: its text is still shown, as written.
            diagnostics.Warning(DiagnosticCodes.SessionBodyTooDeep, content.Display(relativePath), session.BodyLine, 1,
                $"The body of {Path.GetFileName(relativePath)} nests quotes or lists too deeply for Markdown to render; it is shown as preformatted text.",
                "Reduce the nesting of > quotes and indented list items (a few levels are plenty).");
            return SessionBody.Preformatted(session);
        }
    }

    /// <summary>
    /// A "&lt;!--" that Markdown passed through as HTML and that nothing closes hides the rest of the page in the browser
    /// (readings, footer): read from the rendered HTML, where one inside code is already escaped and so harmless.
    /// </summary>
    private static void WarnUnclosedComment(Session session, string display, DiagnosticBag diagnostics)
    {
        var unclosed = session.BodyParts.Any(part => part.Html.LastIndexOf("<!--", StringComparison.Ordinal) is var at and >= 0
                                                      && part.Html.IndexOf("-->", at + 4, StringComparison.Ordinal) < 0);
        if (!unclosed) return;
        var lines = session.Body.Split('\n');
        var line = Array.FindLastIndex(lines, l => l.Contains("<!--", StringComparison.Ordinal));
        diagnostics.Warning(DiagnosticCodes.SessionUnclosedComment, display, session.BodyLine + Math.Max(line, 0), 1,
            "An HTML comment (<!--) opened here is never closed: browsers hide everything after it, readings included.",
            "Close it with --> where the comment should end, or write &lt;!-- to show the characters.");
    }

    /// <summary>The session's fields and readings from its text, before its markdown is rendered.</summary>
    private static Session ParseFields(FrontMatter split, string relativePath, ContentSource content, SiteConfig config, DiagnosticBag diagnostics)
    {
        var display = content.Display(relativePath);
        var name = Path.GetFileNameWithoutExtension(relativePath);
        var session = new Session { Name = name, File = relativePath, Title = name };

        // Without front matter the body is the whole (normalised) text, so this is "the file is only whitespace".
        if (split.Yaml is null && string.IsNullOrWhiteSpace(split.Body))
        {
            diagnostics.Warning(DiagnosticCodes.SessionEmpty, display, 1, 1,
                $"Session file {Path.GetFileName(relativePath)} is empty; it is listed in the schedule under its file name.",
                "Add front matter with at least a title, e.g. ---\\ntitle: My session\\n---, or run `sitegen new session \"Title\"`.");
            return session;
        }

        if (split.Unclosed)
        {
            diagnostics.Error(DiagnosticCodes.SessionUnclosedFrontMatter, display, 1, 1,
                $"The front matter of {Path.GetFileName(relativePath)} opens with --- but never closes.", "Add a line with just --- after the last front-matter key.");
        }
        else if (split.Yaml is null)
        {
            diagnostics.Error(DiagnosticCodes.SessionNoFrontMatter, display, 1, 1,
                $"No front matter in {Path.GetFileName(relativePath)}. Did you forget the opening `---`?",
                "Start the file with ---, then title: ..., lecture: ..., then --- on its own line.");
        }
        else
        {
            session = ApplyFrontMatter(session, split.Yaml, split.YamlLine, display, content, config, diagnostics);
        }

        var body = ReplaceBaseUrl(split.Body, config.BaseUrl);
        var marker = body.IndexOf(ExcerptMarker, StringComparison.Ordinal);
        var readings = ReadingsParser.Parse(relativePath, name, split.Body, split.BodyLine, display, diagnostics);
        return session with
        {
            Body = body,
            BodyLine = split.BodyLine,
            Summary = marker >= 0 ? body[..marker].Trim() : "",
            Readings = readings,
        };
    }

    private static void ReportYamlError(YamlError error, int yamlLine, string display, DiagnosticBag diagnostics) =>
        diagnostics.Error(DiagnosticCodes.SessionYaml, display, yamlLine - 1 + error.Line, error.Column,
            $"The front matter {(error.OverLimit ? "is not read" : "is not valid YAML")}: {error.Message}; the session is listed under its file name until this is fixed.",
            error.Hint ?? "Check the indentation on that line, close any [ or {, and quote values containing ': ' or '#', or starting with '[', '{', '*' or a quote.");

    /// <summary>Jekyll's {{ site.baseurl }} in links and images: "{{ site.baseurl }}/x" becomes "{base}x" with no double slash.</summary>
    public static string ReplaceBaseUrl(string body, string baseUrl)
    {
        if (!body.Contains("site.baseurl", StringComparison.Ordinal)) return body;
        var withoutSlash = baseUrl.TrimEnd('/');
        return System.Text.RegularExpressions.Regex.Replace(body, @"\{\{\s*site\.baseurl\s*\}\}(/?)",
            m => m.Groups[1].Length > 0 ? baseUrl : withoutSlash);
    }

    private static Session ApplyFrontMatter(Session session, string yaml, int yamlLine, string display, ContentSource content, SiteConfig config, DiagnosticBag diagnostics)
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
                        suggestion is null ? $"Known keys: {string.Join(", ", KnownKeys)}." : $"Did you mean '{suggestion}'?");
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
        foreach (var known in KnownKeys)
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
