namespace SiteGen.Model;

// What the templates see. Fields of type TrustedHtml (instructor front matter, rendered markdown) are written as
// they are; every other value is escaped by the template engine.

public sealed record NavLink(string Title, string Url);

/// <param name="Anchor">The tag's slug, used as the id on the tags page (not named Slug: templates resolve that name to the slug helper).</param>
public sealed record TagLink(string Name, string Anchor, string Url);

/// <param name="SiteUrl">The site's own address (site.yml's url:, "" when unset), for absolute URLs.</param>
public sealed record SiteView(string Title, string Description, string BaseUrl, string Term, IReadOnlyList<NavLink> Nav, string SiteUrl = "")
{
    /// <summary>URL of the all-sessions page (BaseUrl + "sessions/" unless the course keeps another path).</summary>
    public string SessionsUrl { get; init; } = BaseUrl + "sessions/";
    /// <summary>URL of the tags page.</summary>
    public string TagsUrl { get; init; } = BaseUrl + "tags/";
    /// <summary>Instructor HTML above the schedule on the home page (trusted).</summary>
    public TrustedHtml HomeIntroHtml { get; init; } = TrustedHtml.Empty;
    /// <summary>Which of the schedule's optional columns some session fills.</summary>
    public ScheduleColumns Columns { get; init; } = new();
}

/// <summary>The schedule's optional columns: each is shown only when some session has a value for it.</summary>
public sealed record ScheduleColumns
{
    public bool Week { get; init; }
    public bool Quiz { get; init; }
    public bool Homework { get; init; }
    public bool Talk { get; init; }
    public bool Project { get; init; }
    /// <summary>How many columns the schedule has: the six it always shows and the optional ones shown.</summary>
    public int Span => 6 + (Week ? 1 : 0) + (Quiz ? 1 : 0) + (Homework ? 1 : 0) + (Talk ? 1 : 0) + (Project ? 1 : 0);

    public static ScheduleColumns Of(IReadOnlyList<SessionView> sessions) => new()
    {
        Week = sessions.Any(s => s.WeekLabel is not null),
        Quiz = sessions.Any(s => s.Quiz is not null),
        Homework = sessions.Any(s => s.Homework is not null),
        Talk = sessions.Any(s => s.Talk is not null),
        Project = sessions.Any(s => s.Project is not null),
    };
}

public sealed record SourceView(string File, int Line, string Kind);

public sealed record SessionLink(string Title, string Url);

/// <summary>A reading card: the merged paper as the catalog knows it, for one reading of one session.</summary>
public sealed record ReadingCard
{
    public required string PaperId { get; init; }
    public required string Title { get; init; }
    public string Authors { get; init; } = "";
    public string? ArxivId { get; init; }
    public string? AbsUrl { get; init; }
    public string? PdfUrl { get; init; }
    public string? Date { get; init; }
    public string? Abstract { get; init; }
    public string? Comments { get; init; }
    public string CatalogUrl { get; init; } = "";
    public string Section { get; init; } = "";
    /// <summary>
    /// The session's own short lines in this reading's entry (venue, highlight, a remark after it), as written there:
    /// the card replaces the entry's text on the page, so they are shown on it rather than lost.
    /// </summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
    /// <summary>Other places the same paper was seen (listings, sessions), for the card's footer.</summary>
    public IReadOnlyList<SourceView> Sources { get; init; } = [];
}

public sealed record BodyPart(TrustedHtml Html, IReadOnlyList<ReadingCard> Cards);

public sealed record SessionView
{
    public required string Name { get; init; }
    public required string Url { get; init; }
    public required string Title { get; init; }
    public required string File { get; init; }
    public string? SlideUrl { get; init; }
    public string? SlideName { get; init; }
    public bool SlideMissing { get; init; }
    public string? ExtraUrl { get; init; }
    public string? ExtraName { get; init; }
    public bool ExtraMissing { get; init; }
    public string LectureVersion { get; init; } = "";
    public TrustedHtml NotesHtml { get; init; } = TrustedHtml.Empty;
    public TrustedHtml MoreNotesHtml { get; init; } = TrustedHtml.Empty;
    public TrustedHtml VideoHtml { get; init; } = TrustedHtml.Empty;
    public IReadOnlyList<TagLink> Tags { get; init; } = [];
    public IReadOnlyList<string> Categories { get; init; } = [];
    public string Topic { get; init; } = "";
    public string? Date { get; init; }
    public string? DateIso { get; init; }
    public int? Week { get; init; }
    /// <summary>The week as the schedule file labels it ("W1", "WB" for the break), shown in its own column.</summary>
    public string? WeekLabel { get; init; }
    public string? Quiz { get; init; }
    public string? Homework { get; init; }
    public string? Talk { get; init; }
    public string? Project { get; init; }
    public bool IsCurrentWeek { get; init; }
    /// <summary>Row kind for styling: session, section, extra, platform, background, exam.</summary>
    public string Kind { get; init; } = "session";
    public bool IsSection { get; init; }
    /// <summary>The "we are here" marker goes before this row.</summary>
    public bool WeAreHere { get; init; }
    public TrustedHtml SummaryHtml { get; init; } = TrustedHtml.Empty;
    /// <summary>The body in order: rendered markdown, with the papers of reading sections replaced by cards where they stood.</summary>
    public IReadOnlyList<BodyPart> Body { get; init; } = [];
    public IReadOnlyList<ReadingCard> Readings { get; init; } = [];
    public int ReadingCount { get; init; }
    /// <summary>"1 reading", "3 readings": the count as the schedule shows it.</summary>
    public string ReadingCountText => ReadingCount == 1 ? "1 reading" : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{ReadingCount} readings");
    public SessionLink? Previous { get; init; }
    public SessionLink? Next { get; init; }
}

public sealed record TagView(string Name, string Anchor, IReadOnlyList<SessionLink> Sessions)
{
    /// <summary>Other anchors that land on this tag: those a Jekyll course site used ("Deep-Learning" where the slug is "deep-learning").</summary>
    public IReadOnlyList<string> OldAnchors { get; init; } = [];
    public int SessionCount => Sessions.Count;
}

public sealed record PaperView
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public string Authors { get; init; } = "";
    public string? Date { get; init; }
    public string? ArxivId { get; init; }
    public string? AbsUrl { get; init; }
    public string? PdfUrl { get; init; }
    public string? Abstract { get; init; }
    public IReadOnlyList<SessionLink> Sessions { get; init; } = [];
    public IReadOnlyList<SourceView> Sources { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];
}

public sealed record PageLink(int Number, string Url, bool Current);

/// <summary>One page of the readings catalog; large catalogs are split so no page grows without bound.</summary>
public sealed record CatalogPageView(int Number, int PageCount, string Url, IReadOnlyList<PaperView> Papers, IReadOnlyList<PageLink> Pages, int TotalPapers);

/// <param name="OutputFile">Where the page is written, relative to the site folder.</param>
public sealed record StaticPageView(string Name, string Url, string Title, TrustedHtml BodyHtml, string OutputFile);

public sealed record ReviewView(string Kind, double Score, string Reasons, PaperView? A, PaperView? B, string KeyA, string KeyB);

/// <summary>Everything the templates render, built once from sessions, catalog and pages.</summary>
public sealed record SiteModel
{
    public required SiteView Site { get; init; }
    public IReadOnlyList<SessionView> Sessions { get; init; } = [];
    public IReadOnlyList<TagView> Tags { get; init; } = [];
    public IReadOnlyList<CatalogPageView> CatalogPages { get; init; } = [];
    public IReadOnlyList<StaticPageView> Pages { get; init; } = [];
    public IReadOnlyList<ReviewView> Review { get; init; } = [];
    public IReadOnlyList<PaperView> Papers { get; init; } = [];
}
