using SiteGen.Diagnostics;
using SiteGen.Model;

namespace SiteGen.Tests.Content.Readings;

/// <summary>The reading shapes and irregularities listed in the design notes, one small session body each.</summary>
public class ReadingShapesTests
{
    private static (IReadOnlyList<PaperRecord> Records, DiagnosticBag Diagnostics) Parse(string body, int bodyStartLine = 1) =>
        ParseWithDiagnostics(body, bodyStartLine);

    private static (IReadOnlyList<PaperRecord> Records, DiagnosticBag Diagnostics) ParseWithDiagnostics(string body, int bodyStartLine = 1)
    {
        var diagnostics = new DiagnosticBag();
        var records = SiteGen.Content.Readings.ReadingsParser.Parse("sessions/s.md", "s", body, bodyStartLine, "content/sessions/s.md", diagnostics);
        return (records, diagnostics);
    }

    [Theory]
    [InlineData("## Required readings:", ReadingSection.Required)]
    [InlineData("### Required Reading:", ReadingSection.Required)]
    [InlineData("## Required Readings: ACTION & TOOL USE", ReadingSection.Required)]
    [InlineData("## Reading", ReadingSection.Required)]
    [InlineData("## READINGS", ReadingSection.Required)]
    [InlineData("## Background Readings:", ReadingSection.Further)]
    [InlineData("## Extra Readings:", ReadingSection.Further)]
    [InlineData("## More Readings:", ReadingSection.Further)]
    public void Each_reading_heading_variant_opens_a_section(string heading, ReadingSection expected)
    {
        var (records, _) = Parse($"{heading}\n\n#### A Paper Title\n+ Ann Author, Bob Writer\n");

        var record = Assert.Single(records);
        Assert.Equal("A Paper Title", record.Title);
        Assert.Equal(expected, record.Section);
    }

    [Fact]
    public void A_more_readings_section_at_heading_level_four_still_holds_level_four_papers()
    {
        var (records, _) = Parse("#### More readings:\n\n#### Paper One\n+ Ann Author, Bob Writer\n\n#### Paper Two\n+ Cy Third, Di Fourth\n");

        Assert.Equal(["Paper One", "Paper Two"], records.Select(r => r.Title));
        Assert.All(records, r => Assert.Equal(ReadingSection.Further, r.Section));
    }

    [Fact]
    public void Headings_outside_reading_sections_are_not_papers()
    {
        const string body = """
            ## Lecture outline
            #### Not a paper before the readings

            ## Required Readings:
            #### Real Paper
            + Ann Author, Bob Writer

            ## What we learned (student blog)
            #### A Paper-Like Heading In The Blog
            + Some prose about it.
            """;

        var (records, _) = Parse(body);

        Assert.Equal(["Real Paper"], records.Select(r => r.Title));
    }

    [Fact]
    public void A_heading_that_merely_starts_with_reading_is_a_paper_not_a_section()
    {
        var (records, _) = Parse("## Required Readings:\n#### Reading Between the Lines: Probing LLM Hidden States\n+ Ann Author, Bob Writer\n");

        Assert.Equal("Reading Between the Lines: Probing LLM Hidden States", Assert.Single(records).Title);
    }

    [Fact]
    public void Enumerated_headings_and_bare_paragraphs_lose_their_prefix_and_month_year_suffix()
    {
        const string body = """
            ## More Readings:
            #### a. The First Survey (September 2025)
            + Ann Author, Bob Writer

            b. The Second Survey (Jan 2024)
            Cy Third, Di Fourth
            Link: https://arxiv.org/abs/2501.00002

            c.The Third One
            """;

        var (records, _) = Parse(body);

        Assert.Equal(["The First Survey", "The Second Survey", "The Third One"], records.Select(r => r.Title));
        Assert.Equal(["Cy Third", "Di Fourth"], records[1].Authors);
        Assert.Equal("2501.00002", records[1].ArxivId);
    }

    [Fact]
    public void Bullet_papers_with_nested_lines_and_a_group_heading_above_them()
    {
        const string body = """
            ## Required Readings:
            ### 2025 HIGH-IMPACT PAPERS on this topic

            + RLAIF vs. RLHF: Scaling Reinforcement Learning
                - [Submitted on 1 Sep 2023 (v1), last revised 3 Sep 2024 (this version, v3)]
                - Harrison Lee, Samrat Phatale
                - Comments:	Presented at ICML 2024

            + d. The Landscape of Agentic RL (September 2025)
              - Referenced in: https://github.com/example/papers
              - Taxonomy of agentic RL approaches
            """;

        var (records, _) = Parse(body);

        Assert.Equal(["RLAIF vs. RLHF: Scaling Reinforcement Learning", "The Landscape of Agentic RL"], records.Select(r => r.Title));
        Assert.Equal(new DateOnly(2023, 9, 1), records[0].Submitted);
        Assert.Equal(3, records[0].ArxivVersion);
        Assert.Equal("Presented at ICML 2024", records[0].Comments);
        Assert.Null(records[1].Url); // a "Referenced in" link is not the paper's own
        Assert.Contains("Taxonomy of agentic RL approaches", records[1].Notes);
    }

    [Theory]
    [InlineData("+ [URL](https://arxiv.org/abs/2406.05804)", "https://arxiv.org/abs/2406.05804", "2406.05804", null)]
    [InlineData("+ [https://arxiv.org/abs/2406.05804](https://arxiv.org/abs/2406.05804)", "https://arxiv.org/abs/2406.05804", "2406.05804", null)]
    [InlineData("+ https://arxiv.org/pdf/2311.18677", "https://arxiv.org/pdf/2311.18677", "2311.18677", null)]
    [InlineData("+ Link: https://arxiv.org/html/2507.21504v1", "https://arxiv.org/html/2507.21504v1", "2507.21504", 1)]
    [InlineData("+ [URL](https://arxiv.org/abs/2408.03314?utm_source=substack&utm_medium=email)", "https://arxiv.org/abs/2408.03314", "2408.03314", null)]
    [InlineData("+ https://arxiv.org/abs/2411.14499arXiv.orgUnderstanding", "https://arxiv.org/abs/2411.14499", "2411.14499", null)]
    [InlineData("+ arXiv: 2401.01234v2", "https://arxiv.org/abs/2401.01234v2", "2401.01234", 2)]
    [InlineData("+ https://arxiv.org/abs/cs/0112017v1", "https://arxiv.org/abs/cs/0112017v1", "cs/0112017", 1)]
    [InlineData("+ doi: https://doi.org/10.48550/arXiv.2406.10729", "https://doi.org/10.48550/arXiv.2406.10729", "2406.10729", null)]
    public void Url_forms_give_the_url_and_the_base_arxiv_id(string line, string url, string arxivId, int? version)
    {
        var (records, _) = Parse($"## Required Readings:\n#### A Paper\n{line}\n+ Ann Author, Bob Writer\n");

        var record = Assert.Single(records);
        Assert.Equal(url, record.Url);
        Assert.Equal(arxivId, record.ArxivId);
        Assert.Equal(version, record.ArxivVersion);
    }

    [Fact]
    public void Doi_links_fill_the_doi()
    {
        var (records, _) = Parse("## Required Readings:\n#### A Paper\n+ https://doi.org/10.1016/j.sbi.2023.102548\n");

        Assert.Equal("10.1016/j.sbi.2023.102548", Assert.Single(records).Doi);
        Assert.Null(records[0].ArxivId);
    }

    [Fact]
    public void A_url_in_the_heading_gives_the_url_and_the_full_title_comes_from_the_line_below()
    {
        const string body = """
            ## More Readings:
            #### Splitwise: https://arxiv.org/pdf/2311.18677
            +[Submitted on 30 Nov 2023 (v1), last revised 20 May 2024 (this version, v2)]
            + Splitwise: Efficient generative LLM inference using phase splitting
            + Pratyush Patel, Esha Choukse, Íñigo Goiri
            """;

        var record = Assert.Single(Parse(body).Records);

        Assert.Equal("Splitwise: Efficient generative LLM inference using phase splitting", record.Title);
        Assert.Equal("https://arxiv.org/pdf/2311.18677", record.Url);
        Assert.Equal("2311.18677", record.ArxivId);
        Assert.Equal(2, record.ArxivVersion);
        Assert.Equal(["Pratyush Patel", "Esha Choukse", "Íñigo Goiri"], record.Authors);
    }

    [Theory]
    [InlineData("+ Submitted on 16 Jan 2024]", 2024, 1, 16)]
    [InlineData("+ [Submitted on 16 Jan 2024", 2024, 1, 16)]
    [InlineData("+ Submitted on 10 Apr 2024 (v1), last revised 9 Aug 2024 (this version, v2)]", 2024, 4, 10)]
    public void Date_lines_missing_a_bracket_still_give_the_date(string line, int year, int month, int day)
    {
        var record = Assert.Single(Parse($"## Required Readings:\n#### A Paper\n{line}\n").Records);

        Assert.Equal(new DateOnly(year, month, day), record.Submitted);
    }

    [Fact]
    public void Authors_on_the_date_line_after_a_slash()
    {
        var record = Assert.Single(Parse("## More Readings:\n+ H-AdminSim: A Simulator\n    - Jun-Min Lee, Meong Hi Son, Edward Choi / [Submitted on 5 Feb 2026]\n").Records);

        Assert.Equal(["Jun-Min Lee", "Meong Hi Son", "Edward Choi"], record.Authors);
        Assert.Equal(new DateOnly(2026, 2, 5), record.Submitted);
    }

    [Fact]
    public void Author_noise_is_cleaned_and_additional_authors_are_counted()
    {
        const string body = """
            ## Required Readings:
            #### One
            + Kyle Swanson1, Wesley Wu2, John E. Pak2,4, James Zou1,2,3,4
            #### Two
            + James Zou jamesz@stanford.edu ∙ Eric J Topol
            #### Three
            + Ann Author View ORCID Profile, Bob Writer View ORCID Profile
            #### Four
            + DeepSeek-AI,  (100 additional authors not shown)
            #### Five
            + Zhichao Wang, Bin Bi, Shubham
             Mehrotra, Na (Claire)Cheng
            """;

        var records = Parse(body).Records;

        Assert.Equal(["Kyle Swanson", "Wesley Wu", "John E. Pak", "James Zou"], records[0].Authors);
        Assert.Equal(["James Zou", "Eric J Topol"], records[1].Authors);
        Assert.Equal(["Ann Author", "Bob Writer"], records[2].Authors);
        Assert.Equal(["DeepSeek-AI"], records[3].Authors);
        Assert.Equal(101, records[3].AuthorCount);
        Assert.Null(records[0].AuthorCount);
        Assert.Equal(["Zhichao Wang", "Bin Bi", "Shubham Mehrotra", "Na (Claire)Cheng"], records[4].Authors);
    }

    [Fact]
    public void Hard_wrapped_abstracts_are_joined_and_labels_are_read()
    {
        const string body = """
            ## Required Readings:
            #### A Paper
            + Ann Author, Bob Writer
            + Science frequently benefits from teams of interdisciplinary researchers. However, most
            scientists don't have access to experts from multiple fields. Fortunately, large language models
            (LLMs) have recently shown an impressive ability to aid researchers across diverse domains by
            answering scientific questions. Code and data will be available at this https URL.
            Comments:	18 pages, 9 figures
            Keywords: agents; science
            """;

        var record = Assert.Single(Parse(body).Records);

        Assert.StartsWith("Science frequently benefits from teams of interdisciplinary researchers. However, most scientists don't", record.Abstract);
        // arXiv's placeholder for a lost link is kept as written.
        Assert.EndsWith("Code and data will be available at this https URL.", record.Abstract);
        Assert.DoesNotContain('\n', record.Abstract!);
        Assert.Equal("18 pages, 9 figures", record.Comments);
        Assert.Contains("Keywords: agents; science", record.Notes);
        Assert.Equal((2, 9), (record.Source.StartLine, record.Source.EndLine));
    }

    [Fact]
    public void Line_numbers_are_file_lines_and_crlf_bom_and_tabs_are_tolerated()
    {
        var body = "\uFEFF## Required Readings:\r\n\r\n####\tThe $\\alpha$-Divergence “Curious” Paper\r\n+\tAnn Author, Bob Writer\r\n";

        var record = Assert.Single(Parse(body, bodyStartLine: 14).Records);

        Assert.Equal("The $\\alpha$-Divergence “Curious” Paper", record.Title);
        Assert.Equal(["Ann Author", "Bob Writer"], record.Authors);
        Assert.Equal((16, 17), (record.Source.StartLine, record.Source.EndLine));
    }

    [Fact]
    public void Prose_bullets_tables_and_images_in_a_reading_section_are_not_papers_and_bullets_are_reported()
    {
        const string body = """
            ## More reading:
            | Topic | Slide Deck |
            |-------|------------|
            | Scaling | W11 |
            ![[Pasted image 1.png]]
            - [Scheduling] Chunked Prefill (OSDI'24): the most widely adopted scheduling policy.
            """;

        var (records, diagnostics) = ParseWithDiagnostics(body, bodyStartLine: 10);

        Assert.Empty(records);
        var warning = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticCodes.ReadingNotRecognised, warning.Code);
        Assert.Equal(("content/sessions/s.md", 15), (warning.Path, warning.Line));
        Assert.NotNull(warning.Hint);
    }

    [Fact]
    public void A_reading_with_only_a_title_is_kept_with_a_warning()
    {
        var (records, diagnostics) = ParseWithDiagnostics("## Required Readings:\n#### Just A Title\n");

        Assert.Equal("Just A Title", Assert.Single(records).Title);
        Assert.Equal(DiagnosticCodes.ReadingIncomplete, Assert.Single(diagnostics.Items).Code);
    }

    [Fact]
    public void The_same_paper_twice_under_a_truncated_and_a_full_title_gives_two_records()
    {
        var (records, _) = Parse("## Required Readings:\n#### Phi-4 Technical\n+ Marah Abdin, Jyoti Aneja\n#### Phi-4 Technical Report\n+ Marah Abdin, Jyoti Aneja\n");

        // Merging is the catalog's job; each sighting keeps its own line span.
        Assert.Equal(2, records.Count);
        Assert.NotEqual(records[0].Source.StartLine, records[1].Source.StartLine);
    }

    [Fact]
    public void Headings_in_code_fences_are_ignored() =>
        Assert.Empty(Parse("```\n## Required Readings:\n#### Not A Paper\n```\n").Records);

    [Fact]
    public void Empty_body_gives_no_readings() => Assert.Empty(Parse("").Records);
}
