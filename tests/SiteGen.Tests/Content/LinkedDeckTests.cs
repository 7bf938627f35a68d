using SiteGen.Tests.Support;

namespace SiteGen.Tests.Content;

/// <summary>A bare "x.pdf" in notes links the deck in Lectures/; a missing one is reported like a missing lecture: deck.</summary>
public class LinkedDeckTests
{
    [Fact]
    public void A_deck_linked_from_notes_that_was_never_uploaded_is_a_warning()
    {
        using var work = new TempDir().With(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["content/sessions/W01.md"] = "---\ntitle: One\nnotes: <a href=\"team1.pdf\">team 1</a> + <a href=\"team2.pdf\">team 2</a>\n---\nBody\n",
            ["content/Lectures/team1.pdf"] = "%PDF-1.4\n",
        });

        var result = Build.Run(work.Combine("content"), work.Combine("site"), "/course/");

        Assert.True(result.Succeeded);
        var missing = Assert.Single(result.Diagnostics, d => d.Code == "SG1201");
        Assert.StartsWith("content/sessions/W01.md(3,1): warning SG1201: Slide deck Lectures/team2.pdf linked in notes was not found", missing.ToString(), StringComparison.Ordinal);
    }
}
