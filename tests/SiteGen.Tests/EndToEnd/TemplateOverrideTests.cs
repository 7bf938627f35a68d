using System.Diagnostics;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.EndToEnd;

/// <summary>A course overrides built-in templates file by file, in Scriban or Liquid: templates/ beside content/, or the folder named in site.yml.</summary>
public class TemplateOverrideTests
{
    private static readonly Dictionary<string, string> Course = new(StringComparer.Ordinal)
    {
        ["content/sessions/W01.md"] = "---\ntitle: One\ntags: [Agents]\n---\nBody.\n",
    };

    private static (TempDir Work, SiteGen.Model.BuildResult Result) BuildWith(Dictionary<string, string> files)
    {
        var work = new TempDir().With(new Dictionary<string, string>(Course, StringComparer.Ordinal).Concat(files).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal));
        return (work, Build.Run(work.Combine("content"), work.Combine("site")));
    }

    [Fact]
    public void A_scriban_partial_beside_the_content_folder_replaces_the_built_in_one()
    {
        var (work, result) = BuildWith(new(StringComparer.Ordinal)
        {
            ["templates/partials/footer.sbn-html"] = "<footer class=\"site-footer\"><p>Our own footer for {{ site.title }}</p></footer>",
        });
        using var _ = work;

        Assert.True(result.Succeeded, string.Join('\n', Build.Lines(result)));
        var page = File.ReadAllText(work.Combine("site", "sessions", "W01", "index.html"));
        Assert.Contains("Our own footer for Course", page);
        Assert.Contains("<h1>One</h1>", page); // the other templates are still the built-in ones
    }

    [Fact]
    public void Site_yml_can_name_a_templates_folder()
    {
        var (work, result) = BuildWith(new(StringComparer.Ordinal)
        {
            ["content/site.yml"] = "title: Named\ntemplates: theme\n",
            ["theme/404.sbn-html"] = "<h1>Lost in {{ site.title }}</h1>",
        });
        using var _ = work;

        Assert.True(result.Succeeded, string.Join('\n', Build.Lines(result)));
        Assert.Contains("<h1>Lost in Named</h1>", File.ReadAllText(work.Combine("site", "404.html")));
    }

    [Fact]
    public void A_liquid_page_with_a_jekyll_include_and_filters_changes_its_page_only()
    {
        var (work, result) = BuildWith(new(StringComparer.Ordinal)
        {
            ["content/site.yml"] = "title: Liquid & Co\nbaseurl: /course/\nurl: https://example.edu\n",
            ["templates/tags.liquid"] =
                "<h1>{{ site.title }}</h1>\n{% assign sorted = tags | sort: \"name\" %}{% for tag in sorted %}{% include tag-link.html name=tag.name anchor=tag.anchor %}{% endfor %}\n" +
                "<p class=\"links\">{{ \"/tags/\" | relative_url }} {{ \"/x/\" | absolute_url }} {{ \"A Title!\" | slugify }} {{ \"2026-01-13\" | date: \"%b %-d, %Y\" }} {{ \"2026-01-13\" | date_to_xmlschema }}</p>\n" +
                "{% assign kinds = sessions | group_by: \"kind\" %}<p class=\"groups\">{% for g in kinds %}{{ g.name }}={{ g.size }}{% endfor %}</p>\n" +
                "{% assign found = sessions | where: \"title\", \"One\" %}<p class=\"where\">{{ found.size }}</p>\n" +
                "<p class=\"md\">{{ \"*hi* <b>x</b>\" | markdownify }}</p><p class=\"xml\">{{ \"a<b\" | xml_escape }}</p>\n",
            ["templates/partials/tag-link.html"] = "<a class=\"tag\" href=\"{{ '/tags/' | relative_url }}#{{ include.anchor }}\">{{ include.name | upcase }}</a>",
        });
        using var _ = work;

        Assert.True(result.Succeeded, string.Join('\n', Build.Lines(result)));
        var tags = File.ReadAllText(work.Combine("site", "tags", "index.html"));
        Assert.Contains("<h1>Liquid &amp; Co</h1>", tags);
        Assert.Contains("<a class=\"tag\" href=\"/course/tags/#agents\">AGENTS</a>", tags);
        Assert.Contains("<p class=\"links\">/course/tags/ https://example.edu/course/x/ a-title Jan 13, 2026 2026-01-13T00:00:00+00:00</p>", tags);
        Assert.Contains("<p class=\"groups\">session=1</p>", tags);
        Assert.Contains("<p class=\"where\">1</p>", tags);
        // markdownify of text a template hands it: Markdown, but its raw HTML stays text.
        Assert.Contains("<p class=\"md\"><p><em>hi</em> &lt;b&gt;x&lt;/b&gt;</p>", tags);
        Assert.Contains("<p class=\"xml\">a&amp;lt;b</p>", tags);
        // Only the tags page changed: the session page is the built-in one.
        Assert.Contains("<h1>One</h1>", File.ReadAllText(work.Combine("site", "sessions", "W01", "index.html")));
    }

    [Fact]
    public void The_jekyll_include_ported_in_the_docs_works_as_written()
    {
        var (work, result) = BuildWith(new(StringComparer.Ordinal)
        {
            ["content/site.yml"] = "title: Ported\nbaseurl: /course/\n",
            ["templates/partials/session-row.html"] =
                "<tr>\n  <td>{{ include.session.date }}</td>\n  <td><a href=\"{{ include.session.url | relative_url }}\">{{ include.session.title }}</a></td>\n</tr>\n",
            ["templates/home.liquid"] =
                "<h1>{{ site.title }}</h1>\n<table>\n{% for s in sessions %}{% unless s.is_section %}{% include session-row.html session=s %}{% endunless %}{% endfor %}\n</table>\n",
        });
        using var _ = work;

        Assert.True(result.Succeeded, string.Join('\n', Build.Lines(result)));
        var home = File.ReadAllText(work.Combine("site", "index.html"));
        Assert.Contains("<td><a href=\"/course/sessions/W01/\">One</a></td>", home);
    }

    [Fact]
    public void A_template_that_does_not_parse_is_an_error_at_its_line_and_column_and_nothing_is_written()
    {
        var (work, result) = BuildWith(new(StringComparer.Ordinal)
        {
            ["templates/home.sbn-html"] = "<h1>x</h1>\n<ul>\n  {{ for s in sessions }}<li>{{ s.title }}</li>\n</ul>\n",
        });
        using var _ = work;

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.Code == "SG4001");
        Assert.Equal("templates/home.sbn-html", error.Path);
        Assert.Equal(3, error.Line);
        Assert.True(error.Column > 1, $"column {error.Column}");
        Assert.False(Directory.Exists(work.Combine("site")));
    }

    [Fact]
    public void A_liquid_error_while_rendering_names_the_file_line_and_column()
    {
        var (work, result) = BuildWith(new(StringComparer.Ordinal)
        {
            ["templates/404.liquid"] = "<h1>Lost</h1>\n\n<p>{{ site.title | no_such_filter }}</p>\n",
        });
        using var _ = work;

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.Code == "SG4001");
        Assert.Equal("templates/404.liquid", error.Path);
        Assert.Equal(3, error.Line);
        Assert.Equal(20, error.Column); // the pipe before the filter
        Assert.Contains("404.html", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(work.Combine("site")));
    }

    [Theory]
    [InlineData("templates/404.sbn-html", "{{ while true }}x{{ end }}")]
    [InlineData("templates/404.sbn-html", "{{ for i in 1..100000000 }}{{ for j in 1..100000000 }}{{ end }}{{ end }}")]
    [InlineData("templates/404.sbn-html", "{{ func f; f; end; f }}")]
    [InlineData("templates/404.liquid", "{% for i in (1..100000000) %}{% for j in (1..100000000) %}{% endfor %}{% endfor %}")]
    public void An_endless_override_stops_with_an_error_naming_it(string path, string text)
    {
        var watch = Stopwatch.StartNew();
        var (work, result) = BuildWith(new(StringComparer.Ordinal) { [path] = text });
        using var _ = work;

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.Code == "SG4001");
        Assert.Equal(path, error.Path);
        Assert.InRange(watch.Elapsed.TotalSeconds, 0, 30); // the build as a whole, on a busy machine; the page itself stops at 1 s
    }

    [Fact]
    public void Each_handlebars_override_is_reported_by_name()
    {
        var (work, result) = BuildWith(new(StringComparer.Ordinal)
        {
            ["templates/home.hbs"] = "{{#each Sessions}}<p>{{Title}}</p>{{/each}}",
            ["templates/partials/footer.hbs"] = "<footer>{{Site.Title}}</footer>",
        });
        using var _ = work;

        Assert.False(result.Succeeded);
        var errors = result.Diagnostics.Where(d => d.Code == "SG4009").OrderBy(d => d.Path, StringComparer.Ordinal).ToList();
        Assert.Equal(["templates/home.hbs", "templates/partials/footer.hbs"], errors.Select(e => e.Path));
        Assert.All(errors, e => Assert.Contains("docs/templates.md", e.Hint, StringComparison.Ordinal));
        Assert.Contains("home.sbn-html", errors[0].Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void An_include_cannot_read_outside_the_templates_folders()
    {
        var (work, result) = BuildWith(new(StringComparer.Ordinal)
        {
            ["secret.txt"] = "SECRET",
            ["templates/404.liquid"] = "{% include ../../secret.txt %}",
        });
        using var _ = work;

        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == "SG4001" && d.Path == "templates/404.liquid");
        Assert.DoesNotContain(result.Diagnostics, d => d.Message.Contains("SECRET", StringComparison.Ordinal));
    }
}
