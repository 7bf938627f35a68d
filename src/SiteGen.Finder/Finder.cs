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

    public static FindResult Search(FinderIndex index, FindRequest request)
    {
        var limit = Math.Clamp(request.Limit, 1, 10_000);
        var text = request.Query.Trim();
        if (text.Length > MaxQueryLength)
            return FindResult.Failed(new QueryProblem(DiagnosticCodes.FinderQueryTooLong, MaxQueryLength + 1,
                $"The query is {text.Length.ToString("N0", CultureInfo.InvariantCulture)} characters long; at most {MaxQueryLength.ToString("N0", CultureInfo.InvariantCulture)} are searched.",
                "Search for a few words that say what the paper is about, or use --like sessions/FILE.md to find papers like a session's readings."));

        Query? main = null;
        if (text.Length > 0)
        {
            var parsed = Parse(index, text);
            if (parsed.Problem is not null) return FindResult.Failed(parsed.Problem);
            main = parsed.Query;
        }

        Query? like = null;
        string? likeSession = null;
        if (request.Like is { } likeFile)
        {
            var made = Like(index, likeFile);
            if (made.Problem is not null) return FindResult.Failed(made.Problem);
            (like, likeSession) = (made.Query, made.Session);
        }

        var query = new BooleanQuery();
        if (main is not null) query.Add(main, Occur.MUST);
        if (like is not null) query.Add(like, Occur.MUST);
        var ranked = main is not null || like is not null;
        if (!ranked) query.Add(new MatchAllDocsQuery(), Occur.MUST);
        if (likeSession is not null) query.Add(new TermQuery(new Term(PaperFields.Session, likeSession.ToLowerInvariant())), Occur.MUST_NOT);

        var filter = Filter(request, unassigned: request.UnassignedOnly);
        // Newest first when there is nothing to rank by (an empty query lists the catalog).
        var sort = ranked ? Sort.RELEVANCE : new Sort(new SortField(PaperFields.Day, SortFieldType.INT32, reverse: true), SortField.FIELD_DOC);
        TopDocs hits;
        List<ScoreDoc> docs;
        try
        {
            hits = index.Searcher.Search(query, filter, limit, sort);
            docs = [.. hits.ScoreDocs];
            // "Similar to session": the candidates (unassigned) first, then papers other sessions already assign.
            if (likeSession is not null && !request.UnassignedOnly)
            {
                var candidates = index.Searcher.Search(query, Filter(request, unassigned: true), limit, sort);
                var first = candidates.ScoreDocs.Select(d => d.Doc).ToHashSet();
                docs = [.. candidates.ScoreDocs, .. hits.ScoreDocs.Where(d => !first.Contains(d.Doc))];
                docs = docs.Take(limit).ToList();
            }
        }
        catch (BooleanQuery.TooManyClausesException)
        {
            return FindResult.Failed(new QueryProblem(DiagnosticCodes.FinderQueryTooLong, 1, "The query expands to more than 1,024 terms.",
                "Use a longer prefix before * or fewer fuzzy~ words."));
        }

        var highlight = main ?? like;
        var papers = new List<FoundPaper>(docs.Count);
        foreach (var hit in docs)
        {
            var doc = index.Searcher.Doc(hit.Doc);
            var title = doc.Get(PaperFields.Title);
            var summary = doc.Get(PaperFields.Abstract);
            papers.Add(new FoundPaper
            {
                Rank = papers.Count + 1,
                Score = float.IsNaN(hit.Score) ? 0 : hit.Score,
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
                Snippet = highlight is null ? Snippets.Best(new BooleanQuery(), index.Analyzer, title, summary) : Snippets.Best(highlight, index.Analyzer, title, summary),
            });
        }
        return new FindResult(papers, hits.TotalHits);
    }

    private static Filter? Filter(FindRequest request, bool unassigned)
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

    private static (Query? Query, QueryProblem? Problem) Parse(FinderIndex index, string text)
    {
        var parser = new MultiFieldQueryParser(FinderAnalyzer.Version, [.. PaperFields.Searched.Keys], index.Analyzer, PaperFields.Searched.ToDictionary(p => p.Key, p => p.Value))
        {
            DefaultOperator = Operator.OR,
        };
        Query query;
        try
        {
            query = parser.Parse(text);
            // Plain words ("foundation agents"): papers with the words together, in the title above all, come first.
            if (IsPlainWords(text) && text.Contains(' ', StringComparison.Ordinal))
            {
                var near = new BooleanQuery { { query, Occur.MUST } };
                foreach (var (field, boost) in new[] { (PaperFields.Title, 4f), (PaperFields.Abstract, 2f) })
                    if (parser.CreatePhraseQuery(field, text, 3) is { } phrase)
                    {
                        phrase.Boost = boost;
                        near.Add(phrase, Occur.SHOULD);
                    }
                query = near;
            }
        }
        catch (ParseException e)
        {
            return (null, SyntaxProblem(e, text));
        }
        if (query is BooleanQuery { Clauses.Count: 0 } || OnlyStopWords(index, text))
            return (null, new QueryProblem(DiagnosticCodes.FinderQueryEmpty, 1,
                $"The query \"{text}\" has only common words (stop words such as \"the\", \"of\", \"and\"), which the index leaves out: nothing is left to search for.",
                "Add a word that says what the paper is about; to find an author with such a name, write authors:NAME."));
        return (query, null);
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
