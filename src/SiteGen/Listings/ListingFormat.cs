using SiteGen.Text;

namespace SiteGen.Listings;

public enum ListingFormat { Unrecognised, Arxiv, HuggingFace, HuggingFacePlain }

/// <summary>Format names as written in site.yml (<c>listing_formats</c>) and in the build summary.</summary>
public static class ListingFormats
{
    public static string Name(ListingFormat format) => format switch
    {
        ListingFormat.Arxiv => "arxiv",
        ListingFormat.HuggingFace => "hf",
        ListingFormat.HuggingFacePlain => "hf-plain",
        _ => "unrecognised",
    };

    public static ListingFormat? Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "arxiv" => ListingFormat.Arxiv,
        "hf" => ListingFormat.HuggingFace,
        "hf-plain" => ListingFormat.HuggingFacePlain,
        _ => null,
    };

    /// <summary>How many leading lines detection looks at; enough for a page header and several entries.</summary>
    public const int DetectionLines = 400;

    /// <summary>
    /// Decides the format from the first lines: an <c>arXiv:ID</c> at a line start means an arXiv listing;
    /// Hugging Face metadata (<c>·</c>, <c>• N authors</c>, <c>Aug 18, 2024</c>) means hf; the Hugging Face page header,
    /// or paragraphs alternating a title line and a long abstract, mean hf-plain.
    /// </summary>
    public static ListingFormat Detect(IEnumerable<SourceLine> firstLines)
    {
        var arxivIds = 0;
        var hfMetadata = 0;
        var hfHeader = 0;
        var paragraphs = new List<int>(); // character length of each paragraph's first line
        var lastBlank = true;
        foreach (var line in firstLines.Take(DetectionLines))
        {
            var text = line.Text.Trim();
            if (text.Length == 0) { lastBlank = true; continue; }
            if (text.StartsWith("arXiv:", StringComparison.OrdinalIgnoreCase) && ArxivIdentifiers.TryRead(text, 6, out _) > 0) arxivIds++;
            // The lone '·' between author line and date is unmistakable; counts and dates weigh half as much.
            if (text is "·") hfMetadata += 2;
            else if (HuggingFaceListingParser.IsAuthorCount(text, out _) || HuggingFaceListingParser.TryParseDateLine(text, out _, out _)) hfMetadata++;
            if (text is "Get trending papers in your email inbox!" or "byAK and the research community" or "Daily Papers") hfHeader++;
            if (lastBlank) paragraphs.Add(text.Length);
            lastBlank = false;
        }
        if (arxivIds > 0) return ListingFormat.Arxiv;
        if (hfMetadata >= 2) return ListingFormat.HuggingFace;
        if (hfHeader > 0) return ListingFormat.HuggingFacePlain;
        return AlternatesTitleAndAbstract(paragraphs) ? ListingFormat.HuggingFacePlain : ListingFormat.Unrecognised;
    }

    /// <summary>Short, long, short, long ... for at least two entries: titles and abstracts without a page header.</summary>
    private static bool AlternatesTitleAndAbstract(List<int> paragraphLengths)
    {
        if (paragraphLengths.Count < 4) return false;
        var matches = 0;
        for (var i = 0; i + 1 < paragraphLengths.Count; i += 2)
            if (paragraphLengths[i] <= 300 && paragraphLengths[i + 1] >= 200) matches++;
        return matches * 10 >= (paragraphLengths.Count / 2) * 9;
    }
}
