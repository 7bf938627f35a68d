using System.Collections;
using System.Collections.Concurrent;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;
using SiteGen.Model;

namespace SiteGen.Rendering;

/// <summary>
/// The Scriban context one page is rendered in: every value an output tag writes is HTML-escaped unless it is
/// <see cref="TrustedHtml"/>; truthiness is the templates' (an empty string, 0, an empty list and empty trusted HTML are
/// false, so an empty row stays hidden); numbers and dates are written in the invariant culture.
/// </summary>
internal sealed class PageTemplateContext : TemplateContext
{
    // Accessors only read the members of a type (found once by reflection): one set for the process, not one per page.
    private static readonly ConcurrentDictionary<Type, IObjectAccessor> Accessors = new();

    /// <summary>The site being rendered, for the URL filters.</summary>
    public SiteView? Site { get; private set; }

    /// <summary>Loop iterations this page may run in all its loops together (0: no limit); a course template's endless loop stops here.</summary>
    public long StepBudget { get; init; }

    private long _steps;

    public PageTemplateContext(ScriptObject builtins) : base(builtins)
    {
        MemberRenamer = TemplateNames.Of;
    }

    /// <summary>
    /// Makes the context ready for the next page as a new one would be: Scriban's Reset clears what a page left (outputs,
    /// globals, cultures, cycle and random state, includes and accessors); then the culture, the parsed includes, the
    /// site, the deadline and the loop count are set. Settings stay.
    /// </summary>
    public void StartPage(IEnumerable<KeyValuePair<string, TemplateFile>> partials, SiteView? site, CancellationToken cancellation)
    {
        Reset();
        PushCulture(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (name, partial) in partials) CachedTemplates[name] = partial.Template;
        Site = site;
        CancellationToken = cancellation;
        _steps = 0;
    }

    public override TemplateContext Write(SourceSpan span, object? value)
    {
        switch (value)
        {
            case null:
                return this;
            case TrustedHtml html:
                return Write(html.Value ?? "");
            case string text:
                return WriteEscaped(text);
            default:
                return WriteEscaped(ObjectToString(value));
        }
    }

    private TemplateContext WriteEscaped(string text)
    {
        var at = 0;
        while (at < text.Length)
        {
            var next = HtmlEscape.IndexOfEscaped(text.AsSpan(at));
            if (next < 0)
            {
                Write(text, at, text.Length - at);
                break;
            }
            if (next > 0) Write(text, at, next);
            Write(HtmlEscape.EntityOf(text[at + next]));
            at += next + 1;
        }
        return this;
    }

    // Counted over the whole page, not per loop as LoopLimit is: two nested loops of a million each stop as soon as one would.
    protected override bool OnStepLoop(ScriptLoopStatementBase loop)
    {
        if (StepBudget > 0 && ++_steps > StepBudget)
            throw new ScriptRuntimeException(loop.Span, $"The page ran more than {StepBudget:N0} loop iterations and was stopped (an endless loop?).");
        return base.OnStepLoop(loop);
    }

    public override bool ToBool(SourceSpan span, object? value) => value switch
    {
        null => false,
        bool b => b,
        string s => s.Length > 0,
        TrustedHtml html => !html.IsEmpty,
        int i => i != 0,
        long l => l != 0,
        double d => d != 0,
        ICollection c => c.Count > 0,
        IEnumerable e when value is not ScriptObject => e.GetEnumerator().MoveNext(),
        _ => base.ToBool(span, value),
    };

    public override string ObjectToString(object? value, bool nested = false) =>
        value is TrustedHtml html ? html.Value ?? "" : base.ObjectToString(value, nested) ?? "";

    // Scriban forgets its accessors at every Reset (every page): the lookup by type comes first, before any type test,
    // for every kind of target. Scriban's accessors hold nothing but the type's members under this context's renamer,
    // which every context of the set shares.
    protected override IObjectAccessor GetMemberAccessorImpl(object target)
    {
        var type = target.GetType();
        return Accessors.TryGetValue(type, out var accessor) ? accessor : Accessors.GetOrAdd(type, base.GetMemberAccessorImpl(target)!);
    }
}

/// <summary>How .NET names read in templates: snake_case (ReadingCount -> reading_count), except Jekyll's own names (site.baseurl).</summary>
public static class TemplateNames
{
    public static string Of(System.Reflection.MemberInfo member) => member.Name switch
    {
        "BaseUrl" => "baseurl",
        "SiteUrl" => "url",
        _ => StandardMemberRenamer.Default(member),
    };
}
