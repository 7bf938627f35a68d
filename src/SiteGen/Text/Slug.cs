namespace SiteGen.Text;

/// <summary>The one slug function for tag links and their anchors: "LLM/Agents" -> "llm-agents", "Réasoning" -> "reasoning".</summary>
/// <remarks>Accents fold through <see cref="AccentFolding"/>, the table search uses; what is left outside a-z and 0-9 separates words.</remarks>
public static class Slug
{
    public static string Of(string text)
    {
        var folded = AccentFolding.Fold(text);
        var builder = new System.Text.StringBuilder(folded.Length);
        var dash = false;
        foreach (var c in folded)
        {
            var lower = char.ToLowerInvariant(c);
            if (lower is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                if (dash && builder.Length > 0) builder.Append('-');
                builder.Append(lower);
                dash = false;
            }
            else if (char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark) dash = true;
        }
        return builder.Length == 0 ? "tag" : builder.ToString();
    }
}
