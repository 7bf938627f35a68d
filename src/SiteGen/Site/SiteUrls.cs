using SiteGen.Model;

namespace SiteGen.Site;

/// <summary>The URLs the site model gives out, each starting with the base URL.</summary>
internal static class SiteUrls
{
    public static string Session(string baseUrl, string name) => $"{baseUrl}sessions/{Uri.EscapeDataString(name)}/";

    public static string CatalogPage(string baseUrl, int number) => number == 1 ? baseUrl + "papers/" : $"{baseUrl}papers/page/{number}/";

    /// <summary>A tag's place on the tags page.</summary>
    public static string Tag(string baseUrl, string slug) => $"{baseUrl}tags/#{slug}";

    public static string StaticPage(string baseUrl, string name) => $"{baseUrl}{name}/";

    /// <summary>The navigation's fixed links, before the static pages.</summary>
    public static List<NavLink> Navigation(string baseUrl) =>
    [
        new("Schedule", baseUrl),
        new("All sessions", baseUrl + "sessions/"),
        new("Readings", baseUrl + "papers/"),
        new("Tags", baseUrl + "tags/"),
    ];
}
