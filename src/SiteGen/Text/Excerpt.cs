namespace SiteGen.Text;

/// <summary>Short display text cut from longer text (fallback titles, search snippets).</summary>
public static class Excerpt
{
    /// <summary>At most <paramref name="max"/> characters, cut at the last space when one is past the middle, with " …" when cut.</summary>
    public static string CutAtWord(string text, int max)
    {
        text = text.Trim();
        if (text.Length <= max) return text;
        var space = text.LastIndexOf(' ', max - 1);
        return text[..(space > max / 2 ? space : max)] + " …";
    }
}
