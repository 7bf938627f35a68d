using System.Collections.Concurrent;
using System.Globalization;
using SiteGen.Model;
using SiteGen.Text;

namespace SiteGen.Site;

/// <summary>Stage: sessions, catalog, pages -> SiteModel (what the templates see, with every URL carrying the base URL).</summary>
public static class BuildSiteModel
{
    /// <summary>Papers per catalog page: big catalogs become many small pages, never one huge HTML file.</summary>
    public const int CatalogPageSize = 200;

    public static SiteModel Run(SiteConfig config, IReadOnlyList<Session> sessions, Model.Catalog catalog, IReadOnlyList<StaticPage> pages)
    {
        var baseUrl = config.BaseUrl;
        var papersById = new Dictionary<string, Paper>(catalog.Papers.Count, StringComparer.Ordinal);
        foreach (var paper in catalog.Papers) papersById.TryAdd(paper.Id, paper);
        var sessionsByName = new Dictionary<string, Session>(sessions.Count, StringComparer.Ordinal);
        foreach (var session in sessions) sessionsByName.TryAdd(session.Name, session);
        var paperViews = new PaperView[catalog.Papers.Count];
        // Ranges, not single papers, per work item: a paper's view is a few microseconds of work.
        if (paperViews.Length > 0)
            Parallel.ForEach(Partitioner.Create(0, paperViews.Length, 1024), range =>
            {
                var tags = new List<string>();
                for (var i = range.Item1; i < range.Item2; i++) paperViews[i] = PaperView(catalog.Papers[i], baseUrl, sessionsByName, tags);
            });
        // Sorted once for both the papers' catalog URLs and the catalog pages.
        var catalogOrder = CatalogOrder(paperViews);
        var catalogUrlById = CatalogUrls(catalogOrder, baseUrl);
        // Review pairs look their papers up by id: a scan per pair was quadratic on large catalogs.
        var viewById = new Dictionary<string, PaperView>(paperViews.Length, StringComparer.Ordinal);
        foreach (var view in paperViews) viewById.TryAdd(view.Id, view);

        var dates = SessionDates(config, sessions);
        var marker = WeAreHereIndex(sessions);
        var views = new SessionView[sessions.Count];
        Parallel.For(0, sessions.Count, i => views[i] = SessionView(sessions[i], i, sessions, dates, marker, config, catalog, papersById, catalogUrlById));

        var nav = new List<NavLink>
        {
            new("Schedule", baseUrl),
            new("All sessions", baseUrl + "sessions/"),
            new("Readings", baseUrl + "papers/"),
            new("Tags", baseUrl + "tags/"),
        };
        var pageViews = pages.Select(p => new StaticPageView(p.Name, $"{baseUrl}{p.Name}/", p.Title, p.BodyHtml)).ToList();
        nav.AddRange(pageViews.Select(p => new NavLink(p.Title, p.Url)));

        return new SiteModel
        {
            Site = new SiteView(config.Title, config.Description, baseUrl, config.Term, nav),
            Sessions = views,
            Tags = Tags(views),
            Papers = paperViews,
            CatalogPages = CatalogPages(catalogOrder, baseUrl),
            Pages = pageViews,
            Review = catalog.Review.Select(r => new ReviewView(r.Kind, r.Score, string.Join("; ", r.Reasons),
                viewById.GetValueOrDefault(r.PaperA), viewById.GetValueOrDefault(r.PaperB), r.KeyA, r.KeyB)).ToList(),
        };
    }

    private static SessionView SessionView(Session s, int index, IReadOnlyList<Session> all, IReadOnlyDictionary<string, DateOnly> dates, int marker,
        SiteConfig config, Model.Catalog catalog, IReadOnlyDictionary<string, Paper> papersById, IReadOnlyDictionary<string, string> catalogUrlById)
    {
        var baseUrl = config.BaseUrl;
        var cards = new List<ReadingCard>(s.Readings.Count);
        foreach (var r in s.Readings) cards.Add(Card(r, catalog, papersById, catalogUrlById, baseUrl));
        DateOnly? date = dates.TryGetValue(s.Name, out var d) ? d : null;
        return new SessionView
        {
            Name = s.Name,
            Url = SessionUrl(baseUrl, s.Name),
            Title = s.Title,
            File = s.File,
            SlideName = s.Lecture,
            SlideUrl = s.LectureUrlPath is null ? null : baseUrl + s.LectureUrlPath,
            SlideMissing = s.Lecture is not null && !s.LectureExists,
            ExtraName = s.ExtraContent,
            ExtraUrl = s.ExtraContentUrlPath is null ? null : baseUrl + s.ExtraContentUrlPath,
            ExtraMissing = s.ExtraContent is not null && !s.ExtraContentExists,
            LectureVersion = s.LectureVersion,
            NotesHtml = s.NotesHtml,
            MoreNotesHtml = s.MoreNotesHtml,
            VideoHtml = s.VideoHtml,
            Tags = TagLinks(s.Tags, baseUrl),
            Categories = s.Categories,
            Topic = s.Categories.Count > 0 ? s.Categories[0] : "",
            Date = date?.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture),
            DateIso = date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Week = date is { } dd && config.TermStart is { } start ? (dd.DayNumber - start.DayNumber) / 7 + 1 : null,
            Kind = Kind(s),
            IsSection = s.IsSection,
            WeAreHere = index == marker,
            SummaryHtml = s.SummaryHtml,
            Body = BodyParts(s, cards),
            Readings = cards,
            ReadingCount = cards.Count,
            Previous = index > 0 ? new SessionLink(all[index - 1].Title, SessionUrl(baseUrl, all[index - 1].Name)) : null,
            Next = index + 1 < all.Count ? new SessionLink(all[index + 1].Title, SessionUrl(baseUrl, all[index + 1].Name)) : null,
        };
    }

    public static string SessionUrl(string baseUrl, string name) => $"{baseUrl}sessions/{Uri.EscapeDataString(name)}/";

    private static string Kind(Session s) => s switch
    {
        { IsSection: true } => "section",
        { IsExam: true } => "exam",
        { IsPlatform: true } => "platform",
        { IsBackground: true } => "background",
        { IsExtra: true } => "extra",
        _ when s.Title.StartsWith("Platform", StringComparison.OrdinalIgnoreCase) => "platform",
        _ when s.Title.StartsWith("Extra", StringComparison.OrdinalIgnoreCase) => "extra",
        _ => "session",
    };

    /// <summary>The marker goes before the first session whose lectureVersion is not "current", once some earlier session is current.</summary>
    private static int WeAreHereIndex(IReadOnlyList<Session> sessions)
    {
        var seenCurrent = false;
        for (var i = 0; i < sessions.Count; i++)
        {
            if (sessions[i].IsSection) continue;
            if (string.Equals(sessions[i].LectureVersion, "current", StringComparison.Ordinal)) seenCurrent = true;
            else if (seenCurrent) return i;
        }
        return -1;
    }

    /// <summary>A session's own date, else the next meeting day after the previous dated session when site.yml gives term_start and meeting_days.</summary>
    private static Dictionary<string, DateOnly> SessionDates(SiteConfig config, IReadOnlyList<Session> sessions)
    {
        var dates = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        DateOnly? cursor = config.TermStart?.AddDays(-1);
        foreach (var s in sessions)
        {
            if (s.Date is { } own) { dates[s.Name] = own; cursor = own; continue; }
            if (s.IsSection || cursor is null || config.MeetingDays.Count == 0) continue;
            var next = cursor.Value.AddDays(1);
            while (!config.MeetingDays.Contains(next.DayOfWeek)) next = next.AddDays(1);
            dates[s.Name] = next;
            cursor = next;
        }
        return dates;
    }

    private static List<TagLink> TagLinks(IReadOnlyList<string> tags, string baseUrl)
    {
        var links = new List<TagLink>(tags.Count);
        foreach (var tag in tags) links.Add(TagLink(tag, baseUrl));
        return links;
    }

    private static TagLink TagLink(string tag, string baseUrl)
    {
        var slug = Slug.Of(tag);
        return new TagLink(tag, slug, $"{baseUrl}tags/#{slug}");
    }

    private static List<TagView> Tags(IReadOnlyList<SessionView> sessions) =>
        sessions.SelectMany(s => s.Tags.Select(t => (Slug: t.Anchor, t.Name, Session: new SessionLink(s.Title, s.Url))))
            .GroupBy(x => x.Slug, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new TagView(g.First().Name, g.Key, g.Select(x => x.Session).Distinct().ToList()))
            .ToList();

    /// <summary>The tags of the sessions that read the paper, sorted (ordinal) and distinct; <paramref name="scratch"/> is reused between papers.</summary>
    private static List<string> PaperTags(Paper p, IReadOnlyDictionary<string, Session> sessionsByName, List<string> scratch)
    {
        scratch.Clear();
        foreach (var name in p.Sessions)
            if (sessionsByName.TryGetValue(name, out var session)) scratch.AddRange(session.Tags);
        if (scratch.Count == 0) return [];
        scratch.Sort(StringComparer.Ordinal);
        var tags = new List<string>(scratch.Count) { scratch[0] };
        for (var i = 1; i < scratch.Count; i++)
            if (!string.Equals(scratch[i], tags[^1], StringComparison.Ordinal)) tags.Add(scratch[i]);
        return tags;
    }

    // Plain loops rather than LINQ with lambdas: a closure and its delegates per paper cost more than the view itself.
    private static PaperView PaperView(Paper p, string baseUrl, IReadOnlyDictionary<string, Session> sessionsByName, List<string> scratch)
    {
        var sessions = new List<SessionLink>(p.Sessions.Count);
        foreach (var name in p.Sessions)
            if (sessionsByName.TryGetValue(name, out var session)) sessions.Add(new SessionLink(session.Title, SessionUrl(baseUrl, name)));
        return new PaperView
        {
            Id = p.Id,
            Title = p.Title ?? FallbackTitle(p),
            Authors = AuthorLine(p.Authors, p.AuthorCount),
            Date = p.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ArxivId = p.ArxivId,
            AbsUrl = p.ArxivId is null ? p.Url : "https://arxiv.org/abs/" + p.ArxivId,
            PdfUrl = p.ArxivId is null ? null : "https://arxiv.org/pdf/" + p.ArxivId,
            Abstract = p.Abstract,
            Sessions = sessions,
            Sources = SourceViews(p.Records, except: null),
            Tags = PaperTags(p, sessionsByName, scratch),
        };
    }

    /// <summary>Where the records came from, leaving out <paramref name="except"/> (the reading a card stands for).</summary>
    private static List<SourceView> SourceViews(IReadOnlyList<PaperRecord> records, SourceRef? except)
    {
        var views = new List<SourceView>(records.Count);
        foreach (var r in records)
            if (except is null || r.Source != except) views.Add(new SourceView(r.Source.File, r.Source.StartLine, r.Source.KindName));
        return views;
    }

    /// <summary>An arXiv listing entry has no title until another source gives one: show the id, or the abstract's start.</summary>
    private static string FallbackTitle(Paper p)
    {
        if (p.ArxivId is not null) return $"arXiv:{p.ArxivId}";
        return Excerpt.CutAtWord(p.Abstract ?? "Untitled paper", 90);
    }

    public static string AuthorLine(IReadOnlyList<string> authors, int? count)
    {
        if (authors.Count == 0) return count is > 0 ? $"{count} authors" : "";
        var shown = authors.Count > 12 ? string.Join(", ", authors.Take(10)) + $", … ({(count ?? authors.Count) - 10} more)" : string.Join(", ", authors);
        return count is { } n && n > authors.Count && authors.Count <= 12 ? $"{shown} (+{n - authors.Count} more)" : shown;
    }

    /// <summary>Papers sorted newest first (undated last, then by title, then by id).</summary>
    private static PaperView[] CatalogOrder(IReadOnlyList<PaperView> papers)
    {
        // One comparison over the three keys (what OrderByDescending/ThenBy/ThenBy gave); position breaks any full tie,
        // so the order stays that of a stable sort.
        var order = new int[papers.Count];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(order, (a, b) =>
        {
            var x = papers[a];
            var y = papers[b];
            var byDate = string.CompareOrdinal(y.Date ?? "", x.Date ?? "");
            if (byDate != 0) return byDate;
            var byTitle = string.CompareOrdinal(x.Title, y.Title);
            if (byTitle != 0) return byTitle;
            var byId = string.CompareOrdinal(x.Id, y.Id);
            return byId != 0 ? byId : a.CompareTo(b);
        });
        var sorted = new PaperView[order.Length];
        for (var i = 0; i < order.Length; i++) sorted[i] = papers[order[i]];
        return sorted;
    }

    private static string CatalogPageUrl(string baseUrl, int number) => number == 1 ? baseUrl + "papers/" : $"{baseUrl}papers/page/{number}/";

    private static Dictionary<string, string> CatalogUrls(IReadOnlyList<PaperView> ordered, string baseUrl)
    {
        var urls = new Dictionary<string, string>(ordered.Count, StringComparer.Ordinal);
        var pageUrl = "";
        for (var i = 0; i < ordered.Count; i++)
        {
            if (i % CatalogPageSize == 0) pageUrl = CatalogPageUrl(baseUrl, i / CatalogPageSize + 1) + "#paper-";
            urls[ordered[i].Id] = pageUrl + ordered[i].Id;
        }
        return urls;
    }

    private static List<CatalogPageView> CatalogPages(IReadOnlyList<PaperView> ordered, string baseUrl)
    {
        var count = Math.Max(1, (ordered.Count + CatalogPageSize - 1) / CatalogPageSize);
        // Every page links every page: the URLs are made once, not once per page (750 pages for 150,000 papers).
        var urls = new string[count];
        for (var k = 1; k <= count; k++) urls[k - 1] = CatalogPageUrl(baseUrl, k);
        var pages = new List<CatalogPageView>(count);
        for (var n = 1; n <= count; n++)
        {
            var links = new List<PageLink>(count > 1 ? count : 0);
            if (count > 1)
                for (var k = 1; k <= count; k++) links.Add(new PageLink(k, urls[k - 1], k == n));
            var first = (n - 1) * CatalogPageSize;
            var papers = new List<PaperView>(Math.Max(0, Math.Min(CatalogPageSize, ordered.Count - first)));
            for (var i = first; i < ordered.Count && i < first + CatalogPageSize; i++) papers.Add(ordered[i]);
            pages.Add(new CatalogPageView(n, count, urls[n - 1], papers, links, ordered.Count));
        }
        return pages;
    }

    private static ReadingCard Card(PaperRecord r, Model.Catalog catalog, IReadOnlyDictionary<string, Paper> papersById,
        IReadOnlyDictionary<string, string> catalogUrlById, string baseUrl)
    {
        var paper = catalog.PaperIdBySource.TryGetValue(r.Source, out var id) && papersById.TryGetValue(id, out var p) ? p : null;
        var arxiv = paper?.ArxivId ?? r.ArxivId;
        var date = paper?.Date ?? r.Submitted ?? r.Published;
        return new ReadingCard
        {
            PaperId = paper?.Id ?? "",
            Title = paper?.Title ?? r.Title ?? "Untitled reading",
            Authors = AuthorLine(paper?.Authors ?? r.Authors, paper?.AuthorCount ?? r.AuthorCount),
            ArxivId = arxiv,
            AbsUrl = arxiv is null ? paper?.Url ?? r.Url : $"https://arxiv.org/abs/{arxiv}",
            PdfUrl = arxiv is null ? null : $"https://arxiv.org/pdf/{arxiv}",
            Date = date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Abstract = paper?.Abstract ?? r.Abstract,
            Comments = paper?.Comments ?? r.Comments,
            CatalogUrl = paper is not null && catalogUrlById.TryGetValue(paper.Id, out var url) ? url : baseUrl + "papers/",
            Section = r.Section switch { ReadingSection.Required => "Required", ReadingSection.Further => "Further", _ => "" },
            Notes = r.Notes,
            Sources = paper is null ? [] : SourceViews(paper.Records, except: r.Source),
        };
    }

    /// <summary>The body's parts with a card for each reading where its entry stood.</summary>
    private static List<BodyPart> BodyParts(Session s, IReadOnlyList<ReadingCard> cards)
    {
        var parts = new List<BodyPart>(s.BodyParts.Count);
        foreach (var part in s.BodyParts)
        {
            var placed = new List<ReadingCard>(part.Readings.Count);
            foreach (var r in part.Readings) placed.Add(cards[r]);
            parts.Add(new BodyPart(part.Html, placed));
        }
        return parts;
    }
}
