namespace SiteGen.Diagnostics;

public enum Severity { Warning, Error }

/// <summary>A content problem, printed as <c>path(line,col): error SGnnnn: message</c> so editors and CI make it clickable.</summary>
/// <param name="Path">Relative to the content folder's parent (e.g. <c>content/sessions/W01.md</c>).</param>
public sealed record Diagnostic(Severity Severity, string Code, string Path, int Line, int Column, string Message, string? Hint = null)
{
    public override string ToString()
    {
        var severity = Severity == Severity.Error ? "error" : "warning";
        var hint = string.IsNullOrEmpty(Hint) ? "" : $" Hint: {Hint}";
        return $"{Path}({Line},{Column}): {severity} {Code}: {Message}{hint}";
    }
}
