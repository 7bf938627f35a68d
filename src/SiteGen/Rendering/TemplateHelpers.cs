using HandlebarsDotNet;
using SiteGen.Text;

namespace SiteGen.Rendering;

/// <summary>Helpers available to templates, each with an example pair that TemplateHelpersTests runs.</summary>
public static class TemplateHelpers
{
    /// <summary>Template -> expected output, for each helper.</summary>
    public static readonly IReadOnlyList<(string Template, string Expected)> Examples =
    [
        ("{{slug \"A Title\"}}", "a-title"),
        ("{{#if (eq \"a\" \"a\")}}yes{{/if}}", "yes"),
        ("{{plural 1 \"reading\"}}, {{plural 3 \"reading\"}}", "1 reading, 3 readings"),
    ];

    public static void Register(IHandlebars handlebars)
    {
        handlebars.RegisterHelper("slug", (context, arguments) => Slug.Of(arguments.Length > 0 ? arguments[0]?.ToString() ?? "" : ""));
        handlebars.RegisterHelper("eq", (context, arguments) =>
            arguments.Length == 2 && string.Equals(arguments[0]?.ToString(), arguments[1]?.ToString(), StringComparison.Ordinal));
        handlebars.RegisterHelper("plural", (context, arguments) =>
        {
            var n = Convert.ToInt32(arguments[0], System.Globalization.CultureInfo.InvariantCulture);
            var word = arguments[1]?.ToString() ?? "";
            return $"{n} {word}{(n == 1 ? "" : "s")}";
        });
    }
}
