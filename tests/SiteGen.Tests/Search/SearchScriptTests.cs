using System.Text.Json;
using SiteGen.Model;
using SiteGen.Search;
using SiteGen.Text;

namespace SiteGen.Tests.Search;

/// <summary>
/// templates/assets/search.js's query handling, run in node over an index built by BuildSearchIndex: prefix
/// search while typing, hyphens, accents folded the same way on both sides, lunr syntax that never throws.
/// </summary>
public sealed class SearchScriptTests
{
    private static readonly SearchDocument[] Docs =
    [
        Doc("a", "Agents that plan", "Sébastien Bubeck, Zoë Ærø", "agents", "Autonomous agents plan with modules and tools."),
        Doc("b", "Multi-agent debate", "", "debate", "Multi-agent systems argue; chain-of-thought prompting helps."),
        Doc("c", "Café naïve Łódź", "José Núñez", "accents", "Crème brûlée and résumé writing in the École."),
        Doc("d", "Reasoning with small models", "", "", "Small language models reason about math, GPT-4o and Llama-3.1-8B."),
        Doc("e", "Robots everywhere", "", "", "Robots, robots and more robots."),
        Doc("f", "Kitchen helpers", "", "", "Cooking in kitchens."),
        Doc("g", "Field notes", "", "", "Household robots in kitchens, with notes about homes and the people in them."),
    ];

    private static SearchDocument Doc(string r, string title, string authors, string tags, string body) =>
        new(r, "/course/" + r + "/", title, "paper", authors, tags, body, body);

    private static readonly string[] FoldCases =
    [
        "Café naïve Łódź École", "ÀÉÎÕÜ àéîõü ß æ œ ø ł đ þ ı", "e\u0301cole", "Sébastien Bubeck", "日本語 σοφία", "plain ascii",
    ];

    private static JsonElement Run(string[] queries)
    {
        NodeOracle.RequireNode();
        var dir = Directory.CreateTempSubdirectory("sitegen-searchjs-").FullName;
        var indexPath = Path.Combine(dir, "index.json");
        File.WriteAllText(indexPath, BuildSearchIndex.Run(Docs).IndexJson);
        var requestPath = Path.Combine(dir, "request.json");
        var responsePath = Path.Combine(dir, "response.json");
        File.WriteAllText(requestPath, JsonSerializer.Serialize(new { indexPath, folds = FoldCases, queries }));
        try
        {
            var (code, output) = NodeOracle.Run([Path.Combine(NodeOracle.OracleDir, "searchjs.js"), requestPath, responsePath]);
            Assert.True(code == 0, "searchjs.js failed: " + output);
            return JsonDocument.Parse(File.ReadAllText(responsePath)).RootElement.Clone();
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [NodeFact]
    public void Browser_and_builder_fold_accents_identically()
    {
        var response = Run([]);
        Assert.Equal(AccentFolding.Table, response.GetProperty("foldTable").GetString());
        Assert.Equal(FoldCases.Select(AccentFolding.Fold), response.GetProperty("folds").EnumerateArray().Select(f => f.GetString()));
    }

    [NodeFact]
    public void Queries_find_what_students_type()
    {
        (string Query, string[] Expected)[] cases =
        [
            ("agen", ["a"]),                 // prefix while typing
            ("agents", ["a"]),               // stemmed
            ("modu", ["a"]),                 // prefix of a stem ("modules" is indexed as "modul")
            ("module", ["a"]),               // full word whose stem is shorter than the word
            ("multi-agent", ["b"]),          // hyphenated, as the tokenizer splits it
            ("chain-of-thought", ["b"]),
            ("café", ["c"]), ("cafe", ["c"]), ("CAFÉ", ["c"]),
            ("lodz", ["c"]), ("łódź", ["c"]), ("Núñez", ["c"]), ("creme brulee", ["c"]),
            ("sébastien", ["a"]), ("sebastien", ["a"]),
            ("gpt-4o", ["d"]), ("3.1", ["d"]),
            ("title:debate", ["b"]), ("title:deb", ["b"]), ("+agents -debate", ["a"]),
            ("the agents", ["a"]),           // a stop word in front does not matter
            ("robots kitchens", ["g"]),      // the page with every word first, above pages repeating one of them
            ("robots kitch", ["g"]),         // also while the last word is still being typed
        ];
        var response = Run(cases.Select(c => c.Query).ToArray());
        Assert.Empty(response.GetProperty("warnings").EnumerateArray());
        var results = response.GetProperty("results").EnumerateArray().ToList();
        for (var i = 0; i < cases.Length; i++)
        {
            Assert.True(results[i].GetProperty("error").ValueKind == JsonValueKind.Null, $"{cases[i].Query}: {results[i].GetProperty("error")}");
            var refs = results[i].GetProperty("refs").EnumerateArray().Select(r => r.GetString()).ToList();
            Assert.True(refs.Count > 0 && refs[0] == cases[i].Expected[0], $"'{cases[i].Query}' gave [{string.Join(',', refs)}]");
        }
    }

    [NodeFact]
    public void Invalid_lunr_syntax_falls_back_to_plain_words_without_throwing()
    {
        string[] queries = ["title:", "agents~", "+", "-", "agents^", ":debate", "title:agents:", "~~", "^^2", "*", "debate~x", "\\"];
        var response = Run(queries);
        Assert.Empty(response.GetProperty("warnings").EnumerateArray());
        foreach (var result in response.GetProperty("results").EnumerateArray())
            Assert.True(result.GetProperty("error").ValueKind == JsonValueKind.Null, $"{result.GetProperty("query")}: {result.GetProperty("error")}");
        var byQuery = response.GetProperty("results").EnumerateArray().ToDictionary(r => r.GetProperty("query").GetString()!, r => r.GetProperty("refs").EnumerateArray().Select(x => x.GetString()).ToList());
        Assert.Equal("a", byQuery["agents~"].FirstOrDefault());
        Assert.Equal("b", byQuery[":debate"].FirstOrDefault());
    }
}
