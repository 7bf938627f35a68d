using AngleSharp.Html.Parser;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.EndToEnd;

/// <summary>The schedule counts each session's readings in words that agree with the number.</summary>
public sealed class ScheduleReadingCountTests
{
    private static string Session(string title, int readings)
    {
        var body = new System.Text.StringBuilder($"---\ntitle: {title}\n---\n\n## Required Readings:\n\n");
        for (var i = 1; i <= readings; i++)
            body.Append($"#### Paper {title} {i}\n+ [URL](https://arxiv.org/abs/2406.0{i}804)\n+ Abstract of paper {i}.\n\n");
        return body.ToString();
    }

    [Fact]
    public void One_reading_is_singular_and_more_are_plural()
    {
        using var work = new TempDir().With(new Dictionary<string, string>
        {
            ["content/sessions/S1.md"] = Session("One", 1),
            ["content/sessions/S2.md"] = Session("Two", 2),
        });
        var site = work.Combine("site");
        var result = Build.Run(work.Combine("content"), site);
        Assert.True(result.Succeeded, string.Join('\n', Build.Lines(result)));

        var home = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(site, "index.html")));
        var counts = home.QuerySelectorAll("table.schedule td[data-label='Session'] .muted").Select(c => c.TextContent).ToList();
        Assert.Equal(["(1 reading)", "(2 readings)"], counts);
    }
}
