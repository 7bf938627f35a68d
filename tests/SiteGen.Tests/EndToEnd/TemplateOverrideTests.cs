using SiteGen.Tests.Support;

namespace SiteGen.Tests.EndToEnd;

/// <summary>A course overrides built-in templates file by file: templates/ beside content/, or the folder named in site.yml.</summary>
public class TemplateOverrideTests
{
    private static readonly Dictionary<string, string> Course = new(StringComparer.Ordinal)
    {
        ["content/sessions/W01.md"] = "---\ntitle: One\n---\nBody.\n",
    };

    [Fact]
    public void Templates_beside_the_content_folder_replace_built_in_files()
    {
        using var work = new TempDir().With(new Dictionary<string, string>(Course, StringComparer.Ordinal)
        {
            ["templates/partials/footer.hbs"] = "<footer class=\"site-footer\"><p>Our own footer for {{Site.Title}}</p></footer>",
        });

        var result = Build.Run(work.Combine("content"), work.Combine("site"));

        Assert.True(result.Succeeded, string.Join('\n', Build.Lines(result)));
        var page = File.ReadAllText(work.Combine("site", "sessions", "W01", "index.html"));
        Assert.Contains("Our own footer for Course", page);
        Assert.Contains("<h1>One</h1>", page); // the other templates are still the built-in ones
    }

    [Fact]
    public void Site_yml_can_name_a_templates_folder()
    {
        using var work = new TempDir().With(new Dictionary<string, string>(Course, StringComparer.Ordinal)
        {
            ["content/site.yml"] = "title: Named\ntemplates: theme\n",
            ["theme/404.hbs"] = "<h1>Lost in {{Site.Title}}</h1>",
        });

        var result = Build.Run(work.Combine("content"), work.Combine("site"));

        Assert.True(result.Succeeded, string.Join('\n', Build.Lines(result)));
        Assert.Contains("<h1>Lost in Named</h1>", File.ReadAllText(work.Combine("site", "404.html")));
    }

    [Fact]
    public void A_template_that_does_not_compile_is_an_error_and_nothing_is_written()
    {
        using var work = new TempDir().With(new Dictionary<string, string>(Course, StringComparer.Ordinal)
        {
            ["templates/home.hbs"] = "{{#each Sessions}}<p>{{Title}}</p>",
        });

        var result = Build.Run(work.Combine("content"), work.Combine("site"));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == "SG4001" && d.Message.Contains("home.hbs", StringComparison.Ordinal));
        Assert.False(Directory.Exists(work.Combine("site")));
    }
}
