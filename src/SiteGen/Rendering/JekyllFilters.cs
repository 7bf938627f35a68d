using System.Collections;
using System.Globalization;
using System.Text.Json;
using Markdig;
using Scriban;
using Scriban.Runtime;
using SiteGen.Model;

namespace SiteGen.Rendering;

/// <summary>
/// Jekyll's everyday filters, for templates in either syntax (`{{ "/x" | relative_url }}`, `{% assign g = site_sessions | group_by: "kind" %}`).
/// Names are the renamer's (RelativeUrl -> relative_url). Each returns plain text, which the page escapes, except
/// markdownify and raw, which return trusted HTML. docs/templates.md lists them with examples.
/// </summary>
public static class JekyllFilters
{
    // Markdown a template asks for may be scraped text: raw HTML in it is written as text, never passed through.
    private static readonly MarkdownPipeline SafeMarkdown = new MarkdownPipelineBuilder().UsePipeTables().UseAutoLinks().UseEmphasisExtras().DisableHtml().Build();

    public static string RelativeUrl(TemplateContext context, object? url)
    {
        var path = Text(context, url);
        if (path.Contains("://", StringComparison.Ordinal)) return path;
        var baseUrl = SiteOf(context).BaseUrl;
        // The views' URLs already start with the base URL (page.url, s.url): they are kept, not prefixed twice.
        if (baseUrl.Length > 1 && path.StartsWith(baseUrl, StringComparison.Ordinal)) return path;
        return baseUrl + path.TrimStart('/');
    }

    public static string AbsoluteUrl(TemplateContext context, object? url)
    {
        var path = Text(context, url);
        if (path.Contains("://", StringComparison.Ordinal)) return path;
        return SiteOf(context).SiteUrl.TrimEnd('/') + RelativeUrl(context, path);
    }

    public static TrustedHtml Markdownify(TemplateContext context, object? text) =>
        text is TrustedHtml html ? html : Markdig.Markdown.ToHtml(Text(context, text), SafeMarkdown);

    /// <summary>An explicit choice to write the text as HTML (`{{ x | raw }}`): the only way a template unescapes a value.</summary>
    public static TrustedHtml Raw(TemplateContext context, object? text) => Text(context, text);

    public static string DateToXmlschema(TemplateContext context, object? date) =>
        DateOf(context, date) is { } d ? d.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture) : "";

    public static string DateToString(TemplateContext context, object? date) =>
        DateOf(context, date) is { } d ? d.ToString("dd MMM yyyy", CultureInfo.InvariantCulture) : "";

    public static string DateToLongString(TemplateContext context, object? date) =>
        DateOf(context, date) is { } d ? d.ToString("dd MMMM yyyy", CultureInfo.InvariantCulture) : "";

    /// <summary>Jekyll's date filter: strftime formats (`%Y-%m-%d`, `%b %-d, %Y`, ...).</summary>
    public static string Date(TemplateContext context, object? date, string format = "%Y-%m-%d") =>
        DateOf(context, date) is { } d ? Strftime(d, format) : Text(context, date);

    public static IEnumerable Where(TemplateContext context, object? items, string key, object? value)
    {
        var wanted = Text(context, value);
        var found = new ScriptArray();
        foreach (var item in ItemsOf(items))
            if (string.Equals(Text(context, MemberOf(context, item, key)), wanted, StringComparison.Ordinal)) found.Add(item);
        return found;
    }

    /// <summary>Items in order of a member (or of themselves), ordinal for text; null and missing values last.</summary>
    public static IEnumerable Sort(TemplateContext context, object? items, string? key = null)
    {
        var list = ItemsOf(items).Select(item => (Item: item, Key: key is null ? item : MemberOf(context, item, key))).ToList();
        var sorted = list.OrderBy(e => e.Key is null ? 1 : 0).ThenBy(e => e.Key, Comparer<object?>.Create((a, b) => Compare(context, a, b)));
        var result = new ScriptArray();
        foreach (var (item, _) in sorted) result.Add(item);
        return result;
    }

    /// <summary>Groups as Jekyll makes them: each has name, items and size, in order of first appearance.</summary>
    public static IEnumerable GroupBy(TemplateContext context, object? items, string key)
    {
        var groups = new ScriptArray();
        var byName = new Dictionary<string, ScriptArray>(StringComparer.Ordinal);
        foreach (var item in ItemsOf(items))
        {
            var name = Text(context, MemberOf(context, item, key));
            if (!byName.TryGetValue(name, out var members))
            {
                byName[name] = members = [];
                groups.Add(new ScriptObject { ["name"] = name, ["items"] = members });
            }
            members.Add(item);
        }
        foreach (var group in groups.OfType<ScriptObject>()) group["size"] = group["items"] is ScriptArray members ? members.Count : 0;
        return groups;
    }

    public static string Jsonify(TemplateContext context, object? value) => JsonSerializer.Serialize(Plain(context, value, 0));

    public static string Slugify(TemplateContext context, object? text) => SiteGen.Text.Slug.Of(Text(context, text));

    /// <summary>Escapes for XML; the page escapes the result again only where it writes it into HTML (it is plain text).</summary>
    public static string XmlEscape(TemplateContext context, object? text) => System.Security.SecurityElement.Escape(Text(context, text)) ?? "";

    private static SiteView SiteOf(TemplateContext context) =>
        context is PageTemplateContext { Site: { } site } ? site : new SiteView("", "", "/", "", []);

    private static string Text(TemplateContext context, object? value) => value switch
    {
        null => "",
        string s => s,
        TrustedHtml h => h.Value ?? "",
        _ => context.ObjectToString(value) ?? "",
    };

    private static IEnumerable<object?> ItemsOf(object? items) => items switch
    {
        null or string => [],
        ScriptObject o => o.Values.Cast<object?>(),
        IEnumerable e => e.Cast<object?>(),
        _ => [items],
    };

    private static object? MemberOf(TemplateContext context, object? item, string key)
    {
        if (item is null) return null;
        object? current = item;
        foreach (var part in key.Split('.'))
        {
            if (current is null) return null;
            var accessor = context.GetMemberAccessor(current);
            if (!accessor.TryGetValue(context, default, current, part, out var next)) return null;
            current = next;
        }
        return current;
    }

    private static int Compare(TemplateContext context, object? a, object? b) => (a, b) switch
    {
        (IComparable x, _) when b is not null && x.GetType() == b.GetType() && a is not string => x.CompareTo(b),
        _ => StringComparer.Ordinal.Compare(Text(context, a), Text(context, b)),
    };

    private static object? Plain(TemplateContext context, object? value, int depth)
    {
        if (depth > 16) return null;
        switch (value)
        {
            case null or string or bool or int or long or double or decimal: return value;
            case TrustedHtml h: return h.Value;
            case ScriptObject o: return o.ToDictionary(p => p.Key, p => Plain(context, p.Value, depth + 1), StringComparer.Ordinal);
            case IEnumerable e: return e.Cast<object?>().Select(v => Plain(context, v, depth + 1)).ToList();
        }
        var accessor = context.GetMemberAccessor(value);
        var result = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var name in accessor.GetMembers(context, default, value))
            if (accessor.TryGetValue(context, default, value, name, out var member)) result[name] = Plain(context, member, depth + 1);
        return result;
    }

    private static DateTimeOffset? DateOf(TemplateContext context, object? value) => value switch
    {
        DateTimeOffset d => d,
        DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)),
        DateOnly d => new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
        _ when Text(context, value) is { Length: > 0 } text
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) => parsed,
        _ => null,
    };

    private static string Strftime(DateTimeOffset date, string format)
    {
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '%' || i + 1 == format.Length)
            {
                text.Append(format[i]);
                continue;
            }
            var noPad = format[i + 1] == '-' && i + 2 < format.Length;
            var code = format[noPad ? i + 2 : i + 1];
            i += noPad ? 2 : 1;
            string Pad(int n) => noPad ? n.ToString(CultureInfo.InvariantCulture) : n.ToString("00", CultureInfo.InvariantCulture);
            text.Append(code switch
            {
                'Y' => date.Year.ToString(CultureInfo.InvariantCulture),
                'y' => Pad(date.Year % 100),
                'm' => Pad(date.Month),
                'd' => Pad(date.Day),
                'e' => date.Day.ToString(CultureInfo.InvariantCulture),
                'H' => Pad(date.Hour),
                'M' => Pad(date.Minute),
                'S' => Pad(date.Second),
                'b' => date.ToString("MMM", CultureInfo.InvariantCulture),
                'B' => date.ToString("MMMM", CultureInfo.InvariantCulture),
                'a' => date.ToString("ddd", CultureInfo.InvariantCulture),
                'A' => date.ToString("dddd", CultureInfo.InvariantCulture),
                'j' => date.DayOfYear.ToString("000", CultureInfo.InvariantCulture),
                '%' => "%",
                _ => "%" + (noPad ? "-" : "") + code,
            });
        }
        return text.ToString();
    }
}
