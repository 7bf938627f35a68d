using System.Net;
using SiteGen.Cli.Serve;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Cli;

/// <summary>When the very first build fails there is no site yet: the server still answers with the errors and reloads once fixed.</summary>
public sealed class ServeFirstBuildTests
{
    [Fact]
    public async Task Errors_show_before_any_site_exists_and_the_site_appears_once_fixed()
    {
        using var dir = new TempDir();
        var content = dir.Combine("content");
        TempDir.CopyDirectory(RepoPaths.Content, content);
        var broken = Path.Combine(content, "sessions", "S97-broken.md");
        File.WriteAllText(broken, "---\ntitle: Broken\n");

        await using var server = await DevServer.StartAsync(new ServeOptions { ContentDir = content, OutDir = dir.Combine("site"), BaseUrl = "/course/", Port = 0 }, TextWriter.Null);
        Assert.False(server.LastBuild.Written);
        using var http = new HttpClient();
        using (var response = await http.GetAsync(new Uri(server.Address, "/course/")))
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Contains(LiveReload.OverlayId, body);
            Assert.Contains("content/sessions/S97-broken.md(1,1)", body);
            Assert.Contains("data-sitegen-live", body);
        }

        File.Delete(broken);
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        HttpStatusCode status;
        do
        {
            await Task.Delay(100);
            using var response = await http.GetAsync(new Uri(server.Address, "/course/"));
            status = response.StatusCode;
        }
        while (status != HttpStatusCode.OK && DateTime.UtcNow < until);
        Assert.Equal(HttpStatusCode.OK, status);
    }
}
