namespace SiteGen.Model;

/// <summary>
/// HTML the templates write as it is: the instructor's front-matter HTML and rendered Markdown. Every other value a
/// template writes is HTML-escaped, so a view says by a field's type, not its name, what may reach a page unescaped.
/// </summary>
public readonly record struct TrustedHtml(string Value)
{
    public static readonly TrustedHtml Empty = new("");

    public bool IsEmpty => string.IsNullOrEmpty(Value);

    public static implicit operator TrustedHtml(string? html) => new(html ?? "");

    public static implicit operator string(TrustedHtml html) => html.Value ?? "";

    public override string ToString() => Value ?? "";
}
