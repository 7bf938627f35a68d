using System.Globalization;
using System.Text;
using SiteGen.Model;

namespace SiteGen.Corpus.Records;

/// <summary>The ways scrapes damage a record. Each kind has a test of its own.</summary>
public enum Corruption
{
    DropId,
    CutTitle,
    CutAbstract,
    ChangeCase,
    ChangePunctuation,
    AddTex,
    GlueAbstract,
    InsertThisHttpsUrl,
    BumpVersion,
    DropAuthorsToCount,
}

/// <summary>What to generate. Defaults give a mixed, realistic set.</summary>
public sealed record RecordCorpusOptions
{
    public static RecordCorpusOptions Default { get; } = new();

    /// <summary>Distinct papers; records are about 2.1 per paper.</summary>
    public int Papers { get; init; } = 1000;
    public ulong Seed { get; init; } = 1;
    /// <summary>Chance that a record is damaged at all; a damaged record gets one to <see cref="MaxCorruptions"/> kinds.</summary>
    public double CorruptionRate { get; init; } = 0.7;
    public int MaxCorruptions { get; init; } = 3;
    /// <summary>When set, every record after a paper's first gets exactly these kinds (the first stays clean).</summary>
    public IReadOnlyList<Corruption>? Only { get; init; }
    /// <summary>Share of papers whose title is a near copy of another paper's title (look-alike surveys).</summary>
    public double LookAlikeRate { get; init; } = 0.08;
    /// <summary>Shuffle records (seeded) so that copies of a paper are not neighbours.</summary>
    public bool Shuffle { get; init; } = true;
}

/// <param name="Truth">For each record, the index of the paper it is a copy of.</param>
/// <param name="Applied">For each record, the corruptions applied to it.</param>
public sealed record GeneratedRecords(IReadOnlyList<PaperRecord> Records, int[] Truth, IReadOnlyList<Corruption[]> Applied, int Papers);

/// <summary>
/// Seeded, deterministic records with known truth: clean papers, then one to four sightings of each
/// (session reading, arXiv listing entry, Hugging Face entry), damaged the way scrapes damage them.
/// </summary>
public static class RecordGenerator
{
    private static readonly string[] Syllables =
    [
        "ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "ba", "de", "fi", "go", "hu", "ja", "ke", "li", "ma", "no", "pe",
        "qui", "ra", "se", "to", "ul", "ve", "wa", "xi", "yo", "zu", "an", "el", "in", "or", "us", "tra", "pli", "gro", "sta", "ner",
    ];

    private static readonly string[] Common =
    [
        "the", "of", "and", "to", "a", "in", "we", "that", "for", "is", "on", "with", "by", "this", "as", "our", "are", "from",
        "model", "models", "language", "large", "agents", "agent", "learning", "reasoning", "data", "tasks", "performance",
        "method", "approach", "results", "training", "evaluation", "framework", "benchmark", "system", "systems", "policy",
    ];

    private static readonly string[] Openers =
    [
        "Large language models (LLMs) have demonstrated remarkable capabilities in",
        "Recent advances in large language models have enabled",
        "Large Language Model (LLM) agents are increasingly used for",
        "With the rapid development of Large Language Models (LLMs),",
        "Multi-agent systems extend large language models to",
        "Reinforcement learning has shown promise for",
    ];

    private static readonly string[] TitleHeads = ["A Survey on", "Towards", "Learning", "Scaling", "On the", "Rethinking", "Benchmarking", "Understanding"];
    private static readonly string[] TitleWords =
    [
        "Large", "Language", "Model-based", "Agents", "Autonomous", "Reasoning", "Pre-training", "Optimization", "Multi-Agent",
        "Planning", "Tool", "Use", "Memory", "Evaluation", "Self-Improving", "Reinforcement", "Learning", "Retrieval", "Feedback",
    ];

    private static readonly string[] Vocabulary = BuildWords(4000, 0xC0FFEE, capitalise: false);
    private static readonly string[] FirstNames = BuildWords(300, 0xF1257, capitalise: true);
    private static readonly string[] LastNames = BuildWords(2000, 0x1A57, capitalise: true);

    private sealed record CleanPaper(string Title, string Abstract, string[] Authors, string ArxivId, int Version, DateOnly Date);

    public static GeneratedRecords Generate(RecordCorpusOptions options)
    {
        var rng = new CorpusRandom(options.Seed);
        var papers = new CleanPaper[options.Papers];
        for (var p = 0; p < papers.Length; p++) papers[p] = MakePaper(p, papers, rng, options);

        var records = new List<PaperRecord>(options.Papers * 22 / 10);
        var truth = new List<int>(records.Capacity);
        var applied = new List<Corruption[]>(records.Capacity);
        var allKinds = Enum.GetValues<Corruption>();
        for (var p = 0; p < papers.Length; p++)
        {
            var roll = rng.NextDouble();
            var copies = roll < 0.30 ? 1 : roll < 0.65 ? 2 : roll < 0.90 ? 3 : 4;
            for (var c = 0; c < copies; c++)
            {
                var kindRoll = rng.NextDouble();
                var kind = kindRoll < 0.25 ? SourceKind.Session : kindRoll < 0.55 ? SourceKind.ArxivListing : SourceKind.HfListing;
                Corruption[] damage;
                if (options.Only is { } only) damage = c == 0 ? [] : [.. only];
                else if (rng.NextDouble() < options.CorruptionRate)
                {
                    var count = rng.Next(1, options.MaxCorruptions + 1);
                    damage = Enumerable.Range(0, count).Select(_ => allKinds[rng.Next(allKinds.Length)]).Distinct().ToArray();
                }
                else damage = [];
                var index = records.Count;
                records.Add(MakeRecord(papers[p], p, kind, damage, index, papers, rng));
                truth.Add(p);
                applied.Add(damage);
            }
        }

        if (options.Shuffle)
        {
            for (var i = records.Count - 1; i > 0; i--)
            {
                var j = rng.Next(i + 1);
                (records[i], records[j]) = (records[j], records[i]);
                (truth[i], truth[j]) = (truth[j], truth[i]);
                (applied[i], applied[j]) = (applied[j], applied[i]);
            }
            // Provenance follows the final position, so files and lines read in order.
            for (var i = 0; i < records.Count; i++) records[i] = records[i] with { Source = SourceFor(records[i].Source.Kind, i) };
        }
        return new GeneratedRecords(records, [.. truth], applied, papers.Length);
    }

    private static SourceRef SourceFor(SourceKind kind, int index)
    {
        var file = kind switch
        {
            SourceKind.Session => $"sessions/S{index / 40:D5}.md",
            SourceKind.ArxivListing => $"listings/arxiv-{index / 500:D4}.txt",
            _ => $"listings/hf-{index / 500:D4}.txt",
        };
        var line = (index % 500) * 8 + 1;
        return new SourceRef(file, line, line + 6, kind);
    }

    private static CleanPaper MakePaper(int p, CleanPaper[] earlier, CorpusRandom rng, RecordCorpusOptions o)
    {
        string title;
        if (p > 0 && rng.NextDouble() < o.LookAlikeRate)
        {
            // A near copy of an earlier title: one word swapped or inserted, as with the two agent surveys.
            var words = earlier[rng.Next(p)].Title.Split(' ').ToList();
            var pos = rng.Next(words.Count);
            if (rng.Next(2) == 0) words[pos] = rng.Pick(TitleWords);
            else words.Insert(pos, rng.Pick(TitleWords));
            title = string.Join(' ', words);
        }
        else
        {
            var sb = new StringBuilder();
            if (rng.Next(3) == 0) sb.Append(Capitalise(rng.Pick(Vocabulary))).Append(": ");
            sb.Append(rng.Pick(TitleHeads));
            var n = rng.Next(3, 8);
            for (var i = 0; i < n; i++)
                sb.Append(' ').Append(rng.Next(3) == 0 ? Capitalise(rng.Pick(Vocabulary)) : rng.Pick(TitleWords));
            title = sb.ToString();
        }

        var abs = new StringBuilder(700);
        if (rng.Next(10) < 4) abs.Append(rng.Pick(Openers)).Append(' ');
        var sentences = rng.Next(4, 8);
        for (var s = 0; s < sentences; s++)
        {
            var words = rng.Next(8, 16);
            for (var w = 0; w < words; w++)
            {
                var word = rng.Next(10) < 4 ? rng.Pick(Common) : rng.Pick(Vocabulary);
                if (w == 0 && abs.Length == 0) word = Capitalise(word);
                abs.Append(word);
                if (w == words / 2 && rng.Next(3) == 0) abs.Append(',');
                abs.Append(w == words - 1 ? ". " : " ");
            }
        }
        var authors = new string[AuthorCount(rng)];
        for (var a = 0; a < authors.Length; a++) authors[a] = rng.Pick(FirstNames) + " " + rng.Pick(LastNames);
        // Unique ids: 90,000 numbers per month from 2015 on.
        var month = p / 90000;
        var yy = 15 + month / 12;
        var mm = 1 + month % 12;
        var id = string.Create(CultureInfo.InvariantCulture, $"{yy:D2}{mm:D2}.{10000 + p % 90000:D5}");
        var date = new DateOnly(2000 + yy, mm, 1 + rng.Next(28));
        return new CleanPaper(title, abs.ToString().TrimEnd(), authors, id, 1 + rng.Next(4), date);
    }

    private static int AuthorCount(CorpusRandom rng)
    {
        var r = rng.NextDouble();
        return r < 0.1 ? 1 : r < 0.8 ? rng.Next(2, 9) : rng.Next(9, 30);
    }

    private static PaperRecord MakeRecord(CleanPaper paper, int p, SourceKind kind, Corruption[] damage, int index, CleanPaper[] papers, CorpusRandom rng)
    {
        string? title = kind == SourceKind.ArxivListing ? null : paper.Title;
        string? abs = paper.Abstract;
        IReadOnlyList<string> authors = kind == SourceKind.Session ? paper.Authors : [];
        int? authorCount = kind == SourceKind.HfListing ? paper.Authors.Length : null;
        string? arxivId = kind == SourceKind.ArxivListing ? paper.ArxivId : null;
        int? version = kind == SourceKind.ArxivListing ? paper.Version : null;
        string? url = kind switch
        {
            SourceKind.Session when rng.Next(10) < 4 => $"https://arxiv.org/abs/{paper.ArxivId}",
            SourceKind.HfListing when rng.Next(10) < 3 => $"https://huggingface.co/papers/{paper.ArxivId}",
            _ => null,
        };
        string? doi = null;
        DateOnly? submitted = kind == SourceKind.Session ? paper.Date : null;
        DateOnly? published = kind == SourceKind.HfListing ? paper.Date : null;
        var session = kind == SourceKind.Session ? $"S{index / 40:D5}" : null;

        foreach (var d in damage)
        {
            switch (d)
            {
                case Corruption.DropId:
                    arxivId = null; version = null; url = null; doi = null;
                    break;
                case Corruption.CutTitle:
                    if (title is not null) title = CutMidWord(title, rng, 0.45, 0.9, 16);
                    break;
                case Corruption.CutAbstract:
                    abs = CutMidWord(abs, rng, 0.15, 0.8, 90);
                    break;
                case Corruption.ChangeCase:
                    if (title is not null) title = rng.Next(3) switch { 0 => title.ToUpperInvariant(), 1 => title.ToLowerInvariant(), _ => TitleCase(title) };
                    if (rng.Next(2) == 0) abs = abs.ToLowerInvariant();
                    break;
                case Corruption.ChangePunctuation:
                    if (title is not null)
                        title = title.Replace(": ", rng.Next(2) == 0 ? " - " : " — ", StringComparison.Ordinal)
                            .Replace("-", rng.Next(2) == 0 ? "" : " ", StringComparison.Ordinal) + (rng.Next(2) == 0 ? "." : "");
                    abs = abs.Replace(", ", " , ", StringComparison.Ordinal).Replace("(", "[", StringComparison.Ordinal).Replace(")", "]", StringComparison.Ordinal);
                    break;
                case Corruption.AddTex:
                    if (title is not null) title = Texify(title, rng);
                    abs = Texify(abs, rng);
                    break;
                case Corruption.GlueAbstract:
                    var other = papers[(p + 1 + rng.Next(papers.Length - 1)) % papers.Length].Abstract;
                    abs = abs + (rng.Next(2) == 0 ? " " : "") + CutMidWord(other, rng, 0.3, 1.0, 60);
                    break;
                case Corruption.InsertThisHttpsUrl:
                    abs = InsertAtSentence(abs, rng, rng.Next(2) == 0 ? "Code is available at this https URL." : "See https://github.com/example/" + rng.Pick(Vocabulary) + " for code.");
                    break;
                case Corruption.BumpVersion:
                    var v = (version ?? 1) + 1 + rng.Next(3);
                    var form = rng.Next(6);
                    if (arxivId is not null && form < 2) { version = v; break; }
                    arxivId = null; version = null;
                    (url, doi) = form switch
                    {
                        0 or 2 => ($"https://arxiv.org/pdf/{paper.ArxivId}v{v}", (string?)null),
                        1 or 3 => ($"https://arxiv.org/html/{paper.ArxivId}v{v}", null),
                        4 => ($"https://huggingface.co/papers/{paper.ArxivId}", null),
                        _ => (null, $"10.48550/arXiv.{paper.ArxivId}"),
                    };
                    break;
                case Corruption.DropAuthorsToCount:
                    if (authors.Count > 0) { authorCount = authors.Count; authors = []; }
                    break;
            }
        }
        return new PaperRecord
        {
            Source = SourceFor(kind, index),
            Title = title,
            Authors = authors,
            AuthorCount = authorCount,
            Abstract = abs,
            ArxivId = arxivId,
            ArxivVersion = version,
            Doi = doi,
            Url = url,
            Submitted = submitted,
            Published = published,
            Section = kind == SourceKind.Session ? ReadingSection.Required : ReadingSection.None,
            Session = session,
        };
    }

    /// <summary>Cuts inside a word, between the given fractions of the length, keeping at least minChars.</summary>
    private static string CutMidWord(string s, CorpusRandom rng, double from, double to, int minChars)
    {
        if (s.Length <= minChars + 2) return s;
        var at = Math.Max(minChars, (int)(s.Length * (from + (to - from) * rng.NextDouble())));
        at = Math.Min(at, s.Length - 1);
        while (at < s.Length - 1 && !char.IsLetter(s[at])) at++;
        // Step into the word so the cut leaves half a word.
        if (at + 1 < s.Length && char.IsLetter(s[at + 1])) at++;
        return s[..at];
    }

    private static string Texify(string s, CorpusRandom rng)
    {
        var words = s.Split(' ');
        var changes = 1 + rng.Next(2);
        for (var c = 0; c < changes; c++)
        {
            var i = rng.Next(words.Length);
            var w = words[i];
            if (w.Length < 3 || !w.All(char.IsLetter)) continue;
            words[i] = rng.Next(4) switch
            {
                0 => "\\emph{" + w + "}",
                1 => "\\textbf{" + w + "}",
                2 => "{\\em " + w + "}",
                // An accent command on a letter of the word: \'{e} reads as e.
                _ => w[..1] + "\\'{" + w[1] + "}" + w[2..],
            };
        }
        return string.Join(' ', words);
    }

    private static string InsertAtSentence(string s, CorpusRandom rng, string insert)
    {
        var stops = new List<int>();
        for (var i = 0; i + 1 < s.Length; i++)
            if (s[i] == '.' && s[i + 1] == ' ') stops.Add(i + 2);
        if (stops.Count == 0) return s + " " + insert;
        var at = stops[rng.Next(stops.Count)];
        return s[..at] + insert + " " + s[at..];
    }

    private static string TitleCase(string s) =>
        string.Join(' ', s.Split(' ').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant()));

    private static string Capitalise(string w) => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..];

    private static string[] BuildWords(int count, ulong seed, bool capitalise)
    {
        var rng = new CorpusRandom(seed);
        var set = new HashSet<string>(StringComparer.Ordinal);
        var list = new List<string>(count);
        while (list.Count < count)
        {
            var sb = new StringBuilder();
            var parts = rng.Next(2, 5);
            for (var i = 0; i < parts; i++) sb.Append(rng.Pick(Syllables));
            var w = capitalise ? Capitalise(sb.ToString()) : sb.ToString();
            if (set.Add(w)) list.Add(w);
        }
        return [.. list];
    }
}
