using SiteGen.Diagnostics;
using SiteGen.Text;
using YamlDotNet.RepresentationModel;

namespace SiteGen.Import;

/// <summary>A Jekyll collection from <c>_config.yml</c>'s <c>collections:</c>.</summary>
/// <param name="SortBy">The <c>sort_by</c> key, or null (Jekyll then orders by date, then path).</param>
/// <param name="Permalink">The collection's own <c>permalink</c>, or null.</param>
public sealed record JekyllCollection(string Name, bool Output, string? SortBy, string? Permalink, int Line);

/// <summary>What the import reads from a Jekyll site's <c>_config.yml</c>.</summary>
public sealed record JekyllConfig
{
    public string Title { get; init; } = "";
    public string Tagline { get; init; } = "";
    public string Description { get; init; } = "";
    public string BaseUrl { get; init; } = "";
    public string Url { get; init; } = "";
    public string Author { get; init; } = "";
    /// <summary>The site-wide <c>permalink</c> ("pretty", "date", or a pattern), or null.</summary>
    public string? Permalink { get; init; }
    public IReadOnlyList<JekyllCollection> Collections { get; init; } = [];
    /// <summary>Top-level files and folders Jekyll leaves out of the site (<c>exclude:</c>).</summary>
    public IReadOnlySet<string> Exclude { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public const string FileName = "_config.yml";

    /// <returns>Null when the file is not valid YAML or not a mapping (an error is reported with its line).</returns>
    public static JekyllConfig? Parse(string text, string displayPath, DiagnosticBag diagnostics)
    {
        // Jekyll's configuration is often aligned with tabs after the colon ("baseurl: \t/x/"), which Ruby's parser
        // takes as spaces; YamlDotNet is stricter about tabs, so they become spaces first (line and column stay).
        var root = YamlText.LoadRoot(text.Replace('\t', ' '), out var error);
        if (error is not null)
        {
            diagnostics.Error(DiagnosticCodes.ImportUnreadable, displayPath, error.Line, error.Column,
                $"_config.yml is not valid YAML: {error.Message}; nothing was imported.",
                "Fix that line (Jekyll itself would fail on it too), then run `sitegen import jekyll` again.");
            return null;
        }
        if (root is not YamlMappingNode mapping)
        {
            diagnostics.Error(DiagnosticCodes.ImportUnreadable, displayPath, 1, 1,
                "_config.yml holds no settings (it is empty or not a mapping of key: value lines); nothing was imported.",
                "A Jekyll _config.yml has lines such as title: ..., baseurl: /repo/ and collections:.");
            return null;
        }
        var config = new JekyllConfig();
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var scalar = ((valueNode as YamlScalarNode)?.Value ?? "").Trim();
            switch ((keyNode as YamlScalarNode)?.Value)
            {
                case "title": config = config with { Title = scalar }; break;
                case "tagline": config = config with { Tagline = scalar }; break;
                case "description": config = config with { Description = scalar }; break;
                case "baseurl": config = config with { BaseUrl = scalar }; break;
                case "url": config = config with { Url = scalar }; break;
                case "permalink": config = config with { Permalink = scalar.Length == 0 ? null : scalar }; break;
                case "author":
                    config = config with
                    {
                        Author = valueNode is YamlMappingNode author
                            ? (author.Children.FirstOrDefault(kv => (kv.Key as YamlScalarNode)?.Value == "name").Value as YamlScalarNode)?.Value?.Trim() ?? ""
                            : scalar,
                    };
                    break;
                case "collections":
                    config = config with { Collections = ReadCollections(valueNode) };
                    break;
                case "exclude" when valueNode is YamlSequenceNode excluded:
                    config = config with
                    {
                        Exclude = excluded.Children.OfType<YamlScalarNode>().Select(n => (n.Value ?? "").Trim().Trim('/')).Where(n => n.Length > 0).ToHashSet(StringComparer.Ordinal),
                    };
                    break;
            }
        }
        return config;
    }

    /// <summary><c>collections: { contents: { output: true, sort_by: LOrder } }</c>, or the older list form <c>collections: [contents]</c>.</summary>
    private static List<JekyllCollection> ReadCollections(YamlNode node)
    {
        var collections = new List<JekyllCollection>();
        if (node is YamlSequenceNode names)
        {
            foreach (var name in names.Children.OfType<YamlScalarNode>())
                collections.Add(new JekyllCollection(name.Value ?? "", false, null, null, (int)name.Start.Line));
            return collections;
        }
        if (node is not YamlMappingNode mapping) return collections;
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var name = (keyNode as YamlScalarNode)?.Value ?? "";
            string? Setting(string key) =>
                valueNode is YamlMappingNode settings
                    ? (settings.Children.FirstOrDefault(kv => (kv.Key as YamlScalarNode)?.Value == key).Value as YamlScalarNode)?.Value?.Trim()
                    : null;
            collections.Add(new JekyllCollection(name, Setting("output") is "true" or "True" or "yes", Setting("sort_by"), Setting("permalink"), (int)keyNode.Start.Line));
        }
        return collections;
    }
}
