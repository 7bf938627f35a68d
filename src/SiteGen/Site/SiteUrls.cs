using SiteGen.Model;

namespace SiteGen.Site;

/// <summary>The URLs the site model gives out, each starting with the base URL; where sessions and the sessions and tags pages live is the course's <see cref="CourseLayout"/>.</summary>
internal static class SiteUrls
{
    public static string Session(string baseUrl, CourseLayout layout, string name) => baseUrl + layout.SessionUrlPath(name);

    public static string SessionsPage(string baseUrl, CourseLayout layout) => baseUrl + layout.SessionsPagePath;

    public static string TagsPage(string baseUrl, CourseLayout layout) => baseUrl + layout.TagsPagePath;

    public static string CatalogPage(string baseUrl, int number) => number == 1 ? baseUrl + "papers/" : $"{baseUrl}papers/page/{number}/";

    /// <summary>A tag's place on the tags page.</summary>
    public static string Tag(string baseUrl, CourseLayout layout, string slug) => $"{TagsPage(baseUrl, layout)}#{slug}";

    public static string StaticPage(string baseUrl, string urlPath) => baseUrl + urlPath;

    /// <summary>The navigation's fixed links, before the static pages.</summary>
    public static List<NavLink> Navigation(string baseUrl, CourseLayout layout) =>
    [
        new("Schedule", baseUrl),
        new("All sessions", SessionsPage(baseUrl, layout)),
        new("Readings", baseUrl + "papers/"),
        new("Tags", TagsPage(baseUrl, layout)),
    ];
}
