using System.Globalization;
using System.Text;
using SiteGen.Diagnostics;
using SiteGen.Model;

namespace SiteGen.Import;

/// <summary>The schedule an imported course gets: its term year and a row per session, dated from the home page's table.</summary>
public static partial class ImportJekyll
{
    /// <summary>The term's year: the first 20xx in the tagline, title, description or base URL.</summary>
    private static int? TermYear(JekyllConfig jekyll, string baseUrl)
    {
        foreach (var text in new[] { jekyll.Tagline, jekyll.Title, jekyll.Description, baseUrl })
            if (Year().Match(text) is { Success: true } m) return int.Parse(m.Value, CultureInfo.InvariantCulture);
        return null;
    }

    /// <summary>
    /// The loop's rows made explicit: the counter advances on each session that is not a banner or a flagged row, and
    /// the session gets each array's value at that position. MMDD dates get the term's year, the next one after December.
    /// </summary>
    private static Dictionary<string, ScheduleEntry> ScheduleRows(JekyllHome home, IReadOnlyList<Session> sessions, int? year, ContentSource content,
        List<string> mapped, DiagnosticBag diagnostics)
    {
        var rows = new Dictionary<string, ScheduleEntry>(StringComparer.Ordinal);
        if (home.Arrays.Count == 0) return rows;
        var counter = 0;
        var previousMonth = 0;
        var termYear = year;
        var filled = home.Arrays.ToDictionary(a => a.Name, _ => 0, StringComparer.Ordinal);
        foreach (var s in sessions)
        {
            if (home.SkipTitle is { } banner && s.Title.Contains(banner, StringComparison.Ordinal)) continue;
            if (home.SkipFlags.Any(flag => IsFlagSet(s, flag))) continue;
            counter++;
            var entry = new ScheduleEntry();
            foreach (var array in home.Arrays)
            {
                var value = counter < array.Values.Count ? array.Values[counter].Trim() : "";
                if (value.Length == 0) continue;
                filled[array.Name]++;
                entry = array.Field switch
                {
                    "date" => DateEntry(entry, value, ref termYear, ref previousMonth),
                    "week" => entry with { Week = value },
                    "quiz" => entry with { Quiz = value },
                    "homework" => entry with { Homework = value },
                    "talk" => entry with { Talk = value },
                    _ => entry with { Project = value },
                };
            }
            if (entry != new ScheduleEntry()) rows[s.Name] = entry;
        }
        foreach (var array in home.Arrays)
        {
            var values = array.Values.Skip(1).Count(v => v.Trim().Length > 0);
            mapped.Add($"{array.Name} ({values} values) -> {array.Field} of {filled[array.Name]} sessions in schedule.yml");
            if (values > filled[array.Name])
                diagnostics.Warning(DiagnosticCodes.ImportLiquid, content.Display("index.html"), array.Line, 1,
                    $"{array.Name} has {values} values but only {counter} sessions advance the row counter; the last {values - filled[array.Name]} are not imported.",
                    "Check the end of schedule.yml: a session may be missing, or the array has values for classes without a session file.");
        }
        return rows;
    }

    /// <summary>What Liquid's truthiness gives for the flags these loops test: extra and platform (as the build reads them).</summary>
    private static bool IsFlagSet(Session s, string flag) => flag switch
    {
        "extra" => s.IsExtra,
        "platform" => s.IsPlatform,
        "background" => s.IsBackground,
        "exam" => s.IsExam,
        _ => false,
    };

    /// <param name="year">The year of the dates so far; it advances when the months go back (a fall term running into January).</param>
    private static ScheduleEntry DateEntry(ScheduleEntry entry, string value, ref int? year, ref int previousMonth)
    {
        if (year is { } y && value.Length == 4 && value.All(char.IsAsciiDigit))
        {
            var month = int.Parse(value[..2], CultureInfo.InvariantCulture);
            var day = int.Parse(value[2..], CultureInfo.InvariantCulture);
            if (month < previousMonth) y++;
            if (month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(y, month))
            {
                (year, previousMonth) = (y, month);
                return entry with { Date = new DateOnly(y, month, day) };
            }
        }
        return entry with { DateText = value };
    }

    private static string ScheduleYml(IReadOnlyDictionary<string, ScheduleEntry> rows, IReadOnlyList<Session> sessions)
    {
        var b = new StringBuilder();
        b.Append("# Each session's row on the home page, by session file name (imported from index.html's Liquid arrays).\n");
        b.Append("# date: YYYY-MM-DD (other text is shown as written); week, quiz, homework, talk, project: text.\n");
        b.Append("# A date here wins over the session's own date:, which wins over term_start/meeting_days in site.yml.\n");
        b.Append("# Moving or adding a session no longer shifts the others' dates: each keeps its own entry.\n");
        foreach (var s in sessions)
        {
            if (!rows.TryGetValue(s.Name, out var row)) continue;
            b.Append(Quote(s.Name)).Append(":\n");
            void Field(string key, string? value)
            {
                if (value is not null) b.Append("  ").Append(key).Append(": ").Append(Quote(value)).Append('\n');
            }
            if (row.Date is { } date) b.Append("  date: ").Append(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
            Field("date", row.DateText);
            Field("week", row.Week);
            Field("quiz", row.Quiz);
            Field("homework", row.Homework);
            Field("talk", row.Talk);
            Field("project", row.Project);
        }
        if (rows.Count == 0) b.Append("{}\n");
        return b.ToString();
    }
}
