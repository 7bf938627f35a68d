using SiteGen.Content;

namespace SiteGen.Tests.Support;

internal static class PlainProseShortcut
{
    /// <summary>True when the text takes the shortcut past Markdig.</summary>
    public static bool Taken(string markdown) =>
        MarkdownRenderer.PlainProse.Render(markdown, MarkdownRenderer.PlainProse.Output.Text) is not null;
}
