using System.Globalization;
using System.Text;

namespace SiteGen.Text;

/// <summary>The one slug function for tag links and their anchors: "LLM/Agents" -> "llm-agents", "Réasoning" -> "reasoning".</summary>
public static class Slug
{
    public static string Of(string text)
    {
        var builder = new StringBuilder(text.Length);
        var dash = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            var lower = char.ToLowerInvariant(c);
            if (lower is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                if (dash && builder.Length > 0) builder.Append('-');
                builder.Append(lower);
                dash = false;
            }
            else dash = true;
        }
        return builder.Length == 0 ? "tag" : builder.ToString();
    }
}
