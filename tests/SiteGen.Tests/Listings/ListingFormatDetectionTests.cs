using SiteGen.Listings;

namespace SiteGen.Tests.Listings;

/// <summary>Format detection from the text alone.</summary>
public class ListingFormatDetectionTests
{
    private static ListingFormat Detect(string text) =>
        ListingFormats.Detect(text.Split('\n').Select((line, i) => new SourceLine(i + 1, line)));

    private static readonly string LongAbstract = string.Concat(Enumerable.Repeat("An abstract sentence about agents. ", 8));

    [Fact]
    public void An_arxiv_id_at_a_line_start_means_arxiv() =>
        Assert.Equal(ListingFormat.Arxiv, Detect("Some abstract.\narXiv:2401.01234v2Next abstract.\n"));

    [Fact]
    public void One_hf_metadata_block_means_hf() =>
        Assert.Equal(ListingFormat.HuggingFace, Detect($"A Title\n\n{LongAbstract}\n\n  • 3 authors\n·\nAug 18, 2024\n"));

    [Fact]
    public void The_hf_page_header_without_metadata_means_hf_plain() =>
        Assert.Equal(ListingFormat.HuggingFacePlain, Detect($"Get trending papers in your email inbox!\n\nA Title\n\n{LongAbstract}\n"));

    [Fact]
    public void Alternating_titles_and_abstracts_without_a_header_mean_hf_plain() =>
        Assert.Equal(ListingFormat.HuggingFacePlain, Detect($"Title One\n\n{LongAbstract}\n\nTitle Two\n\n{LongAbstract}\n"));

    [Fact]
    public void Anything_else_is_unrecognised() =>
        Assert.Equal(ListingFormat.Unrecognised, Detect("Dear students,\n\nthe exam is on Monday.\n"));
}
