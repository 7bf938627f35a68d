using System.Collections.Concurrent;
using System.Globalization;
using SiteGen.Model;
using SiteGen.Text;

namespace SiteGen.Site;

/// <summary>The catalog's papers as the pages show them: display title and author line, links, sources, the sessions that read each and their tags.</summary>
internal static class PaperViews
{
    /// <summary>One view per paper, in the catalog's order.</summary>
    public static PaperView[] Of(IReadOnlyList<Paper> papers, IReadOnlyDictionary<string, Session> sessionsByName, string baseUrl, CourseLayout layout)
    {
        var views = new PaperView[papers.Count];
        // Ranges, not single papers, per work item: a paper's view is a few microseconds of work.
        if (views.Length > 0)
            Parallel.ForEach(Partitioner.Create(0, views.Length, 1024), range =>
            {
                var tags = new List<string>();
                for (var i = range.Item1; i < range.Item2; i++) views[i] = View(papers[i], baseUrl, layout, sessionsByName, tags);
            });
        return views;
    }

    // Plain loops rather than LINQ with lambdas: a closure and its delegates per paper cost more than the view itself.
    private static PaperView View(Paper p, string baseUrl, CourseLayout layout, IReadOnlyDictionary<string, Session> sessionsByName, List<string> scratch)
    {
        var sessions = new List<SessionLink>(p.Sessions.Count);
        foreach (var name in p.Sessions)
            if (sessionsByName.TryGetValue(name, out var session)) sessions.Add(new SessionLink(session.Title, SiteUrls.Session(baseUrl, layout, name)));
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
            Tags = Tags(p, sessionsByName, scratch),
        };
    }

    /// <summary>The tags of the sessions that read the paper, sorted (ordinal) and distinct; <paramref name="scratch"/> is reused between papers.</summary>
    private static List<string> Tags(Paper p, IReadOnlyDictionary<string, Session> sessionsByName, List<string> scratch)
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

    /// <summary>Where the records came from, leaving out <paramref name="except"/> (the reading a card stands for).</summary>
    public static List<SourceView> SourceViews(IReadOnlyList<PaperRecord> records, SourceRef? except)
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

    /// <summary>"A, B, C"; past twelve names the first ten and how many more; "(+n more)" when the source counted more authors than it named.</summary>
    public static string AuthorLine(IReadOnlyList<string> authors, int? count)
    {
        if (authors.Count == 0) return count is > 0 ? $"{count} authors" : "";
        var shown = authors.Count > 12 ? string.Join(", ", authors.Take(10)) + $", … ({(count ?? authors.Count) - 10} more)" : string.Join(", ", authors);
        return count is { } n && n > authors.Count && authors.Count <= 12 ? $"{shown} (+{n - authors.Count} more)" : shown;
    }
}
