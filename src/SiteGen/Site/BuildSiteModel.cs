using SiteGen.Model;

namespace SiteGen.Site;

/// <summary>
/// Stage: sessions, catalog, pages -> SiteModel (what the templates see, with every URL carrying the base URL). A
/// projection: the schedule's dating and row kinds are <see cref="Schedule"/>'s, the papers' views
/// <see cref="PaperViews"/>', the catalog's pages <see cref="CatalogPagination"/>'s, the reading cards
/// <see cref="ReadingCards"/>', the tags <see cref="TagViews"/>'; the markdown was rendered by Content.
/// </summary>
public static class BuildSiteModel
{
    public static SiteModel Run(SiteConfig config, IReadOnlyList<Session> sessions, Model.Catalog catalog, IReadOnlyList<StaticPage> pages)
    {
        var baseUrl = config.BaseUrl;
        var papersById = new Dictionary<string, Paper>(catalog.Papers.Count, StringComparer.Ordinal);
        foreach (var paper in catalog.Papers) papersById.TryAdd(paper.Id, paper);
        var sessionsByName = new Dictionary<string, Session>(sessions.Count, StringComparer.Ordinal);
        foreach (var session in sessions) sessionsByName.TryAdd(session.Name, session);

        var layout = config.Layout;
        var paperViews = PaperViews.Of(catalog.Papers, sessionsByName, baseUrl, layout);
        // Sorted once for both the papers' catalog URLs and the catalog pages.
        var catalogOrder = CatalogPagination.Order(paperViews);
        var cards = new ReadingCards(catalog, papersById, CatalogPagination.PaperUrls(catalogOrder, baseUrl), baseUrl);
        var schedule = Schedule.Of(config, sessions);
        var views = new SessionView[sessions.Count];
        Parallel.For(0, sessions.Count, i => views[i] = SessionView(sessions, i, schedule, cards, baseUrl, layout));

        var pageViews = pages.Select(p => new StaticPageView(p.Name, SiteUrls.StaticPage(baseUrl, p.UrlPath), p.Title, p.BodyHtml, p.OutputFile)).ToList();
        var nav = SiteUrls.Navigation(baseUrl, layout);
        nav.AddRange(pageViews.Select(p => new NavLink(p.Title, p.Url)));
        // Review pairs look their papers up by id: a scan per pair was quadratic on large catalogs.
        var viewById = new Dictionary<string, PaperView>(paperViews.Length, StringComparer.Ordinal);
        foreach (var view in paperViews) viewById.TryAdd(view.Id, view);

        return new SiteModel
        {
            Site = new SiteView(config.Title, config.Description, baseUrl, config.Term, nav, config.SiteUrl)
            {
                SessionsUrl = SiteUrls.SessionsPage(baseUrl, layout),
                TagsUrl = SiteUrls.TagsPage(baseUrl, layout),
                HomeIntroHtml = config.HomeIntroHtml,
                Columns = ScheduleColumns.Of(views),
            },
            Sessions = views,
            Tags = TagViews.Of(views),
            Papers = paperViews,
            CatalogPages = CatalogPagination.Pages(catalogOrder, baseUrl),
            Pages = pageViews,
            Review = catalog.Review.Select(r => new ReviewView(r.Kind, r.Score, string.Join("; ", r.Reasons),
                viewById.GetValueOrDefault(r.PaperA), viewById.GetValueOrDefault(r.PaperB), r.KeyA, r.KeyB)).ToList(),
        };
    }

    private static SessionView SessionView(IReadOnlyList<Session> all, int index, Schedule schedule, ReadingCards readingCards, string baseUrl, CourseLayout layout)
    {
        var s = all[index];
        var cards = readingCards.Of(s);
        var row = schedule.Row(s, index);
        return new SessionView
        {
            Name = s.Name,
            Url = SiteUrls.Session(baseUrl, layout, s.Name),
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
            Tags = TagViews.Links(s.Tags, baseUrl, layout),
            Categories = s.Categories,
            Topic = s.Categories.Count > 0 ? s.Categories[0] : "",
            Date = row.Date,
            DateIso = row.DateIso,
            Week = row.Week,
            WeekLabel = row.Entry?.Week,
            Quiz = row.Entry?.Quiz,
            Homework = row.Entry?.Homework,
            Talk = row.Entry?.Talk,
            Project = row.Entry?.Project,
            Kind = row.Kind,
            IsSection = s.IsSection,
            WeAreHere = row.WeAreHere,
            SummaryHtml = s.SummaryHtml,
            Body = ReadingCards.InBody(s, cards),
            Readings = cards,
            ReadingCount = cards.Count,
            Previous = index > 0 ? new SessionLink(all[index - 1].Title, SiteUrls.Session(baseUrl, layout, all[index - 1].Name)) : null,
            Next = index + 1 < all.Count ? new SessionLink(all[index + 1].Title, SiteUrls.Session(baseUrl, layout, all[index + 1].Name)) : null,
        };
    }
}
