using SiteGen.Incremental;
using SiteGen.Model;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Incremental;

/// <summary>
/// An incremental rebuild after each kind of edit gives exactly the bytes of a clean build, and rewrites only the files
/// whose bytes changed.
/// </summary>
public sealed class IncrementalBuildTests : IDisposable
{
    private static readonly DateTime Old = new(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly TempDir _dir = new();
    private int _clean;

    private string Content => _dir.Combine("content");
    private string Site => _dir.Combine("site");

    public IncrementalBuildTests()
    {
        TempDir.CopyDirectory(RepoPaths.Content, Content);
        TempDir.CopyDirectory(Path.Combine(RepoPaths.Root, "templates"), _dir.Combine("templates"));
        // Sessions of their own papers: a paper shared with the seed session lists every place it is seen on each page.
        File.WriteAllText(Path.Combine(Content, "sessions", "S90-alpha.md"), Session("Alpha planning", "https://arxiv.org/abs/2401.00001", "Planning with tools"));
        File.WriteAllText(Path.Combine(Content, "sessions", "S91-beta.md"), Session("Beta memory", "https://arxiv.org/abs/2401.00002", "Memory for agents"));
    }

    public void Dispose() => _dir.Dispose();

    private static string Session(string title, string url, string paper) => $"""
        ---
        title: {title}
        tags:
        - Planning
        ---

        Text of the session {title}.

        ## Required Readings:

        #### {paper}
        + [URL]({url})
        + Author One, Author Two
        + An abstract about {paper}.
        """;

    private BuildResult BuildIncremental() => SiteBuilder.Build(new BuildOptions { ContentDir = Content, OutDir = Site });

    /// <summary>Applies an edit, rebuilds incrementally and compares with a clean build into a fresh folder.</summary>
    private BuildResult EditAndCompare(Action edit)
    {
        foreach (var file in Directory.GetFiles(Site, "*", SearchOption.AllDirectories)) File.SetLastWriteTimeUtc(file, Old);
        var before = Build.Snapshot(Site);
        edit();

        var result = BuildIncremental();
        Assert.True(result.Succeeded, string.Join("\n", Build.Lines(result)));
        Assert.True(result.Incremental);

        var clean = _dir.Combine($"clean-{_clean++}");
        var cleanResult = SiteBuilder.Build(new BuildOptions { ContentDir = Content, OutDir = clean, Incremental = false });
        Assert.True(cleanResult.Succeeded);
        var after = Build.Snapshot(Site);
        var expected = Build.Snapshot(clean);
        Assert.Equal(expected.Keys, after.Keys);
        foreach (var (path, bytes) in expected) Assert.True(bytes.AsSpan().SequenceEqual(after[path]), $"{path} differs from a clean build");

        // Rewritten = new or changed bytes, nothing else.
        var changed = after.Where(f => !before.TryGetValue(f.Key, out var old) || !old.AsSpan().SequenceEqual(f.Value)).Select(f => f.Key).ToList();
        var rewritten = after.Keys.Where(p => File.GetLastWriteTimeUtc(Path.Combine(Site, p)) != Old).ToList();
        Assert.Equal(changed, rewritten);
        Assert.Equal(changed.Count, result.FilesWritten);
        Assert.Equal(before.Keys.Except(after.Keys).Count(), result.FilesDeleted);
        return result;
    }

    /// <summary>A paragraph right after the front matter (text appended at the end would belong to the last reading).</summary>
    internal static void InsertParagraph(string file, string paragraph)
    {
        var text = File.ReadAllText(file);
        var end = text.IndexOf("\n---", 3, StringComparison.Ordinal) + "\n---\n".Length;
        File.WriteAllText(file, text[..end] + "\n" + paragraph + "\n" + text[end..]);
    }

    private string SessionFile(string name) => Path.Combine(Content, "sessions", name + ".md");

    [Fact]
    public void Every_kind_of_edit_rebuilds_to_the_bytes_of_a_clean_build_writing_only_what_changed()
    {
        var first = BuildIncremental();
        Assert.True(first.Succeeded, string.Join("\n", Build.Lines(first)));
        Assert.False(first.Incremental);
        Assert.True(File.Exists(BuildManifest.PathFor(Site)));
        Assert.False(File.Exists(Path.Combine(Site, Path.GetFileName(BuildManifest.PathFor(Site)))));
        var pages = first.PagesRendered;

        var nothing = EditAndCompare(() => { });
        Assert.Equal(0, nothing.FilesWritten);
        Assert.Equal(0, nothing.PagesRendered);

        // Session text: its own page is rendered again; the other session pages are not.
        var text = EditAndCompare(() => InsertParagraph(SessionFile("S90-alpha"), "A new paragraph about planning."));
        Assert.Contains("A new paragraph about planning.", File.ReadAllText(Path.Combine(Site, "sessions", "S90-alpha", "index.html")));
        Assert.InRange(text.PagesRendered, 1, pages - 3);
        Assert.Equal(Old, File.GetLastWriteTimeUtc(Path.Combine(Site, "sessions", "S91-beta", "index.html")));

        // Front matter: the title shows on the page, its neighbours' pager links and the schedule.
        EditAndCompare(() => File.WriteAllText(SessionFile("S91-beta"), File.ReadAllText(SessionFile("S91-beta")).Replace("title: Beta", "title: Gamma", StringComparison.Ordinal)));
        Assert.Contains("Gamma", File.ReadAllText(Path.Combine(Site, "sessions", "index.html")));

        // A listing.
        var listing = Directory.GetFiles(Path.Combine(Content, "listings")).Order(StringComparer.Ordinal).First();
        EditAndCompare(() => File.WriteAllText(listing, File.ReadAllText(listing).Replace("Agent", "Agentic", StringComparison.Ordinal)));

        // A template: every page.
        var footer = _dir.Combine("templates", "partials", "footer.sbn-html");
        var all = EditAndCompare(() => File.AppendAllText(footer, "<p class=\"edited\">edited footer</p>\n"));
        Assert.Equal(pages, all.PagesRendered);

        // site.yml.
        var siteYml = Path.Combine(Content, "site.yml");
        EditAndCompare(() => File.WriteAllText(siteYml, File.ReadAllText(siteYml).Replace("title:", "title: Renamed", StringComparison.Ordinal)));

        // An asset.
        EditAndCompare(() => File.AppendAllText(_dir.Combine("templates", "assets", "site.css"), "\n.edited { color: red; }\n"));

        // A deletion: the page goes.
        var deletion = EditAndCompare(() => File.Delete(SessionFile("S91-beta")));
        Assert.False(Directory.Exists(Path.Combine(Site, "sessions", "S91-beta")));
        Assert.True(deletion.FilesDeleted >= 1);

        // A rename: the old URL goes, the new one appears.
        EditAndCompare(() => File.Move(SessionFile("S90-alpha"), SessionFile("S92-alpha-renamed")));
        Assert.False(Directory.Exists(Path.Combine(Site, "sessions", "S90-alpha")));
        Assert.True(File.Exists(Path.Combine(Site, "sessions", "S92-alpha-renamed", "index.html")));

        // An addition.
        EditAndCompare(() => File.Copy(SessionFile("S92-alpha-renamed"), SessionFile("S93-added")));
        Assert.True(File.Exists(Path.Combine(Site, "sessions", "S93-added", "index.html")));
    }

    [Fact]
    public void A_failed_rebuild_leaves_the_site_untouched_and_the_next_good_build_is_still_exact()
    {
        Assert.True(BuildIncremental().Succeeded);
        var before = Build.Snapshot(Site);
        var good = File.ReadAllText(SessionFile("S90-alpha"));
        File.WriteAllText(SessionFile("S90-alpha"), "---\ntitle: Broken\n\nno closing front matter\n");

        var failed = BuildIncremental();
        Assert.False(failed.Succeeded);
        Assert.False(failed.Written);
        var after = Build.Snapshot(Site);
        Assert.Equal(before.Keys, after.Keys);
        foreach (var (path, bytes) in before) Assert.True(bytes.AsSpan().SequenceEqual(after[path]), path);

        EditAndCompare(() => File.WriteAllText(SessionFile("S90-alpha"), good + "\nFixed.\n"));
    }

    [Fact]
    public void A_hand_edited_output_file_is_rendered_again()
    {
        Assert.True(BuildIncremental().Succeeded);
        var page = Path.Combine(Site, "sessions", "S90-alpha", "index.html");
        var original = File.ReadAllBytes(page);
        File.WriteAllText(page, "tampered");
        var result = BuildIncremental();
        Assert.True(result.Succeeded);
        Assert.Equal(original, File.ReadAllBytes(page));
    }

    [Fact]
    public void A_file_the_build_did_not_write_is_left_and_one_the_last_build_wrote_goes_with_its_folder()
    {
        Assert.True(BuildIncremental().Succeeded);
        var stray = Path.Combine(Site, "CNAME");
        File.WriteAllText(stray, "course.example.edu");
        File.Delete(SessionFile("S91-beta"));

        var result = BuildIncremental();
        Assert.True(result.Succeeded);
        Assert.True(result.Incremental);
        Assert.Equal("course.example.edu", File.ReadAllText(stray));
        Assert.False(Directory.Exists(Path.Combine(Site, "sessions", "S91-beta")));
        Assert.True(Directory.Exists(Path.Combine(Site, "sessions")));
    }

    [Fact]
    public void A_manifest_naming_a_file_outside_the_site_folder_deletes_nothing_there()
    {
        Assert.True(BuildIncremental().Succeeded);
        var outside = _dir.Combine("outside.txt");
        File.WriteAllText(outside, "keep");
        var manifest = BuildManifest.Load(Site)!;
        manifest.Files["../outside.txt"] = "0";
        manifest.Save(Site);

        Assert.True(BuildIncremental().Succeeded);
        Assert.Equal("keep", File.ReadAllText(outside));
    }

    [Fact]
    public void Without_a_manifest_the_build_is_full()
    {
        Assert.True(BuildIncremental().Succeeded);
        File.Delete(BuildManifest.PathFor(Site));
        var result = BuildIncremental();
        Assert.False(result.Incremental);
        Assert.True(result.FilesWritten > 0);
    }

    [Fact]
    public void Editing_the_session_template_renders_only_the_session_pages_again()
    {
        Assert.True(BuildIncremental().Succeeded);
        var sessions = Directory.GetDirectories(Path.Combine(Site, "sessions")).Length;
        var template = _dir.Combine("templates", "session.sbn-html");
        var result = EditAndCompare(() => File.WriteAllText(template, File.ReadAllText(template).Replace("<article class=\"session\">", "<article class=\"session edited\">", StringComparison.Ordinal)));
        Assert.Equal(sessions, result.PagesRendered);
        Assert.Contains("session edited", File.ReadAllText(Path.Combine(Site, "sessions", "S90-alpha", "index.html")));
        Assert.DoesNotContain("session edited", File.ReadAllText(Path.Combine(Site, "index.html")));
    }

    [Fact]
    public void Built_in_templates_that_use_only_their_own_page_are_told_apart_from_site_wide_ones()
    {
        var diagnostics = new SiteGen.Diagnostics.DiagnosticBag();
        var set = SiteGen.Rendering.TemplateSet.Load([Path.Combine(RepoPaths.Root, "templates")], diagnostics);
        Assert.Empty(diagnostics.Items);
        foreach (var local in new[] { "session", "page", "papers", "search", "404" }) Assert.False(SiteGen.Rendering.TemplateDependencies.ReadsSiteWideLists(set, set.Page(local)!), local);
        foreach (var siteWide in new[] { "home", "sessions", "tags", "review" }) Assert.True(SiteGen.Rendering.TemplateDependencies.ReadsSiteWideLists(set, set.Page(siteWide)!), siteWide);
    }

    [Fact]
    public void A_course_session_template_listing_every_session_makes_session_pages_depend_on_all_sessions()
    {
        var template = _dir.Combine("templates", "session.sbn-html");
        File.WriteAllText(template, File.ReadAllText(template) + "\n<ul class=\"all\">{{ for s in sessions }}<li>{{ s.title }}</li>{{ end }}</ul>\n");
        Assert.True(BuildIncremental().Succeeded);
        EditAndCompare(() => File.WriteAllText(SessionFile("S91-beta"), File.ReadAllText(SessionFile("S91-beta")).Replace("title: Beta", "title: Delta", StringComparison.Ordinal)));
        Assert.Contains("<li>Delta memory</li>", File.ReadAllText(Path.Combine(Site, "sessions", "S90-alpha", "index.html")));
    }
}
