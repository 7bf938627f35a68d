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
}
