using SiteGen.Model;
using SiteGen.Text;

namespace SiteGen.Site;

/// <summary>Tag links on the sessions, and the tags page: every tag (by slug) with the sessions that carry it.</summary>
internal static class TagViews
{
    public static List<TagLink> Links(IReadOnlyList<string> tags, string baseUrl, CourseLayout layout)
    {
        var links = new List<TagLink>(tags.Count);
        foreach (var tag in tags)
        {
            var slug = Slug.Of(tag);
            links.Add(new TagLink(tag, slug, SiteUrls.Tag(baseUrl, layout, slug)));
        }
        return links;
    }

    /// <summary>Tags in slug order, each named as first written, with its sessions in schedule order.</summary>
    public static List<TagView> Of(IReadOnlyList<SessionView> sessions) =>
        sessions.SelectMany(s => s.Tags.Select(t => (Slug: t.Anchor, t.Name, Session: new SessionLink(s.Title, s.Url))))
            .GroupBy(x => x.Slug, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new TagView(g.First().Name, g.Key, g.Select(x => x.Session).Distinct().ToList())
            {
                OldAnchors = g.Select(x => JekyllAnchor(x.Name, g.Key)).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            })
            .ToList();

    /// <summary>The anchor Jekyll course sites gave a tag (spaces as '-', case kept), when it is not the slug: old links to it still land on the tag.</summary>
    private static string? JekyllAnchor(string tag, string slug)
    {
        var anchor = tag.Replace(' ', '-');
        return string.Equals(anchor, slug, StringComparison.Ordinal) ? null : anchor;
    }
}
