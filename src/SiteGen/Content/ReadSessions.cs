using System.Buffers;
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
            session = SessionFrontMatter.Apply(session, split.Yaml, split.YamlLine, display, content, config, diagnostics);
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

    /// <summary>Jekyll's {{ site.baseurl }} in links and images: "{{ site.baseurl }}/x" becomes "{base}x" with no double slash.</summary>
    public static string ReplaceBaseUrl(string body, string baseUrl)
    {
        if (!body.Contains("site.baseurl", StringComparison.Ordinal)) return body;
        var withoutSlash = baseUrl.TrimEnd('/');
        return System.Text.RegularExpressions.Regex.Replace(body, @"\{\{\s*site\.baseurl\s*\}\}(/?)",
            m => m.Groups[1].Length > 0 ? baseUrl : withoutSlash);
    }

}
