using System.Text;
using SiteGen.Diagnostics;
using SiteGen.Listings;
using SiteGen.Model;

namespace SiteGen.Tests.Listings;

/// <summary>Bad input users hand over: each is read or reported with file and line, never a crash or a silent drop.</summary>
public class ListingBadInputTests
{
    private const string Display = "content/listings/x.txt";

    private static (IReadOnlyList<PaperRecord> Records, string Format, DiagnosticBag Diagnostics) Read(byte[] bytes, SiteConfig? config = null)
    {
        var diagnostics = new DiagnosticBag();
        var (records, format) = ReadListings.ReadFile(bytes, "listings/x.txt", Display, config ?? SiteConfig.Default, diagnostics);
        return (records, format, diagnostics);
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Seed(string name) => File.ReadAllBytes(Fixtures.PathOf("listings/seeds/" + name));

    private static string Describe(IReadOnlyList<PaperRecord> records) =>
        GoldenFile.Serialize(records.Select(ListingRecordView.Of).ToList());

    [Theory]
    [InlineData("arxiv-agents-listing.txt", "utf-16")]
    [InlineData("arxiv-agents-listing.txt", "utf-16BE")]
    [InlineData("hf-daily-papers-agents-with-metadata.txt", "utf-32")]
    [InlineData("hf-papers-agents-1.txt", "utf-32BE")]
    public void A_listing_saved_as_utf16_or_utf32_with_its_mark_gives_the_records_of_the_utf8_file(string name, string encodingName)
    {
        var clean = Read(Seed(name));
        var encoding = Encoding.GetEncoding(encodingName);
        var wide = encoding.GetPreamble().Concat(encoding.GetBytes(Encoding.UTF8.GetString(Seed(name)))).ToArray();

        var read = Read(wide);

        Assert.NotEmpty(clean.Records);
        Assert.Equal(clean.Format, read.Format);
        Assert.Equal(Describe(clean.Records), Describe(read.Records));
        Assert.DoesNotContain(read.Diagnostics.Items, d => d.Code == DiagnosticCodes.ListingBinary);
    }

    [Theory]
    [InlineData("arxiv-agents-listing.txt")]
    [InlineData("hf-daily-papers-agents-with-metadata.txt")]
    [InlineData("hf-papers-agents-1.txt")]
    public void Crlf_bom_and_tabs_give_the_same_records_as_the_clean_file(string name)
    {
        var clean = Read(Seed(name));
        var text = Encoding.UTF8.GetString(Seed(name));
        var messy = "\uFEFF" + text.Replace("\n", "\r\n", StringComparison.Ordinal).Replace("·", "\t·\t", StringComparison.Ordinal);

        var read = Read(Encoding.UTF8.GetBytes(messy));

        Assert.Equal(clean.Format, read.Format);
        Assert.Equal(Describe(clean.Records), Describe(read.Records));
        Assert.Empty(read.Diagnostics.Items);
    }

    [Fact]
    public void Invalid_utf8_is_reported_with_its_line_and_replaced()
    {
        var bytes = Utf8("Title One\n\nAn abstract about agents that is long enough to be an abstract.\n\nTitle ").Concat(new byte[] { 0xC3, 0x28, 0xFF })
            .Concat(Utf8(" Two\n\nAnother abstract.\n")).ToArray();

        var (records, format, diagnostics) = Read(bytes, new SiteConfig { ListingFormats = new Dictionary<string, string>(StringComparer.Ordinal) { ["x.txt"] = "hf-plain" } });

        Assert.Equal("hf-plain", format);
        Assert.Equal(2, records.Count);
        Assert.Equal("Title \uFFFD(\uFFFD Two", records[1].Title);
        var warning = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticCodes.ListingInvalidUtf8, warning.Code);
        Assert.Equal((Display, 5, 7), (warning.Path, warning.Line, warning.Column));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n\r\n\t\n")]
    [InlineData("\uFEFF")]
    public void An_empty_file_is_a_warning_and_no_records(string text)
    {
        var (records, format, diagnostics) = Read(Utf8(text));

        Assert.Empty(records);
        Assert.Equal("empty", format);
        Assert.Equal(DiagnosticCodes.ListingEmpty, Assert.Single(diagnostics.Items).Code);
    }

    [Fact]
    public void A_binary_file_is_skipped_with_a_warning()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];

        var (records, format, diagnostics) = Read(png);

        Assert.Empty(records);
        Assert.Equal("binary", format);
        var warning = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticCodes.ListingBinary, warning.Code);
        Assert.Equal(Display, warning.Path);
    }

    [Fact]
    public void An_unrecognised_file_is_a_warning_naming_the_file_with_the_override_as_hint()
    {
        var (records, format, diagnostics) = Read(Utf8("Shopping list\nmilk\neggs\n"));

        Assert.Empty(records);
        Assert.Equal("unrecognised", format);
        var warning = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticCodes.ListingUnrecognised, warning.Code);
        Assert.Contains("listings/x.txt", warning.Message, StringComparison.Ordinal);
        Assert.Contains("listing_formats", warning.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void The_unrecognised_file_hint_is_site_yml_that_sets_the_format()
    {
        var (_, _, diagnostics) = Read(Utf8("Shopping list\nmilk\neggs\n"));
        var hint = Assert.Single(diagnostics.Items).Hint!;
        const string lead = "Set it in site.yml: ";
        var yaml = hint[(hint.IndexOf(lead, StringComparison.Ordinal) + lead.Length)..hint.IndexOf(" (", StringComparison.Ordinal)];

        var configDiagnostics = new DiagnosticBag();
        var config = SiteGen.Config.LoadConfig.Parse(yaml, "site.yml", configDiagnostics, out _);

        Assert.Empty(configDiagnostics.Items);
        Assert.Equal("hf", config.ListingFormats["x.txt"]);
        var (_, format, _) = Read(Utf8("Shopping list\nmilk\neggs\n"), config);
        Assert.Equal("hf", format);
    }

    [Fact]
    public void The_site_yml_override_forces_a_format_the_text_does_not_reveal()
    {
        var text = Utf8("Only One Title\n\nAnd its abstract.\n");
        Assert.Equal("unrecognised", Read(text).Format);

        var config = new SiteConfig { ListingFormats = new Dictionary<string, string>(StringComparer.Ordinal) { ["x.txt"] = "hf-plain" } };
        var (records, format, diagnostics) = Read(text, config);

        Assert.Equal("hf-plain", format);
        Assert.Equal("Only One Title", Assert.Single(records).Title);
        Assert.Empty(diagnostics.Items);
    }

    [Fact]
    public void An_unknown_override_value_is_reported_and_detection_is_used()
    {
        var config = new SiteConfig { ListingFormats = new Dictionary<string, string>(StringComparer.Ordinal) { ["x.txt"] = "rss" } };

        var (records, format, diagnostics) = Read(Seed("arxiv-agents-listing.txt"), config);

        Assert.Equal("arxiv", format);
        Assert.Equal(10, records.Count);
        Assert.Contains(diagnostics.Items, d => d.Code == DiagnosticCodes.ListingUnrecognised && d.Message.Contains("'rss'", StringComparison.Ordinal));
    }

    [Fact]
    public void Tex_and_non_ascii_titles_are_kept_as_written()
    {
        const string text = "new\n\nGet trending papers in your email inbox!\n\nThe $\\alpha$-Divergence of “Curious” Agents: Ünïcode 模型\n\nWe study agents.\n\n  • 2 authors\n·\nAug 18, 2024 3\n";

        var (records, format, _) = Read(Utf8(text));

        Assert.Equal("hf", format);
        var record = Assert.Single(records);
        Assert.Equal("The $\\alpha$-Divergence of “Curious” Agents: Ünïcode 模型", record.Title);
        Assert.Equal(2, record.AuthorCount);
        Assert.Equal(3, record.Upvotes);
    }

    [Fact]
    public void Arxiv_listing_reads_versions_old_style_ids_and_reports_an_entry_without_id()
    {
        const string text = "First abstract about agents.\n12 pages\narXiv:2401.01234v3Second abstract, old style.\narXiv:cs/0112017v1Third abstract has no id.\n";

        var (records, format, diagnostics) = Read(Utf8(text));

        Assert.Equal("arxiv", format);
        Assert.Equal(3, records.Count);
        Assert.Equal(("2401.01234", 3), (records[0].ArxivId, records[0].ArxivVersion));
        Assert.Equal("12 pages", records[0].Comments);
        Assert.Equal(("cs/0112017", 1), (records[1].ArxivId, records[1].ArxivVersion));
        Assert.Null(records[2].ArxivId);
        Assert.Equal("Third abstract has no id.", records[2].Abstract);
        var warning = Assert.Single(diagnostics.Items);
        Assert.Equal((DiagnosticCodes.ListingEntrySkipped, 4), (warning.Code, warning.Line));
    }

    [Fact]
    public void A_hard_wrapped_arxiv_abstract_is_joined_and_comments_stay_separate()
    {
        const string text = "We study agents that plan\nand act in long tasks.\n14 pages, 7 figures\narXiv:2401.01234\n";

        var record = Assert.Single(Read(Utf8(text)).Records);

        Assert.Equal("We study agents that plan and act in long tasks.", record.Abstract);
        Assert.Equal("14 pages, 7 figures", record.Comments);
    }

    [Fact]
    public void A_second_abstract_paragraph_in_hf_text_stays_with_its_entry()
    {
        var longParagraph = string.Concat(Enumerable.Repeat("More detail about the method and its results. ", 10)).Trim();
        var text = $"Get trending papers in your email inbox!\n\nFirst Title\n\nFirst abstract.\n\n{longParagraph}\n\nSecond Title\n\nSecond abstract.\n";

        var (records, format, diagnostics) = Read(Utf8(text));

        Assert.Equal("hf-plain", format);
        Assert.Equal(["First Title", "Second Title"], records.Select(r => r.Title));
        Assert.Equal("First abstract.\n\n" + longParagraph, records[0].Abstract);
        Assert.Equal((3, 7), (records[0].Source.StartLine, records[0].Source.EndLine));
        Assert.Empty(diagnostics.Items);
    }

    [Fact]
    public void A_title_without_abstract_is_kept_with_a_warning_and_the_next_entry_stays_aligned()
    {
        var longAbstract = string.Concat(Enumerable.Repeat("An abstract sentence about agents. ", 10)).Trim();
        var text = $"Get trending papers in your email inbox!\n\nLonely Title\n\nSecond Title\n\n{longAbstract}\n\nThird Title\n\n{longAbstract}\n";

        var (records, _, diagnostics) = Read(Utf8(text));

        Assert.Equal(["Lonely Title", "Second Title", "Third Title"], records.Select(r => r.Title));
        Assert.Null(records[0].Abstract);
        Assert.Equal(longAbstract, records[1].Abstract);
        var warning = Assert.Single(diagnostics.Items);
        Assert.Equal((DiagnosticCodes.ListingEntrySkipped, 3), (warning.Code, warning.Line));
    }

    [Fact]
    public void Hf_metadata_with_no_entry_before_it_is_reported()
    {
        const string text = "Daily Papers\n\n  • 3 authors\n·\nAug 18, 2024\n\nA Title\n\nAn abstract.\n\n  • 4 authors\n·\nAug 19, 2024\n";

        var (records, _, diagnostics) = Read(Utf8(text));

        Assert.Equal(4, Assert.Single(records).AuthorCount);
        var warning = Assert.Single(diagnostics.Items);
        Assert.Equal((DiagnosticCodes.ListingEntrySkipped, 3), (warning.Code, warning.Line));
    }

    [Fact]
    public void A_five_megabyte_listing_is_read_completely()
    {
        // Not timed (the benchmark measures speed): checks that a large file streams through without losing entries.
        var seed = Encoding.UTF8.GetString(Seed("arxiv-agents-listing.txt")).TrimEnd('\n');
        var builder = new StringBuilder();
        var copies = 0;
        while (builder.Length < 5_000_000)
        {
            builder.Append(seed).Append("Next copy begins here.\n"); // the last id of a copy is followed by the next copy's first abstract
            copies++;
        }
        var (records, format, diagnostics) = Read(Utf8(builder.ToString()));

        Assert.Equal("arxiv", format);
        // Each copy has 10 ids, so 10 entries each; the trailing text after the last id is one more entry without an id.
        Assert.Equal(copies * 10 + 1, records.Count);
        Assert.Single(diagnostics.Items);
    }
}

/// <summary>Date lines past year 9999 (the long fuzz run, seed 27, course 52, threw ArgumentOutOfRangeException).</summary>
public class HuggingFaceDateLineTests
{
    [Theory]
    [InlineData("Aug 18, 10000", false)]
    [InlineData("Feb 29, 99999 3", false)]
    [InlineData("Dec 31, 9999", true)]
    [InlineData("Aug 18, 2024 12", true)]
    public void A_date_line_is_read_only_with_a_year_a_date_can_hold(string line, bool read) =>
        Assert.Equal(read, SiteGen.Listings.HuggingFaceListingParser.TryParseDateLine(line, out _, out _));
}
