using System.Globalization;
using System.Text;

namespace SiteGen.Corpus.Courses;

/// <summary>What to generate. Defaults give a small course shaped like the seed session.</summary>
public sealed record CourseCorpusOptions
{
    public static CourseCorpusOptions Default { get; } = new();

    public int Sessions { get; init; } = 30;
    /// <summary>Hugging Face listing entries, spread over files of <see cref="EntriesPerListingFile"/>.</summary>
    public int ListingEntries { get; init; }
    public ulong Seed { get; init; } = 1;
    /// <summary>Share of listing entries that repeat an earlier paper (re-cased title, cut abstract).</summary>
    public double RepeatShare { get; init; } = 0.25;
    public int EntriesPerListingFile { get; init; } = 5000;
    /// <summary>Writes a tiny Lectures/{session}.pdf per session so slide links resolve (no missing-deck warnings).</summary>
    public bool SlideDecks { get; init; } = true;
    public int MinReadings { get; init; } = 3;
    /// <summary>Inclusive.</summary>
    public int MaxReadings { get; init; } = 8;
}

/// <summary>The truth about a generated course: counts, and the number of distinct papers a perfect merge finds.</summary>
public sealed record CourseTruth
{
    public required ulong Seed { get; init; }
    public required int Sessions { get; init; }
    public required int Readings { get; init; }
    public required int ListingEntries { get; init; }
    public required int ListingFiles { get; init; }
    /// <summary>Listing entries that repeat a paper already seen (in a session or an earlier entry).</summary>
    public required int Repeats { get; init; }
    public required int DistinctPapers { get; init; }

    public string ToJson() => string.Create(CultureInfo.InvariantCulture,
        $"{{\n  \"seed\": {Seed},\n  \"sessions\": {Sessions},\n  \"readings\": {Readings},\n  \"listingEntries\": {ListingEntries},\n  \"listingFiles\": {ListingFiles},\n  \"repeats\": {Repeats},\n  \"distinctPapers\": {DistinctPapers}\n}}\n");
}

/// <summary>One generated file: path relative to the course folder ('/' separators) and its text (UTF-8, LF).</summary>
public sealed record CourseFile(string Path, string Text);

/// <summary>
/// Seeded, deterministic synthetic courses for benchmarks and tests: sessions shaped like the seed session
/// (front matter, 3-8 readings with URL, date, authors, abstract) and Hugging Face listing text, a known share of
/// whose entries repeat earlier papers. The same options always give the same bytes.
/// Layout: content/site.yml, content/sessions/*.md, content/Lectures/*.pdf, content/listings/hf-*.txt, truth.json.
/// </summary>
public static class CourseGenerator
{
    /// <summary>Writes the course under <paramref name="outDir"/> (content/ and truth.json) and returns the truth.</summary>
    public static CourseTruth Write(string outDir, CourseCorpusOptions options)
    {
        var generator = new Generator(options);
        foreach (var file in generator.Files())
        {
            var path = System.IO.Path.Combine(outDir, file.Path);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Text, Utf8);
        }
        return generator.Truth!;
    }

    /// <summary>The files in order, generated lazily (a million listing entries never sit in memory at once); truth.json comes last.</summary>
    public static IEnumerable<CourseFile> Files(CourseCorpusOptions options) => new Generator(options).Files();

    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The smallest file a PDF reader opens; every deck gets the same bytes.</summary>
    public const string PdfStub = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";

    private sealed class Paper
    {
        public required string Title { get; init; }
        public required string Abstract { get; init; }
        public required List<string> Authors { get; init; }
        public required DateOnly Date { get; init; }
        public required string ArxivId { get; init; }
    }

    private sealed class Generator(CourseCorpusOptions options)
    {
        private readonly CorpusRandom _random = new(options.Seed);
        private readonly List<Paper> _papers = [];
        private readonly Dictionary<int, int> _idsPerMonth = [];
        public CourseTruth? Truth { get; private set; }

        public IEnumerable<CourseFile> Files()
        {
            yield return new CourseFile("content/site.yml", SiteYml());
            var readings = 0;
            for (var s = 0; s < options.Sessions; s++)
            {
                var name = SessionName(s);
                var (text, count) = Session(s, name);
                readings += count;
                yield return new CourseFile($"content/sessions/{name}.md", text);
                if (options.SlideDecks) yield return new CourseFile($"content/Lectures/{name}.pdf", PdfStub);
            }

            var repeats = 0;
            var files = 0;
            for (var start = 0; start < options.ListingEntries; start += options.EntriesPerListingFile)
            {
                var count = Math.Min(options.EntriesPerListingFile, options.ListingEntries - start);
                var (text, fileRepeats) = Listing(files, count);
                repeats += fileRepeats;
                yield return new CourseFile($"content/listings/hf-generated-{files + 1:00000}.txt", text);
                files++;
            }

            Truth = new CourseTruth
            {
                Seed = options.Seed, Sessions = options.Sessions, Readings = readings, ListingEntries = options.ListingEntries,
                ListingFiles = files, Repeats = repeats, DistinctPapers = _papers.Count,
            };
            yield return new CourseFile("truth.json", Truth.ToJson());
        }

        private string SiteYml() => string.Create(CultureInfo.InvariantCulture,
            $"# Generated course (seed {options.Seed}): {options.Sessions} sessions, {options.ListingEntries} listing entries.\ntitle: \"Generated Seminar {options.Seed}\"\ndescription: \"Synthetic course for benchmarks and tests.\"\nbaseurl: /\nurl: \"\"\nterm: 2026-S1\nauthor: Course staff\n");

        private string SessionName(int index)
        {
            var week = index / 2 + 1;
            var words = Words.Pick(_random, 2, TitleWords).Select(w => w.ToLowerInvariant());
            return string.Create(CultureInfo.InvariantCulture, $"S{index + 1:00000}-W{week:000}.{index % 2 + 1}-{string.Join('-', words)}");
        }

        private (string Text, int Readings) Session(int index, string name)
        {
            var sb = new StringBuilder(8 * 1600);
            var title = Words.Sentence(_random, 3, 7, TitleWords, capitalizeAll: true);
            var tags = Words.Pick(_random, _random.Next(1, 4), Tags);
            var category = _random.Pick(Categories);
            sb.Append("---\n");
            sb.Append("title: ").Append(title).Append('\n');
            sb.Append("lecture: ").Append(name).Append('\n');
            sb.Append("lectureVersion: ").Append(index < options.Sessions / 2 ? "current" : "next").Append('\n');
            sb.Append("extraContent: \n");
            sb.Append("notes: \n");
            sb.Append("video: team-").Append((index % 12 + 1).ToString(CultureInfo.InvariantCulture)).Append('\n');
            sb.Append("tags:\n");
            foreach (var tag in tags) sb.Append("- ").Append(tag).Append('\n');
            sb.Append("desc: 2026-S1\n");
            sb.Append("term: 2026-seminarRead\n");
            sb.Append("categories:\n- ").Append(category).Append('\n');
            sb.Append("LOrder: ").Append((index + 1).ToString(CultureInfo.InvariantCulture)).Append('\n');
            sb.Append("---\n\n\n");
            sb.Append("In this session, our readings cover: ").Append(Words.Sentence(_random, 6, 14, AbstractWords, capitalizeAll: false)).Append("\n\n");

            var readings = _random.Next(options.MinReadings, options.MaxReadings + 1);
            var required = Math.Min(readings, _random.Next(1, 4));
            sb.Append("## Required Readings: \n\n");
            for (var r = 0; r < readings; r++)
            {
                if (r == required) sb.Append("\n## More Readings: \n\n");
                var paper = NewPaper();
                sb.Append("#### ").Append(paper.Title).Append('\n');
                sb.Append("+ [https://arxiv.org/abs/").Append(paper.ArxivId).Append("](https://arxiv.org/abs/").Append(paper.ArxivId).Append(")\n");
                sb.Append("+ [Submitted on ").Append(paper.Date.ToString("d MMM yyyy", CultureInfo.InvariantCulture)).Append("] ")
                    .Append(string.Join(", ", paper.Authors)).Append('\n');
                sb.Append("+ ").Append(paper.Abstract).Append("\n\n\n");
            }
            return (sb.ToString(), readings);
        }

        private (string Text, int Repeats) Listing(int fileIndex, int entries)
        {
            var sb = new StringBuilder(entries * 1300);
            sb.Append("new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nDaily Papers\n\nbyAK and the research community\n\n");
            sb.Append(Months[fileIndex % 12]).Append(' ').Append((fileIndex % 28 + 1).ToString(CultureInfo.InvariantCulture)).Append("\n\n");
            var repeats = 0;
            for (var e = 0; e < entries; e++)
            {
                string title, abstractText;
                Paper paper;
                if (_papers.Count > 0 && _random.NextDouble() < options.RepeatShare)
                {
                    paper = _papers[_random.Next(_papers.Count)];
                    title = Recase(paper.Title);
                    abstractText = Cut(paper.Abstract);
                    repeats++;
                }
                else
                {
                    paper = NewPaper();
                    title = paper.Title;
                    abstractText = paper.Abstract;
                }
                sb.Append(title).Append("\n\n").Append(abstractText).Append("\n\n");
                sb.Append("  \u2022 ").Append(paper.Authors.Count.ToString(CultureInfo.InvariantCulture)).Append(paper.Authors.Count == 1 ? " author\n" : " authors\n");
                sb.Append("\u00b7\n");
                sb.Append(paper.Date.ToString("MMM d, yyyy", CultureInfo.InvariantCulture));
                var upvotes = _random.Next(0, 40);
                if (upvotes > 0) sb.Append(' ').Append(upvotes.ToString(CultureInfo.InvariantCulture));
                sb.Append("\n\n");
            }
            return (sb.ToString(), repeats);
        }

        private Paper NewPaper()
        {
            var index = _papers.Count;
            var date = new DateOnly(2019, 1, 1).AddDays(_random.Next(0, 7 * 365));
            var month = (date.Year % 100) * 100 + date.Month;
            var serial = _idsPerMonth.GetValueOrDefault(month) + 1;
            _idsPerMonth[month] = serial;
            var paper = new Paper
            {
                Title = $"{UniqueName(index)}: {Words.Sentence(_random, 4, 10, TitleWords, capitalizeAll: true)}",
                Abstract = Abstract(),
                Authors = Enumerable.Range(0, AuthorCount()).Select(_ => $"{_random.Pick(FirstNames)} {_random.Pick(LastNames)}").ToList(),
                Date = date,
                ArxivId = string.Create(CultureInfo.InvariantCulture, $"{month:0000}.{serial:00000}"),
            };
            _papers.Add(paper);
            return paper;
        }

        private int AuthorCount()
        {
            var roll = _random.NextDouble();
            return roll < 0.1 ? 1 : roll < 0.85 ? _random.Next(2, 9) : _random.Next(9, 40);
        }

        private string Abstract()
        {
            var sb = new StringBuilder(1200);
            var sentences = _random.Next(5, 10);
            for (var i = 0; i < sentences; i++)
            {
                if (i > 0) sb.Append(' ');
                sb.Append(Words.Sentence(_random, 10, 24, AbstractWords, capitalizeAll: false)).Append('.');
            }
            return sb.ToString();
        }

        /// <summary>The way listings re-case titles: all lower, all upper, or the first letter only.</summary>
        private string Recase(string title) => _random.Next(3) switch
        {
            0 => title.ToLowerInvariant(),
            1 => title.ToUpperInvariant(),
            _ => char.ToUpperInvariant(title[0]) + title[1..].ToLowerInvariant(),
        };

        /// <summary>Cut at a word boundary between 40% and 90% of the length, sometimes marked with "...".</summary>
        private string Cut(string text)
        {
            var at = text.LastIndexOf(' ', (int)(text.Length * (0.4 + 0.5 * _random.NextDouble())));
            if (at <= 0) return text;
            return _random.Next(2) == 0 ? text[..at] + "..." : text[..at];
        }
    }

    /// <summary>A made-up model name that is different for every paper index (a bijection on 0..20^5-1), so no two papers look alike.</summary>
    public static string UniqueName(int index)
    {
        const int space = 20 * 20 * 20 * 20 * 20;
        var code = (int)(((long)index * 7919 + 1237) % space);
        var sb = new StringBuilder(16);
        for (var i = 0; i < 5; i++)
        {
            var s = Syllables[code % 20];
            sb.Append(i == 0 ? char.ToUpperInvariant(s[0]) + s[1..] : s);
            code /= 20;
        }
        return sb.ToString();
    }

    private static class Words
    {
        public static string Sentence(CorpusRandom random, int min, int maxInclusive, IReadOnlyList<string> words, bool capitalizeAll)
        {
            var count = random.Next(min, maxInclusive + 1);
            var sb = new StringBuilder(count * 9);
            for (var i = 0; i < count; i++)
            {
                var w = random.Pick(words);
                if (i > 0) sb.Append(' ');
                if (i == 0 || (capitalizeAll && w.Length > 3)) sb.Append(char.ToUpperInvariant(w[0])).Append(w, 1, w.Length - 1);
                else sb.Append(w);
            }
            return sb.ToString();
        }

        public static List<string> Pick(CorpusRandom random, int count, IReadOnlyList<string> words)
        {
            var picked = new List<string>(count);
            while (picked.Count < count)
            {
                var w = random.Pick(words);
                if (!picked.Contains(w, StringComparer.Ordinal)) picked.Add(w);
            }
            return picked;
        }
    }

    private static readonly string[] Syllables = ["ka", "lo", "mi", "ra", "ven", "to", "zu", "ne", "shi", "dor", "qua", "pel", "rin", "sa", "tek", "vo", "xi", "yam", "bri", "gal"];

    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    private static readonly string[] Tags =
    [
        "Scaling", "Agents", "Reasoning", "Alignment", "Safety", "Retrieval", "Planning", "Tool Use", "Multimodal", "Efficiency",
        "Evaluation", "Benchmarks", "Memory", "Fine-tuning", "RLHF", "Distillation", "Robotics", "Code", "Math", "Interpretability",
    ];

    private static readonly string[] Categories = ["Reasoning", "Agents", "Foundations", "Safety", "Applications", "Efficiency", "Multimodal", "Theory"];

    private static readonly string[] TitleWords =
    [
        "agents", "language", "models", "reasoning", "planning", "scaling", "retrieval", "augmented", "generation", "benchmark",
        "evaluation", "multi-agent", "tool", "learning", "reinforcement", "feedback", "alignment", "safety", "efficient", "inference",
        "memory", "long-context", "vision", "multimodal", "robust", "survey", "towards", "self-improving", "small", "large",
        "distillation", "preference", "optimization", "reward", "search", "tree", "code", "math", "web", "embodied",
        "collaborative", "adaptive", "hierarchical", "graph", "knowledge", "synthetic", "data", "instruction", "tuning", "open",
        "world", "simulation", "verification", "chain", "thought", "test-time", "compute", "sparse", "mixture", "experts",
    ];

    private static readonly string[] AbstractWords =
    [
        "we", "propose", "a", "novel", "framework", "that", "enables", "language", "models", "to", "reason", "about", "complex",
        "tasks", "with", "tools", "and", "memory", "our", "method", "outperforms", "strong", "baselines", "on", "several",
        "benchmarks", "while", "using", "fewer", "parameters", "experiments", "show", "the", "approach", "scales", "across",
        "domains", "including", "mathematics", "code", "generation", "web", "navigation", "planning", "in", "addition",
        "analysis", "reveals", "limitations", "of", "existing", "agents", "when", "feedback", "is", "sparse", "results",
        "suggest", "future", "work", "should", "study", "alignment", "safety", "evaluation", "data", "training", "inference",
        "efficiency", "retrieval", "policy", "reward", "model", "search", "trajectories", "human", "preferences", "robust",
        "performance", "state-of-the-art", "accuracy", "latency", "cost", "open-source", "release", "dataset", "environment",
    ];

    private static readonly string[] FirstNames =
    [
        "Ana", "Bo", "Chen", "Dara", "Elif", "Farid", "Grace", "Hiro", "Ines", "Jun", "Kofi", "Lena", "Mateo", "Nadia", "Omar",
        "Priya", "Quinn", "Ravi", "Sofia", "Tomas", "Uma", "Viktor", "Wei", "Xin", "Yara", "Zoltan", "Sébastien", "Zoë",
    ];

    private static readonly string[] LastNames =
    [
        "Abdin", "Bansal", "Chao", "Diaz", "Eldan", "Foster", "Gu", "Hong", "Ito", "Jia", "Kim", "Li", "Liu", "Meyer", "Nguyen",
        "Okafor", "Pei", "Qi", "Rossi", "Shah", "Tang", "Ueda", "Varga", "Wang", "Xu", "Yang", "Zhang", "Müller", "Søndergaard",
    ];
}
