using System.Globalization;
using System.Text.RegularExpressions;
using Lucene.Net.Index;
using Lucene.Net.Queries.Mlt;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using SiteGen.Diagnostics;

namespace SiteGen.Finder;

/// <summary>Searches the finder index: Lucene query syntax over title, authors and abstract, filters, and "more like this session".</summary>
public static partial class Finder
{
    /// <summary>Longer queries are refused: pasted text belongs in --like, and a query this long would not parse into a sensible one.</summary>
    public const int MaxQueryLength = 1000;

    /// <summary>Letters a fuzzy~ word must share at its start with the words it finds.</summary>
    public const int FuzzyPrefix = 1;

    public static FindResult Search(FinderIndex index, FindRequest request)
    {
        var (prepared, problem) = Prepare(index, request);
        if (prepared is null) return FindResult.Failed(problem!);
        var (docs, total, tooMany) = Rank(index, prepared);
        if (tooMany is not null) return FindResult.Failed(tooMany);
        var papers = new List<FoundPaper>(docs.Count);
        foreach (var hit in docs) papers.Add(Present(index, prepared, hit, papers.Count + 1));
        return new FindResult(papers, total);
    }

    /// <summary>
    /// A request made into Lucene queries: what is searched and filtered; whether it is ranked (or newest first); the
    /// query with phrases that re-ranks the best hits of plain words; and what snippets mark.
    /// </summary>
    internal sealed record PreparedSearch(Query Query, Filter? Filter, Filter? CandidateFilter, bool Ranked, Query? Together, Query? Highlight, int Limit);

    /// <summary>
    /// How many of the best hits of plain words the phrases re-rank. Scored over every hit, the sloppy phrases took most
    /// of a two-word query's time; a paper with both words side by side is among the best hits of the words alone.
    /// </summary>
    internal const int RescoreWindow = 200;

    /// <summary>The first phase of <see cref="Search"/>: the query parsed (or the session's MoreLikeThis query made), and the filters.</summary>
    internal static (PreparedSearch? Search, QueryProblem? Problem) Prepare(FinderIndex index, FindRequest request)
    {
        var limit = Math.Clamp(request.Limit, 1, 10_000);
        var text = request.Query.Trim();
        if (text.Length > MaxQueryLength)
            return (null, new QueryProblem(DiagnosticCodes.FinderQueryTooLong, MaxQueryLength + 1,
                $"The query is {text.Length.ToString("N0", CultureInfo.InvariantCulture)} characters long; at most {MaxQueryLength.ToString("N0", CultureInfo.InvariantCulture)} are searched.",
                "Search for a few words that say what the paper is about, or use --like sessions/FILE.md to find papers like a session's readings."));

        Query? main = null, together = null;
        if (text.Length > 0)
        {
            var parsed = Parse(index, text);
            if (parsed.Problem is not null) return (null, parsed.Problem);
            (main, together) = (parsed.Query, parsed.Together);
        }

        Query? like = null;
        string? likeSession = null;
        if (request.Like is { } likeFile)
        {
            var made = Like(index, likeFile);
            if (made.Problem is not null) return (null, made.Problem);
            (like, likeSession) = (made.Query, made.Session);
        }

        var query = new BooleanQuery();
        if (main is not null) query.Add(main, Occur.MUST);
        if (like is not null) query.Add(like, Occur.MUST);
        var ranked = main is not null || like is not null;
        if (!ranked) query.Add(new MatchAllDocsQuery(), Occur.MUST);
        if (likeSession is not null) query.Add(new TermQuery(new Term(PaperFields.Session, likeSession.ToLowerInvariant())), Occur.MUST_NOT);

        var highlight = main is not null ? PrefixAsTerms(main, index.Reader) : like;
        // "Similar to session": the candidates (unassigned) first, then papers other sessions already assign.
        var candidates = likeSession is not null && !request.UnassignedOnly ? Filter(request, unassigned: true) : null;
        return (new PreparedSearch(query, Filter(request, unassigned: request.UnassignedOnly), candidates, ranked, together, highlight, limit), null);
    }

    /// <summary>The second phase of <see cref="Search"/>: the top documents in rank order and how many matched in all.</summary>
    internal static (List<ScoreDoc> Docs, int TotalHits, QueryProblem? Problem) Rank(FinderIndex index, PreparedSearch search)
    {
        try
        {
            // Newest first when there is nothing to rank by (an empty query lists the catalog).
            TopDocs Top(Filter? filter)
            {
                if (!search.Ranked) return index.Searcher.Search(search.Query, filter, search.Limit, NewestFirst);
                if (search.Together is null) return index.Searcher.Search(search.Query, filter, search.Limit);
                var best = index.Searcher.Search(search.Query, filter, Math.Max(search.Limit, RescoreWindow));
                var rescored = new ScoreAsTogether(search.Together).Rescore(index.Searcher, best, search.Limit);
                return new TopDocs(best.TotalHits, rescored.ScoreDocs, rescored.MaxScore);
            }
            var hits = Top(search.Filter);
            List<ScoreDoc> docs = [.. hits.ScoreDocs];
            if (search.CandidateFilter is not null)
            {
                var candidates = Top(search.CandidateFilter);
                var first = candidates.ScoreDocs.Select(d => d.Doc).ToHashSet();
                docs = [.. candidates.ScoreDocs, .. hits.ScoreDocs.Where(d => !first.Contains(d.Doc))];
                docs = docs.Take(search.Limit).ToList();
            }
            return (docs, hits.TotalHits, null);
        }
        catch (BooleanQuery.TooManyClausesException)
        {
            return ([], 0, new QueryProblem(DiagnosticCodes.FinderQueryTooLong, 1, "The query expands to more than 1,024 terms.",
                "Use a longer prefix before * or fewer fuzzy~ words."));
        }
    }

    /// <summary>The best hits re-ranked by their score under the query with phrases, as if it had been searched whole.</summary>
    private sealed class ScoreAsTogether(Query together) : QueryRescorer(together)
    {
        protected override float Combine(float firstPassScore, bool secondPassMatches, float secondPassScore) =>
            secondPassMatches ? secondPassScore : firstPassScore;
    }

    private static readonly Sort NewestFirst = new(new SortField(PaperFields.Day, SortFieldType.INT32, reverse: true), SortField.FIELD_DOC);

    /// <summary>The last phase of <see cref="Search"/>: one hit's stored fields and its snippet.</summary>
    internal static FoundPaper Present(FinderIndex index, PreparedSearch search, ScoreDoc hit, int rank)
    {
        var doc = index.Searcher.Doc(hit.Doc);
        var title = doc.Get(PaperFields.Title);
        var summary = doc.Get(PaperFields.Abstract);
        return new FoundPaper
        {
            Rank = rank,
            Score = float.IsNaN(hit.Score) || !search.Ranked ? 0 : hit.Score,
            Id = doc.Get(PaperFields.Id),
            Title = title,
            Authors = doc.GetValues(PaperFields.Authors),
            AuthorCount = doc.GetField(PaperFields.AuthorCount)?.GetInt32Value() ?? 0,
            Date = doc.Get(PaperFields.Date) is { } date ? DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            ArxivId = doc.Get(PaperFields.Arxiv),
            Url = doc.Get(PaperFields.Url),
            Abstract = summary,
            Sources = [.. doc.GetValues(PaperFields.SourceStored).Select(ParseSource)],
            Sessions = doc.GetValues(PaperFields.SessionStored),
            Snippet = Snippets.Best(search.Highlight ?? new BooleanQuery(), index.Analyzer, title, summary),
        };
    }

    internal static Filter? Filter(FindRequest request, bool unassigned)
    {
        var filters = new BooleanQuery();
        if (unassigned) filters.Add(new TermQuery(new Term(PaperFields.Assigned, "no")), Occur.MUST);
        if (request.Since is { } since)
            filters.Add(NumericRangeQuery.NewInt32Range(PaperFields.Day, PaperDocuments.Day(since), null, true, true), Occur.MUST);
        if (!string.IsNullOrWhiteSpace(request.Source))
        {
            var source = request.Source.Trim().Replace('\\', '/').ToLowerInvariant();
            // "content/listings/x.txt" (as the shell completes it), "listings/x.txt" and "x.txt" all name the same file.
            var slash = source.IndexOf('/', StringComparison.Ordinal);
            if (slash > 0 && !source.StartsWith("listings/", StringComparison.Ordinal) && !source.StartsWith("sessions/", StringComparison.Ordinal))
                source = source[(slash + 1)..];
            filters.Add(new TermQuery(new Term(PaperFields.Source, source)), Occur.MUST);
        }
        return filters.Clauses.Count == 0 ? null : new QueryWrapperFilter(filters);
    }

    /// <summary>
    /// The query, and for plain words the query with phrases added that ranks papers with the words together first
    /// (see <see cref="Rank"/>).
    /// </summary>
    internal static (Query? Query, Query? Together, QueryProblem? Problem) Parse(FinderIndex index, string text)
    {
        var parser = new MultiFieldQueryParser(FinderAnalyzer.Version, [.. PaperFields.Searched.Keys], index.Analyzer, PaperFields.Searched.ToDictionary(p => p.Key, p => p.Value))
        {
            DefaultOperator = Operator.OR,
            // A fuzzy~ word keeps its first letter: misspellings are rarely there, and matching it first spares the
            // search the rest of each field's term dictionary.
            FuzzyPrefixLength = FuzzyPrefix,
        };
        Query query;
        var phrases = new List<Query>();
        try
        {
            query = parser.Parse(text);
            // Plain words ("foundation agents"): papers with the words together, in the title above all, come first.
            if (IsPlainWords(text) && text.Contains(' ', StringComparison.Ordinal))
                foreach (var (field, boost) in new[] { (PaperFields.Title, 4f), (PaperFields.Abstract, 2f) })
                    if (parser.CreatePhraseQuery(field, text, 3) is { } phrase)
                    {
                        phrase.Boost = boost;
                        phrases.Add(phrase);
                    }
        }
        catch (ParseException e)
        {
            return (null, null, SyntaxProblem(e, text));
        }
        if (query is BooleanQuery { Clauses.Count: 0 } || OnlyStopWords(index, text))
            return (null, null, new QueryProblem(DiagnosticCodes.FinderQueryEmpty, 1,
                $"The query \"{text}\" has only common words (stop words such as \"the\", \"of\", \"and\"), which the index leaves out: nothing is left to search for.",
                "Add a word that says what the paper is about; to find an author with such a name, write authors:NAME."));
        // Fuzzy words expanded once, here: the search and the snippets use the same terms (a word near no term matches nothing).
        query = FuzzyAsTerms(query, index.Reader);
        BooleanQuery? together = null;
        if (phrases.Count > 0)
        {
            together = new BooleanQuery { { query, Occur.MUST } };
            foreach (var phrase in phrases) together.Add(phrase, Occur.SHOULD);
        }
        return (query, together, null);
    }

    private static bool IsPlainWords(string text) =>
        text.IndexOfAny([':', '"', '*', '?', '~', '[', ']', '{', '}', '(', ')', '^', '+', '-', '!', '\\', '/']) < 0
        && !text.Split(' ').Any(w => w is "AND" or "OR" or "NOT");

    /// <summary>
    /// Bare words that the title and abstract analysis drops entirely ("the of and"): the parser still searches them in
    /// author names, which is never what was meant. A query with a field (authors:an) or a quote is taken as written.
    /// </summary>
    private static bool OnlyStopWords(FinderIndex index, string text)
    {
        if (text.IndexOfAny([':', '"', '*', '?', '~', '[', '{']) >= 0) return false;
        var words = text.Replace("(", " ", StringComparison.Ordinal).Replace(")", " ", StringComparison.Ordinal)
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Where(w => w is not ("AND" or "OR" or "NOT"));
        using var stream = index.Analyzer.GetTokenStream(PaperFields.Abstract, string.Join(' ', words));
        stream.Reset();
        var any = stream.IncrementToken();
        stream.End();
        return !any;
    }

    /// <summary>Lucene's message is several lines ("Encountered ... Was expecting one of: ..."): one line, with the column.</summary>
    private static QueryProblem SyntaxProblem(ParseException e, string text)
    {
        var first = (e.InnerException?.Message ?? e.Message).Split('\n')[0].Trim();
        var column = ColumnPattern().Match(first) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 1;
        // The parser counts columns from 0, the lexer (unclosed quotes, stray characters) from 1.
        if (!first.StartsWith("Lexical error", StringComparison.Ordinal)) column++;
        column = Math.Clamp(column, 1, text.Length + 1);
        string message;
        if (first.StartsWith("Lexical error", StringComparison.Ordinal))
            message = first.Contains("Encountered: <EOF>", StringComparison.Ordinal)
                ? "A quote is not closed."
                : LexicalPattern().Match(first) is { Success: true } c ? $"The query has a \"{c.Groups[1].Value}\" where it cannot stand." : "The query does not parse.";
        else if (first.StartsWith("Encountered \"<EOF>\"", StringComparison.Ordinal))
            message = "The query ends too early: a bracket is not closed, or AND/OR/NOT or a field name has nothing after it.";
        else if (EncounteredPattern().Match(first) is { Success: true } found)
            message = $"The query does not parse at \"{found.Groups[1].Value.Trim()}\".";
        else if (first.Contains("not allowed as first character", StringComparison.Ordinal))
        {
            column = Math.Max(1, text.IndexOfAny(['*', '?']) + 1);
            message = "A word cannot start with * or ?.";
        }
        else message = "The query does not parse: " + first;
        return new QueryProblem(DiagnosticCodes.FinderQuerySyntax, column, message,
            "Lucene query syntax: words, \"a phrase\", title:word, authors:name, abstract:word, prefix*, fuzzy~, -exclude, AND, OR, (groups); put other punctuation inside quotes.");
    }

    /// <summary>MoreLikeThis over titles and abstracts, from the text of the papers the session assigns.</summary>
    private static (Query? Query, string? Session, QueryProblem? Problem) Like(FinderIndex index, string file)
    {
        var relative = file.Replace('\\', '/');
        var full = Path.GetFullPath(Path.IsPathRooted(relative) ? relative : Path.Combine(index.Content.Root, relative));
        if (!File.Exists(full) && File.Exists(relative)) full = Path.GetFullPath(relative);
        var name = Path.GetFileNameWithoutExtension(full);
        var session = index.Sessions.FirstOrDefault(s => string.Equals(s.File, index.Content.Relative(full), StringComparison.Ordinal))
            ?? index.Sessions.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal));
        if (session is null)
            return (null, null, new QueryProblem(DiagnosticCodes.FinderLikeSession, 1, $"No session {file} in {index.Content.DisplayPrefix}/sessions/.",
                "Name a session file as sessions/FILE.md (relative to the content folder)."));

        var own = index.Searcher.Search(new TermQuery(new Term(PaperFields.Session, session.Name.ToLowerInvariant())), 1000);
        var text = new System.Text.StringBuilder();
        foreach (var hit in own.ScoreDocs)
        {
            var doc = index.Searcher.Doc(hit.Doc);
            text.Append(doc.Get(PaperFields.Title)).Append(". ").Append(doc.Get(PaperFields.Title)).Append(". ").Append(doc.Get(PaperFields.Abstract)).Append("\n\n");
        }
        if (own.TotalHits == 0)
            return (null, null, new QueryProblem(DiagnosticCodes.FinderLikeSession, 1, $"Session {session.File} has no readings to compare with.",
                "Add a reading to its reading section first, or search with words instead."));

        var mlt = new MoreLikeThis(index.Reader)
        {
            Analyzer = index.Analyzer,
            FieldNames = [PaperFields.Title, PaperFields.Abstract],
            MinTermFreq = 1,
            MinDocFreq = 1,
            MaxQueryTerms = 40,
        };
        var query = mlt.Like(new StringReader(text.ToString()), PaperFields.Abstract);
        if (query is BooleanQuery { Clauses.Count: 0 })
            return (null, null, new QueryProblem(DiagnosticCodes.FinderLikeSession, 1, $"The readings of {session.File} have no words to compare with.",
                "Give its readings titles or abstracts."));
        return (query, session.Name, null);
    }

    /// <summary>
    /// Each fuzzy~ word as the terms it expands to (Lucene's own rewrite, the one the search would make). Left as it is,
    /// the Highlighter builds a Levenshtein automaton again for every hit and field; rewritten once, the search and the
    /// snippets share it.
    /// </summary>
    private static Query FuzzyAsTerms(Query query, IndexReader reader) =>
        Expand(query, q => q is FuzzyQuery fuzzy ? fuzzy.Rewrite(reader) : null);

    /// <summary>
    /// For snippets only: each prefix* word as the terms of the index it covers (the Highlighter otherwise indexes every
    /// hit's text in memory to expand it again). A prefix that covers more terms than a query may hold is left as it is.
    /// The search keeps the prefix query, which scores all its terms alike.
    /// </summary>
    private static Query PrefixAsTerms(Query query, IndexReader reader) =>
        Expand(query, q =>
        {
            if (q is not PrefixQuery prefix) return null;
            var terms = new PrefixQuery(prefix.Prefix) { Boost = prefix.Boost, MultiTermRewriteMethod = MultiTermQuery.SCORING_BOOLEAN_QUERY_REWRITE };
            try { return terms.Rewrite(reader); }
            catch (BooleanQuery.TooManyClausesException) { return null; }
        });

    /// <summary>The query with each part that <paramref name="replace"/> answers replaced, through nested boolean queries.</summary>
    private static Query Expand(Query query, Func<Query, Query?> replace)
    {
        if (replace(query) is { } replaced) return replaced;
        if (query is not BooleanQuery boolean) return query;
        var copy = new BooleanQuery(boolean.CoordDisabled) { Boost = boolean.Boost, MinimumNumberShouldMatch = boolean.MinimumNumberShouldMatch };
        foreach (var clause in boolean.Clauses) copy.Add(Expand(clause.Query, replace), clause.Occur);
        return copy;
    }

    private static FoundSource ParseSource(string stored)
    {
        var parts = stored.Split('\t');
        return new FoundSource(parts[0], int.Parse(parts[1], CultureInfo.InvariantCulture), parts[2]);
    }

    [GeneratedRegex(@"column (\d+)")]
    private static partial Regex ColumnPattern();

    [GeneratedRegex("\"([^\"]*) \"\" at line")]
    private static partial Regex EncounteredPattern();

    [GeneratedRegex("Encountered: \"(.+?)\" \\(")]
    private static partial Regex LexicalPattern();
}
