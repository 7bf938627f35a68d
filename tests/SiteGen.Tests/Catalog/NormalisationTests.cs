using SiteGen.Merging;
using SiteGen.Text;

namespace SiteGen.Tests.Catalog;

public sealed class NormalisationTests
{
    [Theory]
    [InlineData("Pre-Training  of LLMs: A Survey.", "pre training of llms a survey")]
    [InlineData("Na\u00efve Caf\u00e9 \u00c5ngstr\u00f6m", "naive cafe angstrom")]
    [InlineData("Nai\u0308ve e\u0301tude", "naive etude")]
    [InlineData("\\emph{Tree} search with $\\alpha$-pruning and na\\\"{\\i}ve {\\em agents}", "tree search with alpha pruning and naive agents")]
    [InlineData("\u03b1-tuning of \ufb01ne models", "alpha tuning of fine models")]
    [InlineData("Code is available at this https URL. See https://github.com/x/y and www.example.org/z for more.", "code is available at see and for more")]
    [InlineData("\u201cQuoted\u201d \u2014 text", "quoted text")]
    public void Normalises_scraped_text(string input, string expected) => Assert.Equal(expected, TextNormalizer.Normalize(input));

    /// <summary>string.Normalize threw on these (the fuzz test found U+FFFE in a scraped title taking the build down).</summary>
    [Theory]
    [InlineData("Caf\u00e9 \uFFFE agents", "cafe agents")]
    [InlineData("Caf\u00e9 \uD800 agents", "cafe agents")]
    [InlineData("Caf\u00e9 \uDC00\uD83D\uDE00 agents", "cafe agents")]
    public void Text_with_code_points_Normalize_rejects_is_normalised_without_them(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(input));

    [Fact]
    public void Squashed_keys_join_hyphenated_and_solid_words() =>
        Assert.Equal(TextNormalizer.Squash(TextNormalizer.Normalize("Pre-training Agents")), TextNormalizer.Squash(TextNormalizer.Normalize("pretraining agents")));

    [Theory]
    [InlineData("2406.05804", "2406.05804", null)]
    [InlineData("2406.05804v6", "2406.05804", 6)]
    [InlineData("arXiv:2507.12507", "2507.12507", null)]
    [InlineData("cs/0112017v2", "cs/0112017", 2)]
    [InlineData("math.AG/0601001", "math.AG/0601001", null)]
    [InlineData("10.48550/arXiv.2504.01990", "2504.01990", null)]
    public void Parses_bare_ids(string text, string id, int? version) => Assert.Equal(new ArxivIdentifier(id, version), ArxivIdentifiers.ParseBare(text));

    [Theory]
    [InlineData("[https://arxiv.org/abs/2406.05804](https://arxiv.org/abs/2406.05804)", "2406.05804", null)]
    [InlineData("https://arxiv.org/pdf/2311.18677v2.pdf", "2311.18677", 2)]
    [InlineData("https://arxiv.org/html/2507.21504v1", "2507.21504", 1)]
    [InlineData("#### Splitwise: https://arxiv.org/pdf/2311.18677", "2311.18677", null)]
    [InlineData("https://arxiv.org/abs/2411.14499arXiv.orgUnderstanding", "2411.14499", null)]
    [InlineData("https://huggingface.co/papers/2504.01990", "2504.01990", null)]
    [InlineData("doi: https://doi.org/10.48550/arXiv.2402.11359", "2402.11359", null)]
    [InlineData("https://arxiv.org/abs/hep-th/9901001v3", "hep-th/9901001", 3)]
    [InlineData("https://www.alphaxiv.org/abs/2505.00212?utm_source=x", "2505.00212", null)]
    public void Finds_ids_in_urls_and_text(string text, string id, int? version) => Assert.Equal(new ArxivIdentifier(id, version), ArxivIdentifiers.Find(text));

    [Theory]
    [InlineData("we reach 1234.5678 tokens per second")] // a number, not marked as an id
    [InlineData("arXiv:2413.12345")]                     // month 13
    [InlineData("arXiv:1501.1234")]                      // 4 digits after 2014
    [InlineData("https://example.org/abs/2406.05804")]   // not an arXiv URL
    public void Ignores_what_is_not_an_id(string text) => Assert.Null(ArxivIdentifiers.Find(text));
}
