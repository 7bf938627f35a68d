using System.Globalization;
using SiteGen.Diagnostics;
using SiteGen.Rendering;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Rendering;

/// <summary>Pages are byte-identical on every machine: numbers do not follow the machine's culture.</summary>
public class CultureTests
{
    [Fact]
    public void Numbers_render_with_a_decimal_point_under_a_comma_culture()
    {
        using var work = new TempDir().With(new Dictionary<string, string>(StringComparer.Ordinal) { ["theme/404.sbn-html"] = "{{ score }} {{ count }}" });
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            var templates = TemplateSet.Load([work.Combine("theme")], new DiagnosticBag());

            Assert.Equal("0.75 12345", templates.Render("404", new { Score = 0.75, Count = 12345 }));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }
}
