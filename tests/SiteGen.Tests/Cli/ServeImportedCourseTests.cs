using System.Net;
using SiteGen.Cli.Serve;
using SiteGen.Import;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Cli;

/// <summary>
/// `serve` in an imported Jekyll course: the course folder is the content folder and `_site/` (with the build's
/// manifest beside it) sits inside it, so the server must not take its own writes for edits.
/// </summary>
public sealed class ServeImportedCourseTests
{
    [Fact]
    public async Task An_imported_course_served_in_place_builds_once_and_again_only_when_a_session_changes()
    {
        using var dir = new TempDir();
        var course = dir.Combine("course");
        TempDir.CopyDirectory(Path.Combine(RepoPaths.Fixtures, "courses", "2025sp-GenAI-overview", "repo"), course);
        Assert.True(ImportJekyll.Run(course).Succeeded);
        var (content, output) = CourseFolder.Resolve(null, null, course);
        Assert.Equal((".", "_site"), (content, output));

        await using var server = await DevServer.StartAsync(new ServeOptions
        {
            ContentDir = Path.Combine(course, content), OutDir = Path.Combine(course, output), BaseUrl = "/course/", Port = 0,
        }, TextWriter.Null);
        Assert.True(server.LastBuild.Written, string.Join('\n', server.LastBuild.Diagnostics));
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(1, server.BuildCount);

        using var http = new HttpClient();
        using (var response = await http.GetAsync(new Uri(server.Address, "/course/contents/S0-L06/")))
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var session = Directory.GetFiles(Path.Combine(course, "_contents"), "*.md").Order(StringComparer.Ordinal).First();
        File.AppendAllText(session, "\nAdded while serving.\n");
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (server.BuildCount < 2 && DateTime.UtcNow < until) await Task.Delay(100);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(2, server.BuildCount);
    }
}

/// <summary>`sitegen new session` in an imported course writes into the collection folder its site.yml names.</summary>
public sealed class NewSessionInImportedCourseTests
{
    [Fact]
    public void New_session_in_an_imported_course_goes_into_its_collection_folder_and_is_built_into_site()
    {
        using var dir = new TempDir();
        var course = dir.Combine("course");
        TempDir.CopyDirectory(Path.Combine(RepoPaths.Fixtures, "courses", "2025sp-GenAI-overview", "repo"), course);
        Assert.True(ImportJekyll.Run(course).Succeeded);
        var before = Directory.GetFiles(Path.Combine(course, "_contents"), "*.md").Length;

        var made = CliProcess.Sitegen(course, "new", "session", "Agents and tools");

        Assert.Equal(0, made.ExitCode);
        var created = Directory.GetFiles(Path.Combine(course, "_contents"), "*agents-and-tools*.md").Single();
        Assert.Equal(before + 1, Directory.GetFiles(Path.Combine(course, "_contents"), "*.md").Length);
        Assert.False(Directory.Exists(Path.Combine(course, "content")), "no content/ folder beside the imported course");
        var build = CliProcess.Sitegen(course, "build");
        Assert.Equal(0, build.ExitCode);
        Assert.True(File.Exists(Path.Combine(course, "_site", "contents", Path.GetFileNameWithoutExtension(created), "index.html")),
            build.Stdout + build.Stderr);
    }
}
