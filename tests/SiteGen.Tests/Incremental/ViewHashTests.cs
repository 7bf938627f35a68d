using System.Text.Json;
using SiteGen.Merging;
using SiteGen.Config;
using SiteGen.Content;
using SiteGen.Diagnostics;
using SiteGen.Incremental;
using SiteGen.Listings;
using SiteGen.Model;
using SiteGen.Site;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Incremental;

/// <summary>Page keys hash each view's JSON, written by serializer code generated at compile time.</summary>
public class ViewHashTests
{
    private static readonly Lazy<SiteModel> Seed = new(() =>
    {
        var diagnostics = new DiagnosticBag();
        var content = ContentSource.For(RepoPaths.Content);
        var config = LoadConfig.Run(content, new BuildOptions { ContentDir = RepoPaths.Content, OutDir = "unused" }, diagnostics);
        var sessions = ReadSessions.Run(content, config, diagnostics);
        var listings = ReadListings.Run(content, config, diagnostics);
        var catalog = MergeDuplicates.Run([.. sessions.SelectMany(s => s.Readings), .. listings.Records], content, diagnostics);
        return BuildSiteModel.Run(config, sessions, catalog, ReadPages.Run(content, config, diagnostics));
    });

    private static readonly JsonSerializerOptions Reflection = new();

    private static void SameJson<T>(T view, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> generated) =>
        Assert.Equal(JsonSerializer.Serialize(view, Reflection), JsonSerializer.Serialize(view, generated));

    [Fact]
    public void Generated_serializer_writes_every_property_as_reflection_does()
    {
        var model = Seed.Value;
        Assert.NotEmpty(model.Sessions);
        Assert.NotEmpty(model.CatalogPages);
        SameJson(model.Site, ViewJson.Default.SiteView);
        foreach (var session in model.Sessions) SameJson(session, ViewJson.Default.SessionView);
        foreach (var page in model.CatalogPages) SameJson(page, ViewJson.Default.CatalogPageView);
        foreach (var page in model.Pages) SameJson(page, ViewJson.Default.StaticPageView);
        SameJson(model.Tags, ViewJson.Default.IReadOnlyListTagView);
        SameJson(model.Review, ViewJson.Default.IReadOnlyListReviewView);
    }

    [Fact]
    public void A_change_anywhere_in_a_session_view_changes_its_hash()
    {
        var session = Seed.Value.Sessions.First(s => s.Body.Any(p => p.Cards.Count > 0));
        var part = session.Body.First(p => p.Cards.Count > 0);
        var card = part.Cards[0];
        BodyPart[] WithPart(BodyPart changed) => [.. session.Body.Select(p => ReferenceEquals(p, part) ? changed : p)];

        var variants = new[]
        {
            session,
            session with { Title = session.Title + "!" },
            session with { Week = (session.Week ?? 0) + 1 },
            session with { WeAreHere = !session.WeAreHere },
            session with { Tags = [.. session.Tags, new TagLink("New", "new", "/tags/#new")] },
            session with { Previous = new SessionLink("Another", "/sessions/another/") },
            session with { Body = WithPart(part with { Html = part.Html + "<p>more</p>" }) },
            session with { Body = WithPart(part with { Cards = [card with { Abstract = card.Abstract + " More." }, .. part.Cards.Skip(1)] }) },
            session with { Body = WithPart(part with { Cards = [card with { Sources = [.. card.Sources, new SourceView("listings/x.txt", 3, "hf-listing")] }, .. part.Cards.Skip(1)] }) },
        };

        var hashes = variants.Select(v => PageCache.HashOf(v, ViewJson.Default.SessionView)).ToList();
        Assert.Equal(hashes.Count, hashes.Distinct(StringComparer.Ordinal).Count());
        // The same content, in a copy that is not the same object, hashes the same.
        Assert.Equal(hashes[0], PageCache.HashOf(session with { }, ViewJson.Default.SessionView));
    }
}
