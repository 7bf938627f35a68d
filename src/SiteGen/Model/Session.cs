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
    public string? ExtraContent { get; init; }
    public bool ExtraContentExists { get; init; }
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
    public IReadOnlyList<PaperRecord> Readings { get; init; } = [];
}

/// <summary>A static page from content/pages/{Name}.md.</summary>
public sealed record StaticPage(string Name, string File, string Title, string Body, int Order);
