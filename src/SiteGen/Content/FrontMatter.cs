namespace SiteGen.Content;

/// <summary>A markdown file split into its YAML front matter and body, with the body's first line number.</summary>
/// <param name="Yaml">Null when the file has no front matter.</param>
/// <param name="YamlLine">1-based line of the YAML's first line.</param>
/// <param name="BodyLine">1-based line of the body's first line.</param>
/// <param name="Unclosed">True when an opening --- has no closing ---.</param>
public sealed record FrontMatter(string? Yaml, int YamlLine, string Body, int BodyLine, bool Unclosed)
{
    /// <summary>Splits "---\nyaml\n---\nbody". Accepts a BOM, CRLF, and "..." as the closing fence (YAML's document end).</summary>
    public static FrontMatter Split(string text)
    {
        text = Normalise(text);
        if (!text.StartsWith("---\n", StringComparison.Ordinal) && text.TrimEnd() != "---")
            return new FrontMatter(null, 0, text, 1, false);
        var line = 2;
        var position = 4;
        while (position <= text.Length)
        {
            var end = text.IndexOf('\n', position);
            var current = end < 0 ? text[position..] : text[position..end];
            var trimmed = current.TrimEnd();
            if (trimmed is "---" or "...")
            {
                var yaml = text[4..position];
                var bodyStart = end < 0 ? text.Length : end + 1;
                return new FrontMatter(yaml, 2, text[bodyStart..], line + 1, false);
            }
            if (end < 0) break;
            position = end + 1;
            line++;
        }
        return new FrontMatter(null, 2, text, 1, true);
    }

    /// <summary>Drops a BOM and turns CRLF / CR into LF so line numbers and fences work the same on files from Windows.</summary>
    public static string Normalise(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        return text.Contains('\r') ? text.Replace("\r\n", "\n").Replace('\r', '\n') : text;
    }
}
