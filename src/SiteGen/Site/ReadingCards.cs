using System.Globalization;
using SiteGen.Model;

namespace SiteGen.Site;

/// <summary>A session's readings as cards (the merged paper as the catalog knows it), put where their entries stood in the body.</summary>
internal sealed class ReadingCards(Model.Catalog catalog, IReadOnlyDictionary<string, Paper> papersById, IReadOnlyDictionary<string, string> catalogUrlById, string baseUrl)
{
    /// <summary>One card per reading of the session, in its order.</summary>
    public List<ReadingCard> Of(Session s)
    {
        var cards = new List<ReadingCard>(s.Readings.Count);
        foreach (var r in s.Readings) cards.Add(Card(r));
        return cards;
    }

    private ReadingCard Card(PaperRecord r)
    {
        var paper = catalog.PaperIdBySource.TryGetValue(r.Source, out var id) && papersById.TryGetValue(id, out var p) ? p : null;
        var arxiv = paper?.ArxivId ?? r.ArxivId;
        var date = paper?.Date ?? r.Submitted ?? r.Published;
        return new ReadingCard
        {
            PaperId = paper?.Id ?? "",
            Title = paper?.Title ?? r.Title ?? "Untitled reading",
            Authors = PaperViews.AuthorLine(paper?.Authors ?? r.Authors, paper?.AuthorCount ?? r.AuthorCount),
            ArxivId = arxiv,
            AbsUrl = arxiv is null ? paper?.Url ?? r.Url : $"https://arxiv.org/abs/{arxiv}",
            PdfUrl = arxiv is null ? null : $"https://arxiv.org/pdf/{arxiv}",
            Date = date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Abstract = paper?.Abstract ?? r.Abstract,
            Comments = paper?.Comments ?? r.Comments,
            CatalogUrl = paper is not null && catalogUrlById.TryGetValue(paper.Id, out var url) ? url : baseUrl + "papers/",
            Section = r.Section switch { ReadingSection.Required => "Required", ReadingSection.Further => "Further", _ => "" },
            Notes = r.Notes,
            Sources = paper is null ? [] : PaperViews.SourceViews(paper.Records, except: r.Source),
        };
    }

    /// <summary>The session's body parts (from Content) with each reading's card where its entry stood.</summary>
    public static List<BodyPart> InBody(Session s, IReadOnlyList<ReadingCard> cards)
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
