using System.Net;
using System.Text;
using SiteGen.Diagnostics;

namespace SiteGen.Cli.Serve;

/// <summary>
/// What the preview server adds to HTML responses (never to the built files): a script that reloads the page when a
/// rebuild finishes, a link to the instructors' finder page, and, while the last build failed, an overlay listing its
/// errors with file and line.
/// </summary>
public static class LiveReload
{
    public const string EventsPath = "/__sitegen/events";

    public const string Script =
        "<script data-sitegen-live>(function(){var es=new EventSource(\"" + EventsPath + "\");" +
        "es.addEventListener(\"reload\",function(){location.reload();});})();</script>";

    public const string OverlayId = "sitegen-overlay";

    /// <summary>The page's HTML with the script (and the overlay, when there are errors) inserted before &lt;/body&gt;.</summary>
    public static string Inject(string html, IReadOnlyList<Diagnostic> errors)
    {
        var insert = Overlay(errors) + FinderPage.Banner + Script;
        var at = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return at < 0 ? html + insert : html[..at] + insert + html[at..];
    }

    /// <summary>Every error as its clickable line, HTML-escaped: messages quote file names and front matter.</summary>
    public static string Overlay(IReadOnlyList<Diagnostic> errors)
    {
        if (errors.Count == 0) return "";
        var sb = new StringBuilder();
        sb.Append("<div id=\"").Append(OverlayId).Append("\" role=\"alert\" style=\"position:fixed;inset:0;z-index:2147483647;overflow:auto;")
            .Append("background:rgba(20,0,0,.92);color:#fff;font:14px/1.5 ui-monospace,monospace;padding:2rem\">")
            .Append("<h2 style=\"margin-top:0;color:#ff8080\">Build failed: the page shows the last good build</h2>");
        foreach (var d in errors)
        {
            sb.Append("<div class=\"sitegen-error\" style=\"margin:0 0 1rem\"><strong>")
                .Append(WebUtility.HtmlEncode(FormattableString.Invariant($"{d.Path}({d.Line},{d.Column})")))
                .Append("</strong>: ").Append(WebUtility.HtmlEncode($"error {d.Code}: {d.Message}"));
            if (!string.IsNullOrEmpty(d.Hint)) sb.Append("<br><em>Hint: ").Append(WebUtility.HtmlEncode(d.Hint)).Append("</em>");
            sb.Append("</div>");
        }
        sb.Append("<p>Fix the file and save: the page reloads by itself.</p></div>");
        return sb.ToString();
    }
}
