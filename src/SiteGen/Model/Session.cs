namespace SiteGen.Model;

/// <summary>A class meeting read from content/sessions/{Name}.md. Instructor HTML fields are trusted and rendered as HTML.</summary>
public sealed record Session
{
    /// <summary>File basename without .md; the URL is /sessions/{Name}/.</summary>
    public required string Name { get; init; }
    /// <summary>Relative to the content folder, e.g. sessions/W01.md.</summary>
    public required string File { get; init; }
    public required string Title { get; init; }
    /// <summary>Normalised slide deck name (no Lectures/ prefix, no .pdf), or null.</summary>
    public string? Lecture { get; init; }
    public bool LectureExists { get; init; }
    /// <summary>The deck's URL path under the site root when the deck exists, e.g. "Lectures/W8.2-Model%20Serving.pdf"; else null.</summary>
    public string? LectureUrlPath { get; init; }
    public string? ExtraContent { get; init; }
    public bool ExtraContentExists { get; init; }
    /// <summary>As <see cref="LectureUrlPath"/>, for extraContent.</summary>
    public string? ExtraContentUrlPath { get; init; }
    public string LectureVersion { get; init; } = "";
    public string NotesHtml { get; init; } = "";
    public string MoreNotesHtml { get; init; } = "";
    public string VideoHtml { get; init; } = "";
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyList<string> Categories { get; init; } = [];
    public string Desc { get; init; } = "";
    public string Term { get; init; } = "";
    public int? LOrder { get; init; }
    public string Layout { get; init; } = "post";
    public bool IsExtra { get; init; }
    public bool IsPlatform { get; init; }
    public bool IsBackground { get; init; }
    public bool IsExam { get; init; }
    /// <summary>A title containing "Section" is a banner row in the schedule.</summary>
    public bool IsSection { get; init; }
    public DateOnly? Date { get; init; }
    /// <summary>Markdown body with {{ site.baseurl }} already replaced.</summary>
    public string Body { get; init; } = "";
    /// <summary>1-based line in the file where the body starts.</summary>
    public int BodyLine { get; init; } = 1;
    /// <summary>Markdown text before &lt;!--excerpt.start--&gt;, or empty.</summary>
    public string Summary { get; init; } = "";
    /// <summary>The summary rendered to HTML (no heading ids), or empty.</summary>
    public string SummaryHtml { get; init; } = "";
    public IReadOnlyList<PaperRecord> Readings { get; init; } = [];
    /// <summary>The body in order: rendered markdown, and where each reading's entry stood (it becomes a card on the page).</summary>
    public IReadOnlyList<SessionBodyPart> BodyParts { get; init; } = [];
    /// <summary>The session's text for search: its own prose as plain text, then each reading's title, authors and notes.</summary>
    public string SearchText { get; init; } = "";
}

/// <summary>
/// A run of a session's body: rendered markdown (may be empty), then the readings (indexes into
/// <see cref="Session.Readings"/>) whose entries followed it.
/// </summary>
public sealed record SessionBodyPart(string Html, IReadOnlyList<int> Readings);

/// <summary>A static page from content/pages/{Name}.md.</summary>
public sealed record StaticPage(string Name, string File, string Title, string Body, int Order)
{
    public string BodyHtml { get; init; } = "";
    /// <summary>The body as plain text, for search.</summary>
    public string SearchText { get; init; } = "";
    /// <summary>
    /// The page's URL path below the base URL: "{Name}/" (a folder), "{Name}.html" (Jekyll's default for pages), or the
    /// path its front-matter permalink gives.
    /// </summary>
    public string UrlPath { get; init; } = Name + "/";
    /// <summary>Where the page is written, relative to the site folder.</summary>
    public string OutputFile => UrlPath.EndsWith('/') ? UrlPath + "index.html" : UrlPath;
}
