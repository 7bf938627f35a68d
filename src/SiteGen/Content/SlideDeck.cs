namespace SiteGen.Content;

/// <summary>Slide deck names from front matter: `x`, `x.pdf`, `Lectures/x.pdf` all mean content/Lectures/x.pdf.</summary>
public static class SlideDeck
{
    public const string Folder = "Lectures";

    /// <summary>Strips surrounding space, any number of leading "Lectures/" and trailing ".pdf"; null when nothing is left.</summary>
    public static string? Normalise(string? value)
    {
        var name = (value ?? "").Trim();
        while (name.StartsWith(Folder + "/", StringComparison.OrdinalIgnoreCase) || name.StartsWith("/" + Folder + "/", StringComparison.OrdinalIgnoreCase))
            name = name[(name.IndexOf('/', 1) + 1)..].TrimStart();
        while (name.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
            name = name[..^4].TrimEnd();
        return name.Length == 0 ? null : name;
    }

    /// <summary>Relative URL path of a deck under the site root, with each part percent-encoded ("W8.2-Model Serving" -> "Lectures/W8.2-Model%20Serving.pdf").</summary>
    public static string UrlPath(string name) =>
        Folder + "/" + string.Join('/', (name + ".pdf").Split('/').Select(Uri.EscapeDataString));
}
