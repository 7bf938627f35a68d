using System.Text.Json;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Search;

/// <summary>
/// A session's search document holds its own prose and its readings' titles and authors; a reading's abstract is
/// searched once, in the paper's own document.
/// </summary>
public sealed class SessionSearchTextTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Session_document_has_prose_titles_and_authors_and_the_paper_document_has_the_abstract()
    {
        _dir.With(new Dictionary<string, string>
        {
            ["content/sessions/S1-zoo.md"] = """
                ---
                title: Zoo day
                ---

                Introductory prose about zebras.

                ## Required Readings:

                #### Quantum Llamas Considered
                + [https://arxiv.org/abs/2501.00001](https://arxiv.org/abs/2501.00001)
                + Ada Lovelace, Grace Hopper
                + We study the photosynthesis of marmalade under laboratory conditions and show that it improves breakfast outcomes in many settings. Abstracts are long paragraphs: this one runs past two hundred characters, as the readings parser expects of an abstract.

                ## Discussion

                Closing prose about penguins.
                """,
        });
        var result = Build.Run(_dir.Combine("content"), _dir.Combine("site"));
        Assert.True(result.Succeeded, string.Join("\n", Build.Lines(result)));

        using var index = JsonDocument.Parse(File.ReadAllText(_dir.Combine("site", "search-index.json")));
        using var docs = JsonDocument.Parse(File.ReadAllText(_dir.Combine("site", "search-docs.json")));
        string RefOf(string kind) => docs.RootElement.EnumerateObject().Single(d => d.Value.GetProperty("kind").GetString() == kind).Name;
        var session = RefOf("session");
        var paper = RefOf("paper");
        HashSet<string> BodyTerms(string docRef) => index.RootElement.GetProperty("invertedIndex").EnumerateArray()
            .Where(t => t[1].GetProperty("body").TryGetProperty(docRef, out _)).Select(t => t[0].GetString()!).ToHashSet(StringComparer.Ordinal);

        var sessionTerms = BodyTerms(session);
        foreach (var term in new[] { "zebra", "penguin", "quantum", "llama", "lovelac", "hopper" }) Assert.Contains(term, sessionTerms);
        foreach (var term in new[] { "photosynthesi", "marmalad", "laboratori" }) Assert.DoesNotContain(term, sessionTerms);
        foreach (var term in new[] { "photosynthesi", "marmalad", "laboratori" }) Assert.Contains(term, BodyTerms(paper));
    }

    [Fact]
    public void A_short_remark_inside_a_reading_entry_is_shown_on_its_card_and_searchable()
    {
        _dir.With(new Dictionary<string, string>
        {
            ["content/sessions/S1-zoo.md"] = """
                ---
                title: Zoo day
                ---

                ## Required Readings:

                #### Quantum Llamas Considered
                + [https://arxiv.org/abs/2501.00001](https://arxiv.org/abs/2501.00001)
                + Ada Lovelace, Grace Hopper

                Closing remark about <penguins> & walruses.
                """,
        });
        var result = Build.Run(_dir.Combine("content"), _dir.Combine("site"));
        Assert.True(result.Succeeded, string.Join("\n", Build.Lines(result)));
        var page = File.ReadAllText(_dir.Combine("site", "sessions", "S1-zoo", "index.html"));
        // Session text is shown as text: the angle brackets are escaped, not markup.
        Assert.Contains("<li>Closing remark about &lt;penguins&gt; &amp; walruses.</li>", page);
        Assert.Contains("walrus", File.ReadAllText(_dir.Combine("site", "search-index.json")));
    }
}
