using System.Globalization;
using System.Security;
using System.Text;
using SiteGen.Model;

namespace SiteGen.Output;

/// <summary>sitemap.xml, atom.xml and calendar.ics. No build timestamps: the same input gives the same bytes.</summary>
public static class Feeds
{
    public static string Sitemap(SiteConfig config, IEnumerable<string> pageUrls)
    {
        var sb = new StringBuilder();
        sb.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        foreach (var url in pageUrls.Order(StringComparer.Ordinal))
            sb.Append("  <url><loc>").Append(SecurityElement.Escape(config.SiteUrl + url)).Append("</loc></url>\n");
        sb.Append("</urlset>\n");
        return sb.ToString();
    }

    public static string Atom(SiteConfig config, SiteModel model)
    {
        var dated = model.Sessions.Where(s => !s.IsSection).ToList();
        var latest = dated.Select(s => s.DateIso).Where(d => d is not null).Max(StringComparer.Ordinal) ?? "1970-01-01";
        var sb = new StringBuilder();
        sb.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
        sb.Append("  <title>").Append(SecurityElement.Escape(config.Title)).Append("</title>\n");
        sb.Append("  <id>").Append(SecurityElement.Escape(config.SiteUrl + config.BaseUrl)).Append("</id>\n");
        sb.Append("  <link href=\"").Append(SecurityElement.Escape(config.SiteUrl + config.BaseUrl)).Append("\"/>\n");
        sb.Append("  <link rel=\"self\" href=\"").Append(SecurityElement.Escape(config.SiteUrl + config.BaseUrl + "atom.xml")).Append("\"/>\n");
        sb.Append("  <updated>").Append(latest).Append("T00:00:00Z</updated>\n");
        sb.Append("  <author><name>").Append(SecurityElement.Escape(config.Author.Length > 0 ? config.Author : config.Title)).Append("</name></author>\n");
        foreach (var s in dated)
        {
            sb.Append("  <entry>\n    <title>").Append(SecurityElement.Escape(s.Title)).Append("</title>\n");
            sb.Append("    <id>").Append(SecurityElement.Escape(config.SiteUrl + s.Url)).Append("</id>\n");
            sb.Append("    <link href=\"").Append(SecurityElement.Escape(config.SiteUrl + s.Url)).Append("\"/>\n");
            sb.Append("    <updated>").Append(s.DateIso ?? latest).Append("T00:00:00Z</updated>\n");
            var summary = s.Readings.Count > 0 ? "Readings: " + string.Join("; ", s.Readings.Select(r => r.Title)) : s.Title;
            sb.Append("    <summary>").Append(SecurityElement.Escape(summary)).Append("</summary>\n  </entry>\n");
        }
        sb.Append("</feed>\n");
        return sb.ToString();
    }

    /// <summary>All-day events (DATE values, no time zone) so a session never moves to another day in another zone.</summary>
    public static string Calendar(SiteConfig config, SiteModel model)
    {
        var sb = new StringBuilder();
        void Line(string text) => sb.Append(Fold(text)).Append("\r\n");
        Line("BEGIN:VCALENDAR");
        Line("VERSION:2.0");
        Line("PRODID:-//SiteGen//Course calendar//EN");
        Line("CALSCALE:GREGORIAN");
        Line("X-WR-CALNAME:" + Text(config.Title));
        foreach (var s in model.Sessions.Where(s => s.DateIso is not null))
        {
            var day = DateOnly.ParseExact(s.DateIso!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            Line("BEGIN:VEVENT");
            Line($"UID:{s.Name}@{(config.SiteUrl.Length > 0 ? new Uri(config.SiteUrl).Host : "sitegen")}");
            Line("DTSTAMP:" + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "T000000Z");
            Line("DTSTART;VALUE=DATE:" + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
            Line("DTEND;VALUE=DATE:" + day.AddDays(1).ToString("yyyyMMdd", CultureInfo.InvariantCulture));
            Line("SUMMARY:" + Text(s.Title));
            Line("URL:" + config.SiteUrl + s.Url);
            Line("END:VEVENT");
        }
        Line("END:VCALENDAR");
        return sb.ToString();
    }

    private static string Text(string value) =>
        value.Replace("\\", "\\\\").Replace(";", "\\;").Replace(",", "\\,").Replace("\n", "\\n");

    /// <summary>RFC 5545: lines longer than 75 octets continue on the next line after a space.</summary>
    private static string Fold(string line)
    {
        if (Encoding.UTF8.GetByteCount(line) <= 75) return line;
        var sb = new StringBuilder();
        var count = 0;
        foreach (var c in line)
        {
            var size = Encoding.UTF8.GetByteCount([c]);
            if (count + size > 75) { sb.Append("\r\n "); count = 1; }
            sb.Append(c);
            count += size;
        }
        return sb.ToString();
    }
}
