namespace SiteGen.Diagnostics;

/// <summary>One bag for the whole build; stages add to it from any thread. Content problems go here, bugs are exceptions.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];
    private readonly Lock _gate = new();

    public void Add(Diagnostic diagnostic)
    {
        lock (_gate) _items.Add(diagnostic);
    }

    public void Error(string code, string path, int line, int column, string message, string? hint = null) =>
        Add(new Diagnostic(Severity.Error, code, path, line, column, message, hint));

    public void Warning(string code, string path, int line, int column, string message, string? hint = null) =>
        Add(new Diagnostic(Severity.Warning, code, path, line, column, message, hint));

    /// <summary>Sorted by path, line, column, code so output is the same on every run.</summary>
    public IReadOnlyList<Diagnostic> Items
    {
        get
        {
            lock (_gate)
                return _items
                    .OrderBy(d => d.Path, StringComparer.Ordinal)
                    .ThenBy(d => d.Line).ThenBy(d => d.Column)
                    .ThenBy(d => d.Code, StringComparer.Ordinal)
                    .ThenBy(d => d.Message, StringComparer.Ordinal)
                    .ToList();
        }
    }

    public int ErrorCount { get { lock (_gate) return _items.Count(d => d.Severity == Severity.Error); } }
    public int WarningCount { get { lock (_gate) return _items.Count(d => d.Severity == Severity.Warning); } }
}
