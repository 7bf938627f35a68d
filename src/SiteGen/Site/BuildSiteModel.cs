using System.Collections.Concurrent;
using System.Globalization;
using SiteGen.Content;
using SiteGen.Model;

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
        // Each session's plain text for search (a markdown parse, the larger part of this stage) is made beside its view:
        // one parallel pass over the sessions.
        var plainTexts = new string[sessions.Count];
        Parallel.For(0, sessions.Count, i =>
        {
            views[i] = SessionView(sessions[i], i, sessions, dates, marker, config, catalog, papersById, catalogUrlById);
            plainTexts[i] = SessionSearchText(sessions[i]);
        });

        var nav = new List<NavLink>
        {
            new("Schedule", baseUrl),
            new("All sessions", baseUrl + "sessions/"),
            new("Readings", baseUrl + "papers/"),
            new("Tags", baseUrl + "tags/"),
        };
        var pageViews = pages.Select(p => new StaticPageView(p.Name, $"{baseUrl}{p.Name}/", p.Title, Markdown.ToHtml(p.Body))).ToList();
        nav.AddRange(pageViews.Select(p => new NavLink(p.Title, p.Url)));

        return new SiteModel
        {
            Site = new SiteView(config.Title, config.Description, baseUrl, config.Term, nav, config.SiteUrl),
            Sessions = views,
            Tags = Tags(views),
            Papers = paperViews,
            CatalogPages = CatalogPages(catalogOrder, baseUrl),
            Pages = pageViews,
            Review = catalog.Review.Select(r => new ReviewView(r.Kind, r.Score, string.Join("; ", r.Reasons),
                viewById.GetValueOrDefault(r.PaperA), viewById.GetValueOrDefault(r.PaperB), r.KeyA, r.KeyB)).ToList(),
            SearchDocuments = SearchDocuments(views, sessions, plainTexts, paperViews, catalogUrlById, pageViews, pages),
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
            SlideUrl = s.Lecture is null || !s.LectureExists ? null : baseUrl + SlideDeck.UrlPath(s.Lecture),
            SlideMissing = s.Lecture is not null && !s.LectureExists,
            ExtraName = s.ExtraContent,
            ExtraUrl = s.ExtraContent is null || !s.ExtraContentExists ? null : baseUrl + SlideDeck.UrlPath(s.ExtraContent),
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
            SummaryHtml = s.Summary.Length > 0 ? Markdown.ToExcerptHtml(s.Summary) : "",
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
        return CutAtWord(p.Abstract ?? "Untitled paper", 90);
    }

    /// <summary>At most <paramref name="max"/> characters, cut at the last space when one is past the middle, with " …" when cut.</summary>
    private static string CutAtWord(string text, int max)
    {
        text = text.Trim();
        if (text.Length <= max) return text;
        var space = text.LastIndexOf(' ', max - 1);
        return text[..(space > max / 2 ? space : max)] + " …";
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

    /// <summary>
    /// A session's text for search: its own prose (the body without its reading entries) as plain text, then each
    /// reading's title, authors and notes. A reading's abstract is searched in the paper's own document; indexing it again
    /// in every session that assigns it would double the index (and its download) for no new result.
    /// </summary>
    private static string SessionSearchText(Session s)
    {
        var body = s.Body;
        if (s.Readings.Count == 0) return Markdown.ToPlainText(body);
        var prose = new System.Text.StringBuilder();
        var owner = ReadingOwners(s, body.AsSpan().Count('\n') + 1);
        var i = 0;
        foreach (var range in body.AsSpan().Split('\n'))
            if (owner[i++] < 0) prose.Append(body.AsSpan(range)).Append('\n');
        var text = new System.Text.StringBuilder(Markdown.ToPlainText(prose.ToString()));
        foreach (var r in s.Readings)
        {
            if (r.Title is { Length: > 0 } title) text.Append(text.Length > 0 ? " " : "").Append(title);
            if (r.Authors.Count > 0) text.Append(' ').AppendJoin(", ", r.Authors);
            foreach (var note in r.Notes) text.Append(' ').Append(note);
        }
        return text.ToString();
    }

    /// <summary>For each body line (0-based), the index of the reading whose source span holds it, or -1 for the session's own text.</summary>
    private static int[] ReadingOwners(Session s, int lineCount)
    {
        var owner = new int[lineCount];
        Array.Fill(owner, -1);
        for (var r = 0; r < s.Readings.Count; r++)
        {
            var src = s.Readings[r].Source;
            for (var line = src.StartLine; line <= src.EndLine; line++)
            {
                var i = line - s.BodyLine;
                if (i >= 0 && i < lineCount) owner[i] = r;
            }
        }
        return owner;
    }

    /// <summary>
    /// Splits the body by file lines: lines inside a reading's span become that reading's card, the rest is rendered markdown.
    /// Cards whose span is not in the body (should not happen) are added at the end, so no reading is lost.
    /// </summary>
    private static List<BodyPart> BodyParts(Session s, IReadOnlyList<ReadingCard> cards)
    {
        // Lines are kept as offsets into the body: a run of text lines is one substring (the same text as joining the
        // lines with '\n'), so the body is neither split nor joined.
        var body = s.Body;
        var lineStarts = new List<int>(body.AsSpan().Count('\n') + 1) { 0 };
        for (var at = body.IndexOf('\n'); at >= 0; at = body.IndexOf('\n', at + 1)) lineStarts.Add(at + 1);
        var lineCount = lineStarts.Count;
        int LineEnd(int line) => line + 1 < lineCount ? lineStarts[line + 1] - 1 : body.Length;
        bool IsBlankLine(int line) => body.AsSpan(lineStarts[line], LineEnd(line) - lineStarts[line]).IsWhiteSpace();

        var owner = ReadingOwners(s, lineCount);
        var parts = new List<BodyPart>();
        var placed = new bool[cards.Count];
        // The text lines waiting to be rendered: always consecutive (text and cards are never pending together).
        var textFirst = 0;
        var textCount = 0;
        var pending = new List<ReadingCard>();
        string TextMarkdown() => textCount == 0 ? "" : body[lineStarts[textFirst]..LineEnd(textFirst + textCount - 1)];
        void Flush()
        {
            var markdown = TextMarkdown();
            var hasText = !string.IsNullOrWhiteSpace(markdown);
            if (hasText || pending.Count > 0)
                parts.Add(new BodyPart(hasText ? Markdown.ToHtml(markdown) : "", pending.ToList()));
            textCount = 0;
            pending.Clear();
        }
        void AddText(int line)
        {
            if (textCount == 0) textFirst = line;
            textCount++;
        }
        for (var i = 0; i < lineCount; i++)
        {
            if (owner[i] < 0)
            {
                // Blank lines between two papers do not split a run of cards.
                if (pending.Count > 0 && textCount == 0 && IsBlankLine(i)) continue;
                if (pending.Count > 0 && textCount == 0) { Flush(); }
                AddText(i);
                continue;
            }
            if (textCount > 0 && pending.Count == 0)
            {
                var markdown = TextMarkdown();
                textCount = 0;
                if (!string.IsNullOrWhiteSpace(markdown)) parts.Add(new BodyPart(Markdown.ToHtml(markdown), []));
            }
            if (!placed[owner[i]]) { placed[owner[i]] = true; pending.Add(cards[owner[i]]); }
        }
        if (pending.Count > 0)
        {
            var (keepFirst, keepCount) = (textFirst, textCount);
            textCount = 0;
            Flush();
            (textFirst, textCount) = (keepFirst, keepCount);
        }
        Flush();
        var missing = cards.Where((_, k) => !placed[k]).ToList();
        if (missing.Count > 0) parts.Add(new BodyPart("", missing));
        return parts;
    }

    private static List<SearchDocument> SearchDocuments(IReadOnlyList<SessionView> views, IReadOnlyList<Session> sessions, IReadOnlyList<string> plain, IReadOnlyList<PaperView> papers,
        IReadOnlyDictionary<string, string> catalogUrlById, IReadOnlyList<StaticPageView> pageViews, IReadOnlyList<StaticPage> pages)
    {
        var docs = new List<SearchDocument>(sessions.Count + papers.Count + pages.Count);
        for (var i = 0; i < sessions.Count; i++)
        {
            var text = plain[i];
            docs.Add(new SearchDocument($"s{i}", views[i].Url, views[i].Title, "session", "", string.Join(' ', sessions[i].Tags.Concat(sessions[i].Categories)),
                text, Snippet(text)));
        }
        // One per paper, made on both cores (snippets cut from every abstract): big catalogs have tens of thousands.
        var paperDocs = new SearchDocument[papers.Count];
        if (paperDocs.Length > 0)
            Parallel.ForEach(Partitioner.Create(0, paperDocs.Length, 2048), range =>
            {
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    var p = papers[i];
                    paperDocs[i] = new SearchDocument($"p{i}", catalogUrlById[p.Id], p.Title, "paper", p.Authors, string.Join(' ', p.Tags),
                        p.Abstract ?? "", Snippet(p.Abstract ?? p.Authors)) { ListingOnly = p.Sessions.Count == 0 };
                }
            });
        docs.AddRange(paperDocs);
        for (var i = 0; i < pages.Count; i++)
        {
            var text = Markdown.ToPlainText(pages[i].Body);
            docs.Add(new SearchDocument($"g{i}", pageViews[i].Url, pageViews[i].Title, "page", "", "", text, Snippet(text)));
        }
        return docs;
    }

    private static string Snippet(string text) => CutAtWord(text, 160);
}
