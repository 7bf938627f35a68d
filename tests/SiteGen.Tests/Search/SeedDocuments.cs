using System.Text.RegularExpressions;
using SiteGen.Model;

namespace SiteGen.Tests.Search;

/// <summary>
/// Realistic search documents from the seed course: each session, each paper heading in a session (#### title,
/// "+" lines for authors and abstract) and each title + abstract pair of the HF listings. Read simply here on
/// purpose; the real parsers live in other stages and are not what these tests are about.
/// </summary>
internal static partial class SeedDocuments
{
    public static IReadOnlyList<SearchDocument> Load()
    {
        var content = Path.Combine(NodeOracle.RepoRoot, "content");
        var docs = new List<SearchDocument>();
        var seenTitles = new HashSet<string>(StringComparer.Ordinal);

        void Add(string kind, string url, string title, string authors, string tags, string body)
        {
            if (!seenTitles.Add(kind + ":" + title.Trim().ToLowerInvariant())) return;
            var refText = Convert.ToString(docs.Count, 16);
            var snippet = body.Length > 160 ? body[..160] + "…" : body;
            docs.Add(new SearchDocument(refText, url, title.Trim(), kind, authors, tags, body, snippet));
        }

        foreach (var file in Directory.GetFiles(Path.Combine(content, "sessions"), "*.md").Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file).ReplaceLineEndings("\n");
            var name = Path.GetFileNameWithoutExtension(file);
            var parts = text.Split("---\n", 3);
            var front = parts.Length == 3 ? parts[1] : "";
            var body = parts.Length == 3 ? parts[2] : text;
            var title = FrontTitle().Match(front) is { Success: true } t ? t.Groups[1].Value.Trim() : name;
            var tags = string.Join(' ', ListItem().Matches(front).Select(m => m.Groups[1].Value.Trim()));
            Add("session", $"/course/sessions/{name}/", title, "", tags, MarkdownNoise().Replace(body, " "));

            foreach (var section in body.Split("\n#### ").Skip(1))
            {
                var lines = section.Split('\n');
                var items = lines.Skip(1).Where(l => l.StartsWith("+ ", StringComparison.Ordinal)).Select(l => l[2..].Trim()).ToList();
                var abstractText = items.OrderByDescending(l => l.Length).FirstOrDefault() ?? "";
                var authors = items.FirstOrDefault(l => l != abstractText && l.Count(c => c == ',') >= 1 && !l.Contains("http", StringComparison.Ordinal) && !l.StartsWith('[')) ?? "";
                Add("paper", $"/course/sessions/{name}/#paper-{docs.Count}", lines[0], authors, "", abstractText);
            }
        }

        foreach (var file in Directory.GetFiles(Path.Combine(content, "listings"), "hf-*.txt").Order(StringComparer.Ordinal))
        {
            var paragraphs = File.ReadAllText(file).ReplaceLineEndings("\n").Split("\n\n")
                .Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
            for (var i = 0; i + 1 < paragraphs.Count; i++)
            {
                if (paragraphs[i].Length is > 8 and < 300 && !paragraphs[i].Contains('\n') && paragraphs[i + 1].Length > 400)
                {
                    Add("paper", $"/course/papers/#p{docs.Count}", paragraphs[i], "", "", paragraphs[i + 1]);
                    i++;
                }
            }
        }
        return docs;
    }

    [GeneratedRegex(@"^title:\s*(.+)$", RegexOptions.Multiline)]
    private static partial Regex FrontTitle();

    [GeneratedRegex(@"^- (.+)$", RegexOptions.Multiline)]
    private static partial Regex ListItem();

    [GeneratedRegex(@"[#*\[\]()]+|https?://\S+")]
    private static partial Regex MarkdownNoise();
}
