namespace SiteGen.Model;

/// <summary>Settings from <c>content/site.yml</c>. Every property has a stated default so a bare content folder builds.</summary>
public sealed record SiteConfig
{
    public static SiteConfig Default { get; } = new();

    public string Title { get; init; } = "Course";
    public string Description { get; init; } = "";
    /// <summary>Always starts and ends with '/', e.g. "/" or "/course/".</summary>
    public string BaseUrl { get; init; } = "/";
    /// <summary>Absolute origin for feeds and sitemap, e.g. "https://user.github.io"; empty when unknown.</summary>
    public string SiteUrl { get; init; } = "";
    public string Term { get; init; } = "";
    public string Author { get; init; } = "";
    /// <summary>Templates folder relative to the content folder's parent; null means "templates/ beside content/, else built-in".</summary>
    public string? Templates { get; init; }
    /// <summary>First day of term; with <see cref="MeetingDays"/> gives dates to sessions without a <c>date</c>.</summary>
    public DateOnly? TermStart { get; init; }
    public IReadOnlyList<DayOfWeek> MeetingDays { get; init; } = [];
    /// <summary>Per-file listing format override: file name (relative to listings/) to "arxiv" | "hf" | "hf-plain".</summary>
    public IReadOnlyDictionary<string, string> ListingFormats { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
    /// <summary>Pages shown in the navigation, in order: file basenames from content/pages/.</summary>
    public IReadOnlyList<string> NavPages { get; init; } = [];
    /// <summary>What the search index holds (site.yml <c>search:</c>).</summary>
    public SearchSettings Search { get; init; } = new();
    /// <summary>Where the course's files are and at which URLs its pages are served (site.yml <c>sessions:</c>, <c>session_url:</c>, ...).</summary>
    public CourseLayout Layout { get; init; } = new();
    /// <summary>Instructor HTML shown on the home page above the schedule (site.yml <c>home_intro:</c>); trusted.</summary>
    public string HomeIntroHtml { get; init; } = "";
    /// <summary>Per-session schedule data by session name (the file named by site.yml <c>schedule:</c>, default schedule.yml).</summary>
    public IReadOnlyDictionary<string, ScheduleEntry> Schedule { get; init; } = new Dictionary<string, ScheduleEntry>(StringComparer.Ordinal);
}

/// <summary>
/// Folders and URL paths of a course. The defaults are SiteGen's own layout (content/sessions/ served at /sessions/{name}/);
/// a course imported from Jekyll keeps its collection folder and its old URLs.
/// </summary>
public sealed record CourseLayout
{
    /// <summary>Folder of session files, relative to the content folder.</summary>
    public string SessionsFolder { get; init; } = "sessions";
    /// <summary>URL path of a session page below the base URL, before the session's name: "sessions/" gives /sessions/{name}/.</summary>
    public string SessionPath { get; init; } = "sessions/";
    /// <summary>
    /// True when a session page is a file, /sessions/{name}.html (Jekyll's default collection permalink), rather than
    /// a folder, /sessions/{name}/.
    /// </summary>
    public bool SessionPageIsHtmlFile { get; init; }
    /// <summary>Where the page of the named session is written, relative to the site folder.</summary>
    public string SessionFile(string name) => SessionPageIsHtmlFile ? $"{SessionPath}{name}.html" : $"{SessionPath}{name}/index.html";
    /// <summary>The session page's URL path below the base URL, the name escaped.</summary>
    public string SessionUrlPath(string name) => SessionPath + Uri.EscapeDataString(name) + (SessionPageIsHtmlFile ? ".html" : "/");
    /// <summary>URL path of the all-sessions page below the base URL.</summary>
    public string SessionsPagePath { get; init; } = "sessions/";
    /// <summary>URL path of the tags page below the base URL.</summary>
    public string TagsPagePath { get; init; } = "tags/";
    /// <summary>Page files relative to the content folder, in navigation order; null: every pages/*.md.</summary>
    public IReadOnlyList<string>? PageFiles { get; init; }
    /// <summary>
    /// True when a page without a permalink of its own is a file, /{name}.html (Jekyll's default for pages, site.yml
    /// <c>page_url: /:name.html</c>), rather than a folder, /{name}/.
    /// </summary>
    public bool PagesAreHtmlFiles { get; init; }
    /// <summary>Folders copied into the site as they are (besides Lectures/ and images/), relative to the content folder.</summary>
    public IReadOnlyList<string> AssetFolders { get; init; } = [];
}

/// <summary>
/// One session's row data from the schedule file: what the old home page kept in positional Liquid arrays, now by name.
/// Every field is optional; a text field is shown as written.
/// </summary>
/// <param name="Date">The session's date; when given it wins over the session's own <c>date:</c> and over term_start/meeting_days.</param>
/// <param name="DateText">A date cell that is not one date (e.g. "1202-11"), shown as written.</param>
public sealed record ScheduleEntry(DateOnly? Date = null, string? DateText = null, string? Week = null, string? Quiz = null, string? Homework = null, string? Talk = null, string? Project = null);

/// <summary>Which catalog papers the search index holds.</summary>
public enum SearchPapers
{
    /// <summary>Every paper while the catalog has at most <see cref="SearchSettings.MaxPapers"/>; above that, only papers sessions assign (with a warning).</summary>
    Auto,
    /// <summary>Every catalog paper, whatever the index weighs.</summary>
    All,
    /// <summary>Only papers that sessions assign; papers only listings mention stay in the catalog pages but out of search.</summary>
    Readings,
}

/// <summary>site.yml's <c>search:</c> settings.</summary>
/// <remarks>
/// Students download the whole lunr index before their first query, and it grows with every paper (its size per paper
/// is in docs/search.md and BENCHMARKS.md). Scraped listings can hold hundreds of thousands of papers, which no phone
/// can load; hence the limit (docs/search.md).
/// </remarks>
public sealed record SearchSettings
{
    public SearchPapers Papers { get; init; } = SearchPapers.Auto;
    public int MaxPapers { get; init; } = 5000;
}
