using System.Globalization;
using SiteGen.Model;

namespace SiteGen.Site;

/// <summary>
/// A session's row in the schedule: its date (shown and ISO), week of term, row kind, whether "we are here" goes before
/// it, and its entry in the schedule file (week label, quiz, homework, talk, project), if any.
/// </summary>
internal readonly record struct ScheduleRow(string? Date, string? DateIso, int? Week, string Kind, bool WeAreHere, ScheduleEntry? Entry);

/// <summary>
/// The schedule's reading of the sessions, in their order: the date in the schedule file, else the session's own date,
/// else the next meeting day after the previous dated session (when site.yml gives term_start and meeting_days); the
/// week counted from term_start unless the schedule file labels it; the row kind for styling; and the "we are here" marker.
/// </summary>
internal sealed class Schedule
{
    private readonly Dictionary<string, DateOnly> _dates;
    private readonly int _marker;
    private readonly DateOnly? _termStart;
    private readonly IReadOnlyDictionary<string, ScheduleEntry> _entries;

    private Schedule(Dictionary<string, DateOnly> dates, int marker, DateOnly? termStart, IReadOnlyDictionary<string, ScheduleEntry> entries) =>
        (_dates, _marker, _termStart, _entries) = (dates, marker, termStart, entries);

    public static Schedule Of(SiteConfig config, IReadOnlyList<Session> sessions) => new(Dates(config, sessions), WeAreHereIndex(sessions), config.TermStart, config.Schedule);

    /// <param name="index">The session's place in the schedule order.</param>
    public ScheduleRow Row(Session s, int index)
    {
        DateOnly? date = _dates.TryGetValue(s.Name, out var d) ? d : null;
        var entry = _entries.GetValueOrDefault(s.Name);
        return new ScheduleRow(
            date?.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture) ?? entry?.DateText,
            date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            entry?.Week is null && date is { } day && _termStart is { } start ? (day.DayNumber - start.DayNumber) / 7 + 1 : null,
            Kind(s),
            index == _marker,
            entry);
    }

    /// <summary>Row kind for styling: section, exam, platform, background, extra or session.</summary>
    public static string Kind(Session s) => s switch
    {
        { IsSection: true } => "section",
        { IsExam: true } => "exam",
        { IsPlatform: true } => "platform",
        { IsBackground: true } => "background",
        { IsExtra: true } => "extra",
        _ when s.Title.StartsWith("Platform", StringComparison.OrdinalIgnoreCase) => "platform",
        _ when s.Title.StartsWith("Extra", StringComparison.OrdinalIgnoreCase) => "extra",
        _ => "session",
    };

    /// <summary>The marker goes before the first session whose lectureVersion is not "current", once some earlier session is current.</summary>
    private static int WeAreHereIndex(IReadOnlyList<Session> sessions)
    {
        var seenCurrent = false;
        for (var i = 0; i < sessions.Count; i++)
        {
            if (sessions[i].IsSection) continue;
            if (string.Equals(sessions[i].LectureVersion, "current", StringComparison.Ordinal)) seenCurrent = true;
            else if (seenCurrent) return i;
        }
        return -1;
    }

    /// <summary>
    /// The schedule file's date, else the session's own date, else the next meeting day after the previous dated session
    /// when site.yml gives term_start and meeting_days.
    /// </summary>
    private static Dictionary<string, DateOnly> Dates(SiteConfig config, IReadOnlyList<Session> sessions)
    {
        var dates = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        DateOnly? cursor = config.TermStart?.AddDays(-1);
        foreach (var s in sessions)
        {
            var entry = config.Schedule.GetValueOrDefault(s.Name);
            if ((entry?.Date ?? s.Date) is { } own) { dates[s.Name] = own; cursor = own; continue; }
            // A row the schedule file gives other date text for ("1202-11") keeps that text and no computed date.
            if (entry?.DateText is not null) continue;
            if (s.IsSection || cursor is null || config.MeetingDays.Count == 0) continue;
            var next = cursor.Value.AddDays(1);
            while (!config.MeetingDays.Contains(next.DayOfWeek)) next = next.AddDays(1);
            dates[s.Name] = next;
            cursor = next;
        }
        return dates;
    }
}
