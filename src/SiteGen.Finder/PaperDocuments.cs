using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Lucene.Net.Documents;
using SiteGen.Model;

namespace SiteGen.Finder;

/// <summary>The index's field names; the query syntax uses the searchable ones (<c>title:</c>, <c>authors:</c>, ...).</summary>
internal static class PaperFields
{
    public const string Id = "id";
    /// <summary>A hash of everything the paper's document holds: a refresh re-indexes a paper only when it changed.</summary>
    public const string Hash = "hash";
    public const string Title = "title";
    public const string Authors = "authors";
    public const string AuthorCount = "authorcount";
    public const string Abstract = "abstract";
    public const string Arxiv = "arxiv";
    public const string Url = "url";
    /// <summary>Day as yyyyMMdd, for --since; "date" keeps the ISO text.</summary>
    public const string Day = "day";
    public const string Date = "date";
    /// <summary>"file\tline\tkind" per source, stored only.</summary>
    public const string SourceStored = "sourceref";
    /// <summary>Each source's file (relative to the content folder) and its bare name, lower-cased, for --source.</summary>
    public const string Source = "source";
    /// <summary>Names of the sessions that assign the paper (stored as written, indexed lower-cased).</summary>
    public const string Session = "session";
    public const string SessionStored = "sessionname";
    /// <summary>"yes" or "no", for --unassigned.</summary>
    public const string Assigned = "assigned";

    /// <summary>Fields a bare word searches, with their weights: a word in the title says more than one in the abstract.</summary>
    public static readonly IReadOnlyDictionary<string, float> Searched = new Dictionary<string, float>(StringComparer.Ordinal)
    {
        [Title] = 3f, [Authors] = 2f, [Abstract] = 1f,
    };
}

/// <summary>A catalog paper as the index holds it: what is searched, what is shown, and a hash of both.</summary>
internal static class PaperDocuments
{
    public static Document Make(Paper paper, out string hash)
    {
        hash = Hash(paper);
        return Make(paper, hash);
    }

    /// <summary>A hash of everything the paper's document would hold: a refresh makes documents only for changed papers.</summary>
    public static string Hash(Paper paper) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(paper))), 0, 16);

    public static Document Make(Paper paper, string hash)
    {
        var doc = new Document
        {
            new StringField(PaperFields.Id, paper.Id, Field.Store.YES),
            new StringField(PaperFields.Hash, hash, Field.Store.YES),
            // Column copies of id and hash: a refresh reads all of them, which from stored fields means decompressing every document.
            new BinaryDocValuesField(PaperFields.Id, new Lucene.Net.Util.BytesRef(paper.Id)),
            new BinaryDocValuesField(PaperFields.Hash, new Lucene.Net.Util.BytesRef(hash)),
            new StringField(PaperFields.Assigned, paper.Sessions.Count > 0 ? "yes" : "no", Field.Store.NO),
        };
        if (paper.Title is { } title) doc.Add(new TextField(PaperFields.Title, title, Field.Store.YES));
        foreach (var author in paper.Authors) doc.Add(new TextField(PaperFields.Authors, author, Field.Store.YES));
        doc.Add(new StoredField(PaperFields.AuthorCount, paper.AuthorCount ?? paper.Authors.Count));
        if (paper.Abstract is { } summary) doc.Add(new TextField(PaperFields.Abstract, summary, Field.Store.YES));
        if (paper.ArxivId is { } arxiv) doc.Add(new StringField(PaperFields.Arxiv, arxiv.ToLowerInvariant(), Field.Store.YES));
        if (paper.Url is { } url) doc.Add(new StoredField(PaperFields.Url, url));
        if (paper.Date is { } date)
        {
            doc.Add(new Int32Field(PaperFields.Day, Day(date), Field.Store.NO));
            doc.Add(new StoredField(PaperFields.Date, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var record in paper.Records)
        {
            var source = record.Source;
            doc.Add(new StoredField(PaperFields.SourceStored, $"{source.File}\t{source.StartLine.ToString(CultureInfo.InvariantCulture)}\t{source.KindName}"));
            files.Add(source.File.ToLowerInvariant());
            files.Add(Path.GetFileName(source.File).ToLowerInvariant());
        }
        foreach (var file in files) doc.Add(new StringField(PaperFields.Source, file, Field.Store.NO));
        foreach (var session in paper.Sessions)
        {
            doc.Add(new StringField(PaperFields.Session, session.ToLowerInvariant(), Field.Store.NO));
            doc.Add(new StoredField(PaperFields.SessionStored, session));
        }
        return doc;
    }

    public static int Day(DateOnly date) => date.Year * 10000 + date.Month * 100 + date.Day;

    /// <summary>Every value the document holds, in a fixed order: equal text means an equal document.</summary>
    private static string Canonical(Paper paper)
    {
        var sb = new StringBuilder();
        void Add(string? value) => sb.Append(value).Append('\u001f');
        Add(paper.Id); Add(paper.Title); Add(paper.Abstract); Add(paper.ArxivId); Add(paper.Url);
        Add(paper.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add((paper.AuthorCount ?? paper.Authors.Count).ToString(CultureInfo.InvariantCulture));
        foreach (var a in paper.Authors) Add(a);
        sb.Append('\u001e');
        foreach (var r in paper.Records) Add($"{r.Source.File}\t{r.Source.StartLine.ToString(CultureInfo.InvariantCulture)}\t{r.Source.KindName}");
        sb.Append('\u001e');
        foreach (var s in paper.Sessions) Add(s);
        return sb.ToString();
    }
}
