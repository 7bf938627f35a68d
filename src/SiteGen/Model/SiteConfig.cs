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
}

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
