using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using SiteGen.Corpus.Courses;
using SiteGen.Model;

namespace SiteGen.Corpus.Fuzz;

/// <summary>How many mutated courses to build, from which seed; the defaults are the test's run.</summary>
public sealed record FuzzOptions
{
    public ulong Seed { get; init; } = 27;
    public int Courses { get; init; } = 40;
    public int SessionsPerCourse { get; init; } = 30;
    public int ListingsPerCourse { get; init; } = 20;
    /// <summary>Share of the files that are mutated; the others stay as generated, so a course still has pages to write.</summary>
    public double MutatedShare { get; init; } = 0.7;
    /// <summary>Longest one check or build may take before it counts as a hang.</summary>
    public TimeSpan CaseTimeout { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>Every Nth course is built twice into fresh folders and the two sites compared byte for byte.</summary>
    public int DeterminismEvery { get; init; } = 10;
    /// <summary>Real session and listing texts (by path: sessions/... or listings/...) mutated beside the generated ones.</summary>
    public IReadOnlyList<CourseFile> RealFiles { get; init; } = [];
}

/// <summary>What a fuzz run did and every rule it found broken (empty when none).</summary>
public sealed record FuzzReport
{
    public required int Courses { get; init; }
    public required int SessionFiles { get; init; }
    public required int ListingFiles { get; init; }
    public required int MutatedFiles { get; init; }
    public required int Checks { get; init; }
    public required int Builds { get; init; }
    public required int SitesWritten { get; init; }
    public required int Diagnostics { get; init; }
    /// <summary>Output files in which the listing marker was seen escaped: the escaping rule was tested on that many.</summary>
    public required int EscapedMarkerFiles { get; init; }
    public required TimeSpan Elapsed { get; init; }
    public required TimeSpan SlowestCase { get; init; }
    public required IReadOnlyDictionary<Mutation, int> Mutations { get; init; }
    public required IReadOnlyList<string> Failures { get; init; }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Courses} courses, {SessionFiles} session + {ListingFiles} listing files ({MutatedFiles} mutated), {Checks} checks + {Builds} builds, "
        + $"{SitesWritten} sites written, {Diagnostics} diagnostics, listing marker escaped in {EscapedMarkerFiles} output files, {Elapsed.TotalSeconds:F1} s (slowest case {SlowestCase.TotalMilliseconds:F0} ms), "
        + $"{Failures.Count} failures; mutations: {string.Join(", ", Mutations.OrderBy(m => m.Key).Select(m => $"{m.Key} {m.Value}"))}");
}

/// <summary>
/// Mutated session and listing files (<see cref="InputMutator"/>) through <c>check</c> and <c>build</c>, in process, each
/// run bounded in time. Rules checked: no exception escapes; every diagnostic is one line
/// <c>path(line,col): error|warning SGnnnn: message Hint: ...</c>; every session file is counted (none dropped in
/// silence) and, when the site is written, has its page; atom.xml and sitemap.xml parse strictly; calendar.ics lines are
/// at most 75 octets with no control character; the listing marker never reaches a page or feed unescaped; the same
/// input gives the same bytes. The files named in check's errors are removed before the build, so most builds write.
/// </summary>
public static partial class FuzzRun
{
    public static FuzzReport Run(FuzzOptions options, string workDir)
    {
        var random = new CorpusRandom(options.Seed);
        var bases = BaseFiles(options);
        var sessionBases = bases.Where(f => f.Path.StartsWith("sessions/", StringComparison.Ordinal)).Select(f => Encoding.UTF8.GetBytes(f.Text)).ToList();
        var listingBases = bases.Where(f => f.Path.StartsWith("listings/", StringComparison.Ordinal)).Select(f => Encoding.UTF8.GetBytes(f.Text)).ToList();
        var failures = new List<string>();
        var mutations = Enum.GetValues<Mutation>().ToDictionary(m => m, _ => 0);
        int sessionFiles = 0, listingFiles = 0, mutated = 0, checks = 0, builds = 0, written = 0, diagnostics = 0, escaped = 0;
        var slowest = TimeSpan.Zero;
        var total = Stopwatch.StartNew();

        for (var course = 0; course < options.Courses && !failures.Any(f => f.Contains(" hangs", StringComparison.Ordinal)); course++)
        {
            var dir = Path.Combine(workDir, $"course-{course:D4}");
            var content = Path.Combine(dir, "content");
            Directory.CreateDirectory(Path.Combine(content, "sessions"));
            Directory.CreateDirectory(Path.Combine(content, "listings"));
            File.WriteAllText(Path.Combine(content, "site.yml"), "title: Fuzzed course\nurl: https://course.example.org\n");
            var applied = new Dictionary<string, List<Mutation>>(StringComparer.Ordinal);
            void WriteFile(string relative, byte[] original, bool isListing)
            {
                var steps = new List<Mutation>();
                var bytes = random.NextDouble() < options.MutatedShare ? InputMutator.Mutate(original, isListing, random, steps) : original;
                if (steps.Count > 0) mutated++;
                foreach (var step in steps) mutations[step]++;
                applied[relative] = steps;
                File.WriteAllBytes(Path.Combine(content, relative), bytes);
            }
            for (var s = 0; s < options.SessionsPerCourse; s++) WriteFile($"sessions/S{s:D3}.md", random.Pick(sessionBases), isListing: false);
            for (var l = 0; l < options.ListingsPerCourse; l++) WriteFile($"listings/L{l:D3}.txt", random.Pick(listingBases), isListing: true);
            sessionFiles += options.SessionsPerCourse;
            listingFiles += options.ListingsPerCourse;
            string Case(string what) => $"course {course} (seed {options.Seed}) {what}";

            var check = Bounded(Case("check"), options.CaseTimeout, failures, ref slowest,
                () => SiteBuilder.Build(new BuildOptions { ContentDir = content, OutDir = Path.Combine(dir, "site"), CheckOnly = true }));
            if (check is null) continue;
            checks++;
            diagnostics += check.Diagnostics.Count;
            CheckDiagnostics(Case("check"), check, failures);
            if (check.Sessions != options.SessionsPerCourse)
                failures.Add(Case($"check: {check.Sessions} sessions counted of {options.SessionsPerCourse} files"));

            // The files the errors name are taken out, so the build has a site to write and its output can be checked.
            foreach (var error in check.Diagnostics.Where(d => d.Severity == Diagnostics.Severity.Error))
            {
                var path = Path.Combine(dir, error.Path);
                if (path.StartsWith(content + "/", StringComparison.Ordinal) && !path.EndsWith("site.yml", StringComparison.Ordinal) && File.Exists(path))
                    File.Delete(path);
            }
            var sessions = Directory.GetFiles(Path.Combine(content, "sessions")).Select(Path.GetFileNameWithoutExtension).ToList();
            var site = Path.Combine(dir, "site");
            var build = Bounded(Case("build"), options.CaseTimeout, failures, ref slowest,
                () => SiteBuilder.Build(new BuildOptions { ContentDir = content, OutDir = site }));
            if (build is null) continue;
            builds++;
            diagnostics += build.Diagnostics.Count;
            CheckDiagnostics(Case("build"), build, failures);
            if (build.Sessions != sessions.Count)
                failures.Add(Case($"build: {build.Sessions} sessions counted of {sessions.Count} files"));
            if (!build.Succeeded) continue;
            written++;
            foreach (var name in sessions)
                if (!File.Exists(Path.Combine(site, "sessions", name!, "index.html")))
                    failures.Add(Case($"build: sessions/{name}.md has no page ({Describe(applied, $"sessions/{name}.md")})"));
            escaped += CheckOutput(Case("build"), site, failures);

            if (options.DeterminismEvery > 0 && course % options.DeterminismEvery == 0)
            {
                var again = Path.Combine(dir, "site-again");
                var second = Bounded(Case("second build"), options.CaseTimeout, failures, ref slowest,
                    () => SiteBuilder.Build(new BuildOptions { ContentDir = content, OutDir = again }));
                builds++;
                if (second is not null && !SameFiles(site, again)) failures.Add(Case("build: the same input gave different bytes"));
            }
            if (!failures.Any(f => f.StartsWith($"course {course} ", StringComparison.Ordinal))) Directory.Delete(dir, recursive: true);
        }

        return new FuzzReport
        {
            Courses = options.Courses, SessionFiles = sessionFiles, ListingFiles = listingFiles, MutatedFiles = mutated, Checks = checks,
            Builds = builds, SitesWritten = written, Diagnostics = diagnostics, EscapedMarkerFiles = escaped, Elapsed = total.Elapsed, SlowestCase = slowest,
            Mutations = mutations, Failures = failures,
        };
    }

    /// <summary>Generated sessions and listings (Hugging Face and arXiv form), and the real files given.</summary>
    private static List<CourseFile> BaseFiles(FuzzOptions options)
    {
        var generated = CourseGenerator.Files(new CourseCorpusOptions { Seed = options.Seed, Sessions = 12, ListingEntries = 60, EntriesPerListingFile = 15, SlideDecks = false })
            .Where(f => f.Path.StartsWith("content/sessions/", StringComparison.Ordinal) || f.Path.StartsWith("content/listings/", StringComparison.Ordinal))
            .Select(f => f with { Path = f.Path["content/".Length..] })
            .ToList();
        generated.Add(new CourseFile("listings/arxiv.txt", string.Concat(Enumerable.Range(0, 12).Select(i => string.Create(CultureInfo.InvariantCulture,
            $"We study problem {i} of agents and tools with a method that works; the abstract is long enough to read.\n14 pages, {i} figures\narXiv:2406.{5800 + i:D5}v{i % 3 + 1}\n")))));
        return [.. generated, .. options.RealFiles];
    }

    private static BuildResult? Bounded(string name, TimeSpan timeout, List<string> failures, ref TimeSpan slowest, Func<BuildResult> run)
    {
        var clock = Stopwatch.StartNew();
        var task = Task.Run(run);
        try
        {
            if (!task.Wait(timeout))
            {
                failures.Add($"{name} hangs (over {timeout.TotalSeconds:F0} s)");
                return null;
            }
        }
        catch (AggregateException e)
        {
            // Parallel stages wrap the exception again: the innermost one says where it was thrown.
            Exception inner = e.Flatten().InnerExceptions[0];
            while (inner is AggregateException { InnerExceptions.Count: > 0 } nested) inner = nested.InnerExceptions[0];
            var frame = inner.StackTrace?.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains("SiteGen.", StringComparison.Ordinal));
            failures.Add($"{name}: {inner.GetType().Name}: {inner.Message} {frame}");
            return null;
        }
        if (clock.Elapsed > slowest) slowest = clock.Elapsed;
        return task.Result;
    }

    [GeneratedRegex(@"^[^\r\n]+\([0-9]+,[0-9]+\): (error|warning) SG[0-9]{4}: [^\r\n]+ Hint: [^\r\n]+$")]
    private static partial Regex DiagnosticLine();

    private static void CheckDiagnostics(string name, BuildResult result, List<string> failures)
    {
        foreach (var line in result.Diagnostics.Select(d => d.ToString()).Where(l => !DiagnosticLine().IsMatch(l)).Take(3))
            failures.Add($"{name}: a diagnostic not of the form path(line,col): error|warning SGnnnn: message Hint: ...: {Shorten(line)}");
        foreach (var d in result.Diagnostics.Where(d => d.Line < 1 || d.Column < 1).Take(3))
            failures.Add($"{name}: a diagnostic at line {d.Line}, column {d.Column}: {Shorten(d.ToString())}");
    }

    /// <returns>How many files hold the listing marker escaped.</returns>
    private static int CheckOutput(string name, string site, List<string> failures)
    {
        var escaped = 0;
        foreach (var file in Directory.EnumerateFiles(site, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(site, file);
            if (file.EndsWith(".html", StringComparison.Ordinal) || file.EndsWith(".xml", StringComparison.Ordinal) || file.EndsWith(".ics", StringComparison.Ordinal))
            {
                var text = File.ReadAllText(file);
                if (text.Contains(InputMutator.ListingMarker, StringComparison.Ordinal))
                    failures.Add($"{name}: {relative} holds listing text unescaped ({InputMutator.ListingMarker})");
                if (text.Contains(EscapedMarker, StringComparison.Ordinal)) escaped++;
            }
            if (relative is "atom.xml" or "sitemap.xml")
            {
                try
                {
                    using var reader = XmlReader.Create(file, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, CheckCharacters = true });
                    while (reader.Read()) { }
                }
                catch (XmlException e)
                {
                    failures.Add($"{name}: {relative} is not well-formed XML: {e.Message}");
                }
            }
            if (relative == "calendar.ics")
            {
                var lines = File.ReadAllText(file).Split("\r\n");
                if (lines.FirstOrDefault(l => Encoding.UTF8.GetByteCount(l) > 75 || l.Any(c => c < ' ' && c != '\t')) is { } bad)
                    failures.Add($"{name}: calendar.ics has a line over 75 octets or with a control character: {Shorten(bad)}");
            }
        }
        return escaped;
    }

    private static readonly string EscapedMarker = System.Net.WebUtility.HtmlEncode(InputMutator.ListingMarker);

    private static bool SameFiles(string a, string b)
    {
        var left = Directory.GetFiles(a, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(a, f)).Order(StringComparer.Ordinal).ToList();
        var right = Directory.GetFiles(b, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(b, f)).Order(StringComparer.Ordinal).ToList();
        return left.SequenceEqual(right, StringComparer.Ordinal)
               && left.All(f => File.ReadAllBytes(Path.Combine(a, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(b, f))));
    }

    private static string Describe(Dictionary<string, List<Mutation>> applied, string file) =>
        applied.TryGetValue(file, out var steps) && steps.Count > 0 ? string.Join("+", steps) : "not mutated";

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "...";
}
