using System.Text;

namespace SiteGen.Content;

/// <summary>A markdown file split into its YAML front matter and body, with the body's first line number.</summary>
/// <param name="Yaml">Null when the file has no front matter.</param>
/// <param name="YamlLine">1-based line of the YAML's first line.</param>
/// <param name="BodyLine">1-based line of the body's first line.</param>
/// <param name="Unclosed">True when an opening --- has no closing ---.</param>
public sealed record FrontMatter(string? Yaml, int YamlLine, string Body, int BodyLine, bool Unclosed)
{
    /// <summary>
    /// Characters of front matter read: the longest in the real courses is under 1,000; past this the YAML is not parsed
    /// (a huge one would cost time and memory for nothing a page shows).
    /// </summary>
    public const int MaxYamlLength = 256 * 1024;

    /// <summary>The error for YAML longer than <see cref="MaxYamlLength"/>, at its first line; null when it is not.</summary>
    public static Text.YamlError? TooLong(string yaml) =>
        yaml.Length <= MaxYamlLength
            ? null
            : new Text.YamlError(1, 1,
                $"it is {yaml.Length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} characters long (SiteGen reads at most {MaxYamlLength.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)})",
                "Keep the front matter to its keys (title:, lecture:, tags:, ...) and move long text into the body, below the closing ---; check that the closing --- is where you meant it.", OverLimit: true);

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

    /// <summary>
    /// The same split of a UTF-8 file's bytes (BOM already dropped), as <see cref="Split(string)"/> of their text: the YAML
    /// and the body are decoded each on its own, so the whole file's text is never made only to be copied into the body.
    /// Bytes that are not "---\n" then LF-only lines are decoded whole and split as text. SessionFileTextTests holds it
    /// equal to the text split on every real file and 4,000 byte-level mutations.
    /// </summary>
    /// <remarks>
    /// The cut is at a '\n' byte, which is never part of a multi-byte sequence and ends any invalid one: the two halves
    /// decode to the characters the whole would.
    /// </remarks>
    internal static FrontMatter Split(ReadOnlySpan<byte> utf8)
    {
        if (!utf8.StartsWith("---\n"u8) || utf8.Contains((byte)'\r')) return Split(Encoding.UTF8.GetString(utf8));
        var line = 2;
        var position = 4;
        while (position <= utf8.Length)
        {
            var end = utf8[position..].IndexOf((byte)'\n');
            if (end >= 0) end += position;
            var current = end < 0 ? utf8[position..] : utf8[position..end];
            if (IsFence(current))
            {
                var bodyStart = end < 0 ? utf8.Length : end + 1;
                return new FrontMatter(Encoding.UTF8.GetString(utf8[4..position]), 2, Encoding.UTF8.GetString(utf8[bodyStart..]), line + 1, false);
            }
            if (end < 0) break;
            position = end + 1;
            line++;
        }
        return new FrontMatter(null, 2, Encoding.UTF8.GetString(utf8), 1, true);
    }

    /// <summary>"---" or "..." with nothing after but whitespace (any that TrimEnd trims), as a line of bytes.</summary>
    private static bool IsFence(ReadOnlySpan<byte> line) =>
        (line.StartsWith("---"u8) || line.StartsWith("..."u8))
        && (line.Length == 3 || string.IsNullOrWhiteSpace(Encoding.UTF8.GetString(line[3..])));

    /// <summary>Drops a BOM and turns CRLF / CR into LF so line numbers and fences work the same on files from Windows.</summary>
    public static string Normalise(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        return text.Contains('\r') ? text.Replace("\r\n", "\n").Replace('\r', '\n') : text;
    }
}
