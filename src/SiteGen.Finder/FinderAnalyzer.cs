using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace SiteGen.Finder;

/// <summary>
/// How each field's text becomes terms, the same at indexing and at query time. Titles and abstracts: English
/// (possessives, stop words, Porter stemming) with accents folded. Author names: words folded, no stemming and no stop
/// words (names like "An" or "Will"). Ids, files and session names: one lower-cased keyword.
/// </summary>
internal sealed class FinderAnalyzer : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public FinderAnalyzer() : base(PER_FIELD_REUSE_STRATEGY) { }

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        switch (fieldName)
        {
            case PaperFields.Title or PaperFields.Abstract:
            {
                var source = new StandardTokenizer(Version, reader);
                TokenStream stream = new StandardFilter(Version, source);
                stream = new EnglishPossessiveFilter(Version, stream);
                stream = new LowerCaseFilter(Version, stream);
                stream = new ASCIIFoldingFilter(stream);
                stream = new StopFilter(Version, stream, EnglishAnalyzer.DefaultStopSet);
                stream = new PorterStemFilter(stream);
                return new TokenStreamComponents(source, stream);
            }
            case PaperFields.Authors:
            {
                var source = new StandardTokenizer(Version, reader);
                TokenStream stream = new LowerCaseFilter(Version, source);
                stream = new ASCIIFoldingFilter(stream);
                return new TokenStreamComponents(source, stream);
            }
            default:
            {
                var source = new KeywordTokenizer(reader);
                return new TokenStreamComponents(source, new LowerCaseFilter(Version, source));
            }
        }
    }

    /// <summary>A phrase never runs from one author's name into the next one's.</summary>
    public override int GetPositionIncrementGap(string fieldName) => fieldName == PaperFields.Authors ? 100 : 0;
}
