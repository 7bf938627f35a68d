using SiteGen.Diagnostics;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Content;

/// <summary>A static page's broken front matter is reported as a page problem, at its line in the page file.</summary>
public sealed class PageFrontMatterTests
{
    [Fact]
    public void Invalid_page_yaml_is_a_page_error_not_a_session_error()
    {
        using var work = new TempDir().With(new Dictionary<string, string>
        {
            ["content/sessions/S1.md"] = "---\ntitle: One\n---\n\nText.\n",
            ["content/pages/syllabus.md"] = "---\ntitle: Syllabus\norder: [1\n---\n\nText.\n",
        });
        var result = Build.Run(work.Combine("content"), work.Combine("site"));

        var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(DiagnosticCodes.PageYaml, error.Code);
        Assert.NotEqual(DiagnosticCodes.SessionYaml, error.Code);
        Assert.EndsWith("pages/syllabus.md", error.Path, StringComparison.Ordinal);
        Assert.InRange(error.Line, 3, 4);
    }
}
