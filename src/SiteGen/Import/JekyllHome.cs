using System.Text.RegularExpressions;
using SiteGen.Content;
using SiteGen.Diagnostics;

namespace SiteGen.Import;

/// <summary>A positional Liquid array of the old home page: <c>{% assign ddates = "|0113|0115" | split: "|" %}</c>.</summary>
/// <param name="Field">The schedule field it fills (date, week, quiz, homework, talk, project).</param>
/// <param name="Values">Ruby's split: index 0 is the text before the first '|', trailing empty values dropped.</param>
public sealed record PositionalArray(string Name, string Field, IReadOnlyList<string> Values, int Line);

/// <summary>What the import reads from a Jekyll course's home page (<c>index.html</c>).</summary>
/// <param name="IntroHtml">The instructor's text above the schedule table, Liquid replaced, tags balanced.</param>
/// <param name="Arrays">The positional arrays the schedule loop reads with its row counter.</param>
/// <param name="SkipFlags">Front-matter keys whose rows do not advance the counter (<c>{% if post.extra %}</c>).</param>
/// <param name="SkipTitle">Rows whose title contains this text are banners that do not advance the counter ("Section").</param>
public sealed record JekyllHome(string IntroHtml, IReadOnlyList<PositionalArray> Arrays, IReadOnlyList<string> SkipFlags, string? SkipTitle, bool HasScheduleLoop);

/// <summary>Reads a Jekyll home page: the notices above the schedule, and the schedule loop's positional arrays.</summary>
public static partial class JekyllHomeReader
{
    /// <summary>The array names these course sites use, and the schedule field each becomes.</summary>
    public static readonly IReadOnlyDictionary<string, string> KnownArrays = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ddates"] = "date", ["dweeks"] = "week", ["Qdates"] = "quiz", ["HWdates"] = "homework", ["talkweeks"] = "talk", ["projectws"] = "project",
    };

    [GeneratedRegex("""\{%-?\s*assign\s+(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)')\s*\|\s*split\s*:\s*(?:"\|"|'\|')\s*-?%\}""")]
    private static partial Regex SplitAssign();

    [GeneratedRegex(@"\{%-?\s*for\s+(\w+)\s+in\s+([\w.]+)[^%]*-?%\}")]
    private static partial Regex ForLoop();

    [GeneratedRegex(@"\{%-?\s*assign\s+(\w+)\s*=\s*(site\.\w+)\s*-?%\}")]
    private static partial Regex AssignCollection();

    [GeneratedRegex(@"\{%-?\s*assign\s+(\w+)\s*=\s*\1\s*\|\s*plus\s*:\s*1\s*-?%\}")]
    private static partial Regex CounterIncrement();

    [GeneratedRegex(@"\{%-?\s*(?:if|elsif)\s+(\w+)\.(\w+)\s*-?%\}")]
    private static partial Regex FlagCondition();

    [GeneratedRegex("""\{%-?\s*(?:if|elsif)\s+(\w+)\.title\s+contains\s+(?:"([^"]*)"|'([^']*)')\s*-?%\}""")]
    private static partial Regex TitleCondition();

    [GeneratedRegex(@"(\w+)\[(\w+)\]")]
    private static partial Regex Indexed();

    [GeneratedRegex(@"\{\{-?\s*site\.(\w+)\s*-?\}\}(/?)")]
    private static partial Regex SiteVariable();

    [GeneratedRegex(@"\{\{.*?\}\}|\{%.*?%\}", RegexOptions.Singleline)]
    private static partial Regex AnyLiquid();

    [GeneratedRegex(@"<(/?)div\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex DivTag();

    /// <param name="siteValues">Values for <c>{{ site.x }}</c> in the intro (title, description, tagline, author); baseurl is given apart.</param>
    public static JekyllHome? Read(string text, string displayPath, string baseUrl, IReadOnlyDictionary<string, string> siteValues, string collection, DiagnosticBag diagnostics)
    {
        var split = FrontMatter.Split(text);
        if (split.Unclosed)
        {
            diagnostics.Error(DiagnosticCodes.ImportUnreadable, displayPath, 1, 1,
                "The front matter of index.html opens with --- but never closes; nothing was imported.", "Add a line with just --- after its last key.");
            return null;
        }
        if (split.Yaml is not null)
        {
            SiteGen.Text.YamlText.LoadRoot(split.Yaml, out var yamlError);
            if (yamlError is not null)
            {
                diagnostics.Error(DiagnosticCodes.ImportUnreadable, displayPath, split.YamlLine - 1 + yamlError.Line, yamlError.Column,
                    $"The front matter of index.html is not valid YAML: {yamlError.Message}; nothing was imported.",
                    "Fix that line (Jekyll would fail on it too), then run `sitegen import jekyll` again.");
                return null;
            }
        }
        var body = split.Body;
        var bodyLine = split.BodyLine;
        (int Line, int Column) At(int index)
        {
            var before = body.AsSpan(0, index);
            var line = bodyLine + before.Count('\n');
            return (line, index - (before.LastIndexOf('\n') + 1) + 1);
        }

        // The schedule loop: `for post in site.<collection>`, or over a variable assigned from it.
        var sources = new HashSet<string>(StringComparer.Ordinal) { "site." + collection };
        foreach (Match m in AssignCollection().Matches(body))
            if (m.Groups[2].Value == "site." + collection) sources.Add(m.Groups[1].Value);
        var loop = ForLoop().Matches(body).FirstOrDefault(m => sources.Contains(m.Groups[2].Value));
        if (loop is null)
        {
            var (line, column) = (bodyLine, 1);
            diagnostics.Warning(DiagnosticCodes.ImportLiquid, displayPath, line, column,
                $"index.html has no loop over site.{collection}; the whole page is taken as the home page's intro and no schedule data is imported.",
                "SiteGen's home page shows the schedule by itself; check the intro in site.yml (home_intro:).");
        }
        var loopVariable = loop?.Groups[1].Value ?? "post";

        // The intro is everything above the table that holds the loop (or above the loop when no table does).
        var cut = body.Length;
        if (loop is not null)
        {
            var table = body.LastIndexOf("<table", loop.Index, StringComparison.OrdinalIgnoreCase);
            cut = table >= 0 ? table : loop.Index;
            // Liquid set-up lines just before the table belong to the schedule, not the intro.
            var firstLiquid = body.IndexOf("{%", StringComparison.Ordinal);
            if (firstLiquid >= 0 && firstLiquid < cut) cut = Math.Min(cut, LineStart(body, firstLiquid));
        }
        var intro = Intro(body[..cut], baseUrl, siteValues, displayPath, At, diagnostics);

        var arrays = new List<PositionalArray>();
        // The row counter: a variable the loop advances by one and the arrays are indexed by (not currentTag, say).
        var indexNames = Indexed().Matches(body).Where(m => KnownArrays.ContainsKey(m.Groups[1].Value)).Select(m => m.Groups[2].Value).ToHashSet(StringComparer.Ordinal);
        var increments = CounterIncrement().Matches(body).Where(m => loop is null || m.Index > loop.Index).ToList();
        var counter = increments.FirstOrDefault(m => indexNames.Contains(m.Groups[1].Value)) ?? increments.FirstOrDefault();
        foreach (Match m in SplitAssign().Matches(body))
        {
            var name = m.Groups[1].Value;
            var (line, column) = At(m.Index);
            if (!KnownArrays.TryGetValue(name, out var field))
            {
                diagnostics.Warning(DiagnosticCodes.ImportLiquid, displayPath, line, column,
                    $"The Liquid array '{name}' is not one SiteGen knows (ddates, dweeks, Qdates, HWdates, talkweeks, projectws); its values are not imported.",
                    "Add them to schedule.yml by hand if students need them.");
                continue;
            }
            var raw = m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Value;
            var values = raw.Split('|').ToList();
            while (values.Count > 0 && values[^1].Length == 0) values.RemoveAt(values.Count - 1);
            arrays.Add(new PositionalArray(name, field, values, line));
        }
        // Each array must be read with the row counter; anything else the import cannot turn into per-session data.
        if (arrays.Count > 0 && counter is null)
            diagnostics.Warning(DiagnosticCodes.ImportLiquid, displayPath, arrays[0].Line, 1,
                "The schedule's arrays are not read with a counter that the loop advances (assign counter = counter | plus: 1); their values are not imported.",
                "Write each session's date and week in schedule.yml.");
        var counterName = counter?.Groups[1].Value;
        foreach (Match m in Indexed().Matches(body))
        {
            if (!arrays.Any(a => a.Name == m.Groups[1].Value) || m.Groups[2].Value == counterName) continue;
            var (line, column) = At(m.Index);
            diagnostics.Warning(DiagnosticCodes.ImportLiquid, displayPath, line, column,
                $"{m.Value} is indexed by '{m.Groups[2].Value}', not by the row counter '{counterName}'; it is imported as if it were.",
                "Check that session's values in schedule.yml.");
        }
        if (counter is null) arrays.Clear();

        // The conditions before the counter advances: rows they catch are banners or extra rows without a position.
        var flags = new List<string>();
        string? skipTitle = null;
        if (loop is not null && counter is not null)
        {
            var head = body[loop.Index..counter.Index];
            foreach (Match m in TitleCondition().Matches(head))
                if (m.Groups[1].Value == loopVariable) skipTitle ??= m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Value;
            foreach (Match m in FlagCondition().Matches(head))
                if (m.Groups[1].Value == loopVariable && m.Groups[2].Value != "title" && !flags.Contains(m.Groups[2].Value)) flags.Add(m.Groups[2].Value);
        }
        return new JekyllHome(intro, arrays, flags, skipTitle, loop is not null);
    }

    private static int LineStart(string text, int index) => text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;

    /// <summary>The intro's HTML: {{ site.x }} replaced, other Liquid reported and dropped, unclosed &lt;div&gt;s closed.</summary>
    private static string Intro(string html, string baseUrl, IReadOnlyDictionary<string, string> siteValues, string displayPath,
        Func<int, (int Line, int Column)> at, DiagnosticBag diagnostics)
    {
        var unknown = new List<Match>();
        foreach (Match m in AnyLiquid().Matches(html))
        {
            var site = SiteVariable().Match(m.Value);
            if (!(site.Success && site.Index == 0 && (site.Groups[1].Value == "baseurl" || siteValues.ContainsKey(site.Groups[1].Value)))) unknown.Add(m);
        }
        foreach (var m in unknown)
        {
            var (line, column) = at(m.Index);
            diagnostics.Warning(DiagnosticCodes.ImportLiquid, displayPath, line, column,
                $"The Liquid {Shorten(m.Value)} above the schedule is not understood; it is left out of the home page's intro.",
                "Write what it showed into home_intro: in site.yml.");
        }
        var text = AnyLiquid().Replace(html, m =>
        {
            var site = SiteVariable().Match(m.Value);
            if (!site.Success || site.Index != 0) return "";
            if (site.Groups[1].Value == "baseurl") return site.Groups[2].Length > 0 ? baseUrl : baseUrl.TrimEnd('/');
            return siteValues.TryGetValue(site.Groups[1].Value, out var value) ? System.Net.WebUtility.HtmlEncode(value) + site.Groups[2].Value : "";
        });
        var open = 0;
        foreach (Match m in DivTag().Matches(text)) open = Math.Max(0, open + (m.Groups[1].Length == 0 ? 1 : -1));
        text = text.Trim();
        for (var i = 0; i < open; i++) text += "\n</div>";
        return text;
    }

    private static string Shorten(string liquid)
    {
        var oneLine = Regex.Replace(liquid, @"\s+", " ");
        return oneLine.Length <= 60 ? oneLine : oneLine[..57] + "...";
    }
}
