using System.Globalization;
using System.Text;
using System.Xml;
using SiteGen.Model;
using SiteGen.Text;

namespace SiteGen.Output;

/// <summary>sitemap.xml, atom.xml and calendar.ics. No build timestamps: the same input gives the same bytes.</summary>
public static class Feeds
{
    // Through XmlWriter, which escapes and refuses what XML cannot hold; text is cleaned of that first (scraped titles
    // carry control characters).
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(false), Indent = true, IndentChars = "  ", NewLineChars = "\n", NewLineHandling = NewLineHandling.Entitize,
    };

    private static string Xml(Action<XmlWriter> write)
    {
        var sb = new StringBuilder();
        using (var w = XmlWriter.Create(new Utf8StringWriter(sb), Settings)) write(w);
        return sb.Append('\n').ToString();
    }

    private sealed class Utf8StringWriter(StringBuilder sb) : StringWriter(sb, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => Encoding.UTF8;
    }

    public static string Sitemap(SiteConfig config, IEnumerable<string> pageUrls) => Xml(w =>
    {
        const string Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        w.WriteStartElement("urlset", Ns);
        foreach (var url in pageUrls.Order(StringComparer.Ordinal))
        {
            w.WriteStartElement("url", Ns);
            w.WriteElementString("loc", Ns, XmlSafe.Clean(config.SiteUrl + url));
            w.WriteEndElement();
        }
        w.WriteEndElement();
    });

    public static string Atom(SiteConfig config, SiteModel model) => Xml(w =>
    {
        const string Ns = "http://www.w3.org/2005/Atom";
        var dated = model.Sessions.Where(s => !s.IsSection).ToList();
        var latest = dated.Select(s => s.DateIso).Where(d => d is not null).Max(StringComparer.Ordinal) ?? "1970-01-01";
        void Link(string href, string? rel = null)
        {
            w.WriteStartElement("link", Ns);
            if (rel is not null) w.WriteAttributeString("rel", rel);
            w.WriteAttributeString("href", XmlSafe.Clean(href));
            w.WriteEndElement();
        }
        w.WriteStartElement("feed", Ns);
        w.WriteElementString("title", Ns, XmlSafe.Clean(config.Title));
        w.WriteElementString("id", Ns, XmlSafe.Clean(config.SiteUrl + config.BaseUrl));
        Link(config.SiteUrl + config.BaseUrl);
        Link(config.SiteUrl + config.BaseUrl + "atom.xml", "self");
        w.WriteElementString("updated", Ns, latest + "T00:00:00Z");
        w.WriteStartElement("author", Ns);
        w.WriteElementString("name", Ns, XmlSafe.Clean(config.Author.Length > 0 ? config.Author : config.Title));
        w.WriteEndElement();
        foreach (var s in dated)
        {
            w.WriteStartElement("entry", Ns);
            w.WriteElementString("title", Ns, XmlSafe.Clean(s.Title));
            w.WriteElementString("id", Ns, XmlSafe.Clean(config.SiteUrl + s.Url));
            Link(config.SiteUrl + s.Url);
            w.WriteElementString("updated", Ns, (s.DateIso ?? latest) + "T00:00:00Z");
            var summary = s.Readings.Count > 0 ? "Readings: " + string.Join("; ", s.Readings.Select(r => r.Title)) : s.Title;
            w.WriteElementString("summary", Ns, XmlSafe.Clean(summary));
            w.WriteEndElement();
        }
        w.WriteEndElement();
    });

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
            Line($"UID:{Text(s.Name)}@{(config.SiteUrl.Length > 0 ? new Uri(config.SiteUrl).Host : "sitegen")}");
            Line("DTSTAMP:" + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "T000000Z");
            Line("DTSTART;VALUE=DATE:" + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
            Line("DTEND;VALUE=DATE:" + day.AddDays(1).ToString("yyyyMMdd", CultureInfo.InvariantCulture));
            Line("SUMMARY:" + Text(s.Title));
            Line("URL:" + XmlSafe.Clean(config.SiteUrl + s.Url).Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal));
            Line("END:VEVENT");
        }
        Line("END:VCALENDAR");
        return sb.ToString();
    }

    /// <summary>RFC 5545 TEXT: backslash, ';' and ',' escaped, every line break (CR, LF, CRLF) as \\n, other control characters dropped.</summary>
    private static string Text(string value)
    {
        var text = XmlSafe.Clean(value).Replace("\r\n", "\n").Replace('\r', '\n');
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
            sb.Append(c switch { '\\' => "\\\\", ';' => "\\;", ',' => "\\,", '\n' => "\\n", '\t' => " ", _ => c.ToString() });
        return sb.ToString();
    }

    /// <summary>RFC 5545: lines longer than 75 octets continue on the next line after a space, split between characters (never inside one).</summary>
    private static string Fold(string line)
    {
        if (Encoding.UTF8.GetByteCount(line) <= 75) return line;
        var sb = new StringBuilder();
        var count = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (count + size > 75) { sb.Append("\r\n "); count = 1; }
            sb.Append(rune.ToString());
            count += size;
        }
        return sb.ToString();
    }
}
