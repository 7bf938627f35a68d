using SiteGen.Diagnostics;
using SiteGen.Model;

namespace SiteGen.Tests.Content.Readings;

/// <summary>The reading shapes of whole real courses (2025sp GenAI seminar), one small body each, cut down from the sessions named.</summary>
public class CourseShapesTests
{
    private static (IReadOnlyList<PaperRecord> Records, DiagnosticBag Diagnostics) Parse(string body)
    {
        var diagnostics = new DiagnosticBag();
        var records = SiteGen.Content.Readings.ReadingsParser.Parse("sessions/s.md", "s", body, 1, "content/sessions/s.md", diagnostics);
        return (records, diagnostics);
    }

    [Fact]
    public void Ampersand_authors_venue_line_published_date_and_bare_url_line_belong_to_the_heading_paper()
    {
        // S0-L06 line 22.
        const string body = """
            ## Required Readings:

            #### Solving olympiad geometry without human demonstrations
            + Trieu H. Trinh, Yuhuai Wu, Quoc V. Le, He He & Thang Luong
            + Nature volume 625, pages476–482 (2024)Cite this article
            + Published: 17 January 2024
            + [https://www.nature.com/articles/s41586-023-06747-5](https://www.nature.com/articles/s41586-023-06747-5)
            """;

        var (records, diagnostics) = Parse(body);

        var paper = Assert.Single(records);
        Assert.Equal("Solving olympiad geometry without human demonstrations", paper.Title);
        Assert.Equal(["Trieu H. Trinh", "Yuhuai Wu", "Quoc V. Le", "He He", "Thang Luong"], paper.Authors);
        Assert.Equal(new DateOnly(2024, 1, 17), paper.Published);
        Assert.Equal("https://www.nature.com/articles/s41586-023-06747-5", paper.Url);
        Assert.Equal(["Nature volume 625, pages476–482 (2024)Cite this article"], paper.Notes);
        Assert.Empty(diagnostics.Items);
    }

    [Fact]
    public void Labelled_notes_with_nested_lists_stay_in_the_paper_before_them()
    {
        // S0-L06 line 36: "+ Elements:" / "+ Insights:" with their own lists; S0-L22 line 35 a sentence ending in ':'.
        const string body = """
            ## Required Readings:

            #### DeepSeekMath: Pushing the Limits of Mathematical Reasoning in Open Language Models
            + Zhihong Shao, Peiyi Wang, Qihao Zhu
            + Mathematical reasoning poses a significant challenge for language models due to its complex and structured nature. In this paper, we introduce DeepSeekMath 7B, which continues pre-training DeepSeek-Coder-Base-v1.5 7B with 120B math-related tokens.
            + Elements:
              - Both Deepseek and Qwen use GRPO in post-training! Group Relative Policy Optimization or GRPO was introduced in the DeepSeekMath Paper last year to improve mathematical reasoning capabilities with less memory consumption, but is now used in an online way.
              - Score these outputs using a reward model
            + There are two main approaches to building multimodal LLMs:
              - Method A: Unified Embedding Decoder Architecture approach;
              - Method B: Cross-modality Attention Architecture approach.

            #### DeepSeek-V3 Technical Report
            + DeepSeek-AI, (100 additional authors not shown)
            """;

        var (records, diagnostics) = Parse(body);

        Assert.Equal(["DeepSeekMath: Pushing the Limits of Mathematical Reasoning in Open Language Models", "DeepSeek-V3 Technical Report"], records.Select(r => r.Title));
        var paper = records[0];
        Assert.StartsWith("Mathematical reasoning poses", paper.Abstract);
        Assert.DoesNotContain("GRPO", paper.Abstract);
        Assert.Equal(2, paper.Notes.Count);
        Assert.StartsWith("Elements: Both Deepseek and Qwen use GRPO", paper.Notes[0]);
        Assert.EndsWith("; Score these outputs using a reward model", paper.Notes[0]);
        Assert.Equal("There are two main approaches to building multimodal LLMs: Method A: Unified Embedding Decoder Architecture approach; Method B: Cross-modality Attention Architecture approach.", paper.Notes[1]);
        Assert.Empty(diagnostics.Items);
    }

    [Fact]
    public void A_bullet_sentence_with_a_nested_list_and_no_paper_evidence_stays_in_the_paper_before_it()
    {
        // S0-L08 line 34 (tab-indented list) and S0-L00-Intro line 24 (a topic outline).
        const string body = "## Required Readings:\n\n#### Agent white paper\n+ [https://www.kaggle.com/whitepaper-agents](https://www.kaggle.com/whitepaper-agents)\n"
            + "+  Google recently published a whitepaper on AI Agents that everyone should read.\n\t- Introduction to AI Agents\n\t- The role of tools in Agents\n"
            + "- f() on natural language\n  + Before Deep NLP (Pre 2012)\n  + Word2Vec (2013-2016)\n";

        var (records, _) = Parse(body);

        var paper = Assert.Single(records);
        Assert.Equal("Agent white paper", paper.Title);
        Assert.Equal("https://www.kaggle.com/whitepaper-agents", paper.Url);
        Assert.Contains("Introduction to AI Agents", paper.Notes);
    }

    [Fact]
    public void Url_line_labelled_with_another_name_gives_the_link_and_unbulleted_paragraphs_go_on_with_the_abstract()
    {
        // S0-L21 lines 24-40.
        var longLine = string.Concat(Enumerable.Repeat("Each LLM serving request goes through two phases of work. ", 4));
        var body = $"""
            ##  Readings on Efficient Model Serving :

            #### SGLang: Efficient Execution of Structured Language Model Programs
            + [Submitted on 12 Dec 2023 (v1), last revised 6 Jun 2024 (this version, v2)]
            + SGLang: https://arxiv.org/pdf/2312.07104
            + Lianmin Zheng, Liangsheng Yin, Ion Stoica

            #### Taming Throughput-Latency Tradeoff in LLM Inference with Sarathi-Serve
            + Chunked Prefill: https://www.usenix.org/system/files/osdi24-agrawal.pdf
            + {longLine}
            We introduce an efficient LLM inference scheduler, Sarathi-Serve, to address this throughput-latency tradeoff.
            """;

        var (records, _) = Parse(body);

        Assert.Equal(2, records.Count);
        Assert.All(records, r => Assert.Equal(ReadingSection.Required, r.Section));
        Assert.Equal("https://arxiv.org/pdf/2312.07104", records[0].Url);
        Assert.Equal("2312.07104", records[0].ArxivId);
        Assert.Equal(["Lianmin Zheng", "Liangsheng Yin", "Ion Stoica"], records[0].Authors);
        Assert.Equal("https://www.usenix.org/system/files/osdi24-agrawal.pdf", records[1].Url);
        Assert.Equal(longLine.Trim() + "\n\nWe introduce an efficient LLM inference scheduler, Sarathi-Serve, to address this throughput-latency tradeoff.", records[1].Abstract);
    }

    [Fact]
    public void A_heading_with_nothing_before_deeper_headings_groups_them_and_papers_sit_under_three_to_five_hashes()
    {
        // S0-L19 lines 23-41 (##### under ####), S0-L14.1 line 31 (### with a doi: line), a group heading as in the issue.
        const string body = """
            ## Required Readings:

            ### 2025 HIGH-IMPACT PAPERS on this topic

            #### GUI Agents: A Survey
            + [Submitted on 18 Dec 2024]
            + Dang Nguyen, Jian Chen, Yu Wang

            ##### OmniParser v2: Advanced vision-based screen parsing for precisely grounded UI actions
            + https://www.microsoft.com/en-us/research/articles/omniparser-v2/

            ### Tahoe-100M: A Giga-Scale Single-Cell Perturbation Atlas
            + doi: https://doi.org/10.1101/2025.02.20.639398
            """;

        var (records, diagnostics) = Parse(body);

        Assert.Equal(["GUI Agents: A Survey", "OmniParser v2: Advanced vision-based screen parsing for precisely grounded UI actions", "Tahoe-100M: A Giga-Scale Single-Cell Perturbation Atlas"],
            records.Select(r => r.Title));
        Assert.Equal("10.1101/2025.02.20.639398", records[2].Doi);
        Assert.Empty(diagnostics.Items);
    }

    [Fact]
    public void A_heading_that_introduces_a_table_groups_its_rows_and_no_row_is_a_paper()
    {
        const string body = """
            ## Required Readings:

            ### Slide decks from earlier offerings
            | Year | Deck |
            |---|---|
            | 2024 | [Agents](https://example.org/2024-agents.pdf) |

            #### A Real Paper After The Table
            + Ann Author, Bob Writer
            """;

        var (records, _) = Parse(body);

        Assert.Equal("A Real Paper After The Table", Assert.Single(records).Title);
    }

    [Fact]
    public void A_heading_that_lists_several_links_and_no_authors_stays_text_with_a_warning_naming_its_line()
    {
        // S0-L17 line 23.
        const string body = """
            ## Required Readings:


            #### NVIDIA World Foundation Models
            + https://www.nvidia.com/en-us/glossary/world-models/
            + https://blogs.nvidia.com/blog/openusd-advances-physical-ai/
            + https://www.nvidia.com/en-us/ai/cosmos/

            #### AI Planning: A Primer and Survey (Preliminary Report)
            + Dillon Z. Chen, Pulkit Verma, Siddharth Srivastava
            """;

        var (records, diagnostics) = Parse(body);

        Assert.Equal("AI Planning: A Primer and Survey (Preliminary Report)", Assert.Single(records).Title);
        var warning = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticCodes.ReadingNotRecognised, warning.Code);
        Assert.Equal(4, warning.Line);
        Assert.Contains("NVIDIA World Foundation Models", warning.Message);
        Assert.Contains("'#### Title' heading", warning.Hint);
    }

    [Fact]
    public void A_loose_bullet_with_a_nested_list_but_no_paper_evidence_is_reported_not_invented()
    {
        const string body = "## Readings:\n\n+ Key findings are as follows:\n  - Models forget\n  - Models recall\n";

        var (records, diagnostics) = Parse(body);

        Assert.Empty(records);
        var warning = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticCodes.ReadingNotRecognised, warning.Code);
        Assert.Equal(3, warning.Line);
    }
}
