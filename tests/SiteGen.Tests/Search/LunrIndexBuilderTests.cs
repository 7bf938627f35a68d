using System.Text.Json;
using SiteGen.Model;
using SiteGen.Search;
using SiteGen.Text;

namespace SiteGen.Tests.Search;

/// <summary>The index format rules lunr.Index.load relies on, checked without node.</summary>
public sealed class LunrIndexBuilderTests
{
    private static readonly LunrField[] Fields = [new("title", 10), new("body")];

    private static LunrIndex Build(params (string Ref, string Title, string Body)[] docs)
    {
        var builder = new LunrIndexBuilder(Fields);
        foreach (var (r, title, body) in docs) builder.Add(r, [title, body]);
        return builder.Build();
    }

    [Fact]
    public void Terms_are_sorted_ordinally_and_every_posting_names_every_field()
    {
        var index = Build(("a", "Zebra agents", "Ökonomie apple Apple"), ("b", "", "zebra _under 2024"));
        var terms = index.InvertedIndex.Select(p => p.Term).ToList();
        Assert.Equal(terms.Order(StringComparer.Ordinal), terms);
        Assert.All(index.InvertedIndex, p => Assert.Equal(Fields.Length, p.DocsByField.Count));

        using var json = JsonDocument.Parse(index.ToJson());
        foreach (var entry in json.RootElement.GetProperty("invertedIndex").EnumerateArray())
        {
            var keys = entry[1].EnumerateObject().Select(p => p.Name).ToList();
            Assert.Equal(["_index", "title", "body"], keys);
        }
    }

    [Fact]
    public void One_vector_per_field_and_document_even_when_empty_with_ascending_term_indexes()
    {
        var index = Build(("a", "multi agent systems", "agents plan; systems act"), ("b", "", "plan"));
        Assert.Equal(["title/a", "body/a", "title/b", "body/b"], index.FieldVectors.Select(v => v.FieldRef));
        Assert.Empty(index.FieldVectors[2].TermIndexes);
        Assert.All(index.FieldVectors, v => Assert.Equal(v.TermIndexes.Order(), v.TermIndexes));
    }

    [Fact]
    public void A_token_trimmed_to_nothing_stays_in_the_index_like_lunr()
    {
        var index = Build(("a", "", "agents -- ... !!"));
        Assert.Contains(index.InvertedIndex, p => p.Term == "");
    }

    [Fact]
    public void Scores_follow_lunrs_bm25_with_half_up_rounding()
    {
        // Two docs, body only: "agent agent plan" (len 3) and "plan" (len 1); average length 2.
        var index = Build(("a", "", "agent agent plan"), ("b", "", "plan"));
        var agent = index.InvertedIndex.Single(p => p.Term == "agent");
        var vector = index.FieldVectors.Single(v => v.FieldRef == "body/a");
        var idf = Math.Log(1 + Math.Abs((2 - 1 + 0.5) / (1 + 0.5)));
        var expected = idf * (2.2 * 2) / (1.2 * (1 - 0.75 + 0.75 * (3 / 2.0)) + 2);
        var at = vector.TermIndexes.ToList().IndexOf(agent.Index);
        Assert.Equal(Math.Floor(expected * 1000 + 0.5) / 1000, vector.Scores[at]);
    }

    [Fact]
    public void Title_boost_multiplies_title_scores()
    {
        var index = Build(("a", "agent", "agent"));
        // Rounding to 3 decimals happens after boosting, so allow the body's rounding error times ten.
        Assert.InRange(index.FieldVectors[0].Scores[0], index.FieldVectors[1].Scores[0] * 10 - 0.006, index.FieldVectors[1].Scores[0] * 10 + 0.006);
    }

    [Fact]
    public void Integer_like_refs_are_listed_in_postings_in_javascript_object_key_order()
    {
        var index = Build(("x", "", "agent"), ("10", "", "agent"), ("2", "", "agent"));
        var agent = index.InvertedIndex.Single(p => p.Term == "agent");
        Assert.Equal(["2", "10", "x"], agent.DocsByField[1]);
    }

    [Fact]
    public void Output_is_compact_json_and_identical_across_builds()
    {
        SearchDocument[] docs =
        [
            new("s0", "/course/sessions/W01/", "Agents \"quoted\"", "session", "Ann Lee", "agents", "Body\ttext \u0001 ünïcode", "Body text"),
            new("p0", "/course/papers/#p0", "Planning", "paper", "", "", "plans and planning", "plans"),
        ];
        var first = BuildSearchIndex.Run(docs);
        var second = BuildSearchIndex.Run(docs);
        Assert.Equal(first, second);
        Assert.DoesNotContain('\n', first.IndexJson);
        Assert.StartsWith("{\"version\":\"2.3.9\",\"fields\":[\"title\",\"authors\",\"tags\",\"body\"],\"fieldVectors\":[", first.IndexJson);
        Assert.EndsWith("\"pipeline\":[\"stemmer\"]}", first.IndexJson);

        using var store = JsonDocument.Parse(first.DocsJson);
        var s0 = store.RootElement.GetProperty("s0");
        Assert.Equal("/course/sessions/W01/", s0.GetProperty("url").GetString());
        Assert.Equal("Agents \"quoted\"", s0.GetProperty("title").GetString());
        Assert.Equal("session", s0.GetProperty("kind").GetString());
        Assert.Equal("Body text", s0.GetProperty("snippet").GetString());
    }

    [Fact]
    public void Scores_outside_the_thousandths_fast_path_are_written_as_R_writes_them()
    {
        // A negative and a huge boost give scores that are not held as k / 1000: they take the general formatter.
        var builder = new LunrIndexBuilder([new("title", -2.5), new("body", 1e12)]);
        builder.Add("a", ["agent plans", "agent agent plans"]);
        builder.Add("b", ["tools", "plans"]);
        var index = builder.Build();
        using var json = JsonDocument.Parse(index.ToUtf8Json());
        var vectors = json.RootElement.GetProperty("fieldVectors").EnumerateArray().ToList();
        Assert.Equal(index.FieldVectors.Count, vectors.Count);
        var scores = 0;
        for (var v = 0; v < vectors.Count; v++)
        {
            var pairs = vectors[v][1].EnumerateArray().ToList();
            for (var i = 0; i < index.FieldVectors[v].Scores.Count; i++, scores++)
                Assert.Equal(index.FieldVectors[v].Scores[i].ToString("R", System.Globalization.CultureInfo.InvariantCulture), pairs[i * 2 + 1].GetRawText());
        }
        Assert.Contains(index.FieldVectors.SelectMany(v => v.Scores), s => s < 0);
        Assert.Contains(index.FieldVectors.SelectMany(v => v.Scores), s => s > int.MaxValue);
        Assert.True(scores > 4);
    }

    [Fact]
    public void Refs_and_terms_with_escapes_and_non_ascii_are_written_as_json_strings_in_utf8()
    {
        var builder = new LunrIndexBuilder(Fields);
        builder.Add("q\"uote", ["日本語 σοφία", "emo\ud83d\ude00ji ok"]);
        builder.Add("ünï\u0001", ["tab\tseparated", "lone\ud83d high"]);
        var index = builder.Build();
        var bytes = index.ToUtf8Json();
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(index.ToJson()), bytes);
        using var json = JsonDocument.Parse(bytes);
        var terms = json.RootElement.GetProperty("invertedIndex").EnumerateArray().Select(t => t[0].GetString()).ToList();
        Assert.Equal(index.InvertedIndex.Select(p => p.Term), terms);
        Assert.Contains(terms, t => t!.Contains("\ud83d\ude00", StringComparison.Ordinal));
        var fieldRefs = json.RootElement.GetProperty("fieldVectors").EnumerateArray().Select(v => v[0].GetString()).ToList();
        Assert.Equal(index.FieldVectors.Select(v => v.FieldRef), fieldRefs);
        Assert.Contains("body/ünï\u0001", fieldRefs);
        var postingRefs = json.RootElement.GetProperty("invertedIndex").EnumerateArray()
            .SelectMany(t => t[1].EnumerateObject().Where(f => f.Name != "_index").SelectMany(f => f.Value.EnumerateObject().Select(d => d.Name)))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        Assert.Equal(["q\"uote", "ünï\u0001"], postingRefs);
    }

    [Fact]
    public void The_files_as_text_are_the_utf8_files_decoded()
    {
        SearchDocument[] docs =
        [
            new("s0", "/course/sessions/W01/", "Agents \"quoted\" 日本語", "session", "Ann Lee", "agents", "Body\ttext \u0001 ünïcode \ud83d\ude00", "Body \ud83d text"),
            new("p0", "/course/papers/#p0", "Planning", "paper", "", "", "plans and planning", "plans"),
        ];
        var text = BuildSearchIndex.Run(docs);
        var utf8 = BuildSearchIndex.RunUtf8(docs);
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(text.IndexJson), utf8.IndexJson);
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(text.DocsJson), utf8.DocsJson);
        using var store = JsonDocument.Parse(utf8.DocsJson);
        Assert.Equal("Agents \"quoted\" 日本語", store.RootElement.GetProperty("s0").GetProperty("title").GetString());
        Assert.Equal("\"Body \\ud83d text\"", store.RootElement.GetProperty("s0").GetProperty("snippet").GetRawText());
    }

    [Fact]
    public void Accents_are_folded_in_the_index_but_not_in_the_doc_store()
    {
        var files = BuildSearchIndex.Run([new("p0", "/p/", "Café École", "paper", "José Núñez", "", "naïve", "Café")]);
        using var index = JsonDocument.Parse(files.IndexJson);
        var terms = index.RootElement.GetProperty("invertedIndex").EnumerateArray().Select(t => t[0].GetString()).ToList();
        Assert.Contains("cafe", terms);
        Assert.Contains("ecol", terms);
        Assert.Contains("nunez", terms);
        Assert.DoesNotContain("caf", terms);
        Assert.Contains("Café École", files.DocsJson);
    }

    [Fact]
    public void Folding_inside_the_builder_equals_adding_folded_text()
    {
        // Every folded letter, combining marks, letters that fold to two, the two capitals JavaScript lower-cases
        // specially, and a text long enough to grow the buffers.
        var letters = string.Concat(AccentFolding.Table.Split(' ').Select(e => e[0]));
        string[] texts =
        [
            "Café Müller e\u0301cole", "Straße ÆSIR þorn Œuvre", "İstanbul ΟΔΟΣ naïve", letters,
            string.Join(' ', Enumerable.Repeat("Łódź ß-ß plain words", 2000)), "", "ascii only",
        ];
        var folding = new LunrIndexBuilder(Fields) { FoldAccents = true };
        var folded = new LunrIndexBuilder(Fields);
        for (var i = 0; i < texts.Length; i++)
        {
            var title = texts[(i + 1) % texts.Length];
            folding.Add($"d{i}", [title, texts[i]]);
            folded.Add($"d{i}", [AccentFolding.Fold(title), AccentFolding.Fold(texts[i])]);
        }
        Assert.Equal(folded.Build().ToUtf8Json(), folding.Build().ToUtf8Json());
    }

    [Theory]
    [InlineData("Café Müller", "Cafe Muller")]
    [InlineData("Łódź Straße Ærø", "Lodz Strasse AEro")]
    [InlineData("e\u0301cole", "ecole")]
    [InlineData("日本語 σοφία", "日本語 σοφία")]
    public void Folding_examples(string text, string folded) => Assert.Equal(folded, AccentFolding.Fold(text));

    [Fact]
    public void Duplicate_refs_are_a_bug_and_throw()
    {
        var builder = new LunrIndexBuilder(Fields);
        builder.Add("a", ["x", "y"]);
        Assert.Throws<ArgumentException>(() => builder.Add("a", ["x", "y"]));
    }

    [Fact]
    public void An_analysis_cache_kept_between_builds_changes_nothing_in_the_index()
    {
        // More documents than one parallel chunk, words shared across chunks, so term numbering crosses chunk edges.
        var words = new[] { "agent", "planning", "reasoning", "Café", "multi-agent", "2024", "the", "models", "tool-use", "Łódź" };
        string Text(int seed, int length) => string.Join(' ', Enumerable.Range(0, length).Select(k => words[(seed * 7 + k * k) % words.Length] + (k % 5 == 0 ? seed.ToString(System.Globalization.CultureInfo.InvariantCulture) : "")));
        var docs = Enumerable.Range(0, 700).Select(i => ($"d{i}", Text(i, 3), Text(i + 1, 40))).ToList();

        string Json(IEnumerable<(string Ref, string Title, string Body)> items, LunrAnalysisCache? cache)
        {
            var builder = new LunrIndexBuilder(Fields, cache);
            foreach (var (r, title, body) in items) builder.Add(r, [title, body]);
            return builder.Build().ToJson();
        }

        var cache = new LunrAnalysisCache();
        var plain = Json(docs, null);
        Assert.Equal(plain, Json(docs, cache));
        Assert.Equal(plain, Json(docs, cache));

        // One document edited, one removed: the cached build equals a fresh one, and stale text leaves the cache.
        var edited = docs.Where(d => d.Item1 != "d5").Select(d => d.Item1 == "d300" ? (d.Item1, "a brand new title", d.Item3) : d).ToList();
        Assert.Equal(Json(edited, null), Json(edited, cache));
        Assert.Equal(edited.SelectMany(d => new[] { d.Item2, d.Item3 }).Distinct(StringComparer.Ordinal).Count(), cache.Count);
    }
}
