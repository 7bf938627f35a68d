using SiteGen.Diagnostics;
using SiteGen.Model;

namespace SiteGen.Catalog;

/// <summary>Stage: readings + listing records -> one catalog of distinct papers.</summary>
public static class MergeDuplicates
{
    /// <summary>Reads content/dedup-decisions.yml when present.</summary>
    public static Model.Catalog Run(IReadOnlyList<PaperRecord> records, ContentSource content, DiagnosticBag diagnostics)
    {
        // First working form: every record is its own paper (issue 4 replaces this with the resolver).
        var papers = new List<Paper>();
        var bySource = new Dictionary<SourceRef, string>();
        foreach (var r in records)
        {
            var id = "p" + (papers.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            papers.Add(new Paper
            {
                Id = id, Title = r.Title, ArxivId = r.ArxivId, Authors = r.Authors, AuthorCount = r.AuthorCount,
                Abstract = r.Abstract, Url = r.Url, Doi = r.Doi, Date = r.Submitted ?? r.Published, Comments = r.Comments,
                Records = [r], Sessions = r.Session is null ? [] : [r.Session],
            });
            bySource[r.Source] = id;
        }
        return new Model.Catalog(papers, [], bySource);
    }
}
