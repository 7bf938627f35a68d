using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace SiteGen.Text;

/// <summary>Where and why a YAML text failed to load: 1-based line and column within the text.</summary>
/// <param name="Hint">How to fix it, when the caller's usual hint (about syntax) would not fit; else null.</param>
/// <param name="OverLimit">True when the text may be valid YAML but is nested too deeply or too long to be read.</param>
public sealed record YamlError(int Line, int Column, string Message, string? Hint = null, bool OverLimit = false);

/// <summary>
/// Loads a YAML mapping without ever throwing on content: a syntax error comes back as a <see cref="YamlError"/> with a line.
/// Lists and mappings nested deeper than <see cref="MaxDepth"/> are an error too, found while parsing: YamlDotNet builds
/// its node tree by recursion, and 60,000 nested [ overflowed the stack and killed the process.
/// </summary>
public static class YamlText
{
    /// <summary>Levels of nested lists and mappings read: course files use a few; the stack holds thousands.</summary>
    public const int MaxDepth = 64;

    /// <summary>Hint for <see cref="MaxDepth"/>'s error.</summary>
    public const string TooDeepHint = "Flatten the value (a few levels of lists and mappings are plenty), and close every [ and { that is opened.";

    /// <returns>The root mapping, or null when the text is empty, not a mapping, or invalid (then <paramref name="error"/> says why).</returns>
    public static YamlMappingNode? Load(string text, out YamlError? error) => LoadRoot(text, out error) as YamlMappingNode;

    /// <returns>The root node of the first document, or null when the text is empty or invalid (then <paramref name="error"/> says why).</returns>
    public static YamlNode? LoadRoot(string text, out YamlError? error)
    {
        error = null;
        try
        {
            var stream = new YamlStream();
            stream.Load(new DepthBoundedParser(new Parser(new StringReader(text))));
            return stream.Documents.Count > 0 ? stream.Documents[0].RootNode : null;
        }
        catch (NestingTooDeepException e)
        {
            error = new YamlError((int)e.Start.Line, (int)e.Start.Column,
                $"lists and mappings nest more than {MaxDepth} levels deep here (SiteGen reads at most {MaxDepth})", TooDeepHint, OverLimit: true);
            return null;
        }
        catch (YamlException e)
        {
            // An unclosed [ or { is noticed only at the end of the text; point at the line that opened it.
            var unclosed = GuessUnclosed(text);
            error = unclosed.Line <= (int)e.Start.Line && unclosed.Column > 0 && unclosed.Message != CouldNotRead
                ? unclosed
                : new YamlError((int)e.Start.Line, (int)e.Start.Column, Describe(e));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this (without a position) on some unclosed flow collections, e.g. "tags: [a, b".
            error = GuessUnclosed(text);
            return null;
        }
    }

    /// <summary>YamlDotNet wraps the useful message; the innermost one says what was wrong without the position noise.</summary>
    private static string Describe(YamlException e)
    {
        Exception inner = e;
        while (inner.InnerException is not null) inner = inner.InnerException;
        var message = inner.Message;
        // Messages look like "(Line: 3, Col: 5, Idx: 20) - (Line: ...): While scanning ..."; keep the text after the position.
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return (cut >= 0 ? message[(cut + 3)..] : message).Trim();
    }

    private sealed class NestingTooDeepException(Mark start, Mark end) : YamlException(start, end, "nested too deeply");

    /// <summary>YamlDotNet's parser, stopped at the first list or mapping that opens past <see cref="MaxDepth"/> levels.</summary>
    private sealed class DepthBoundedParser(IParser inner) : IParser
    {
        private int _depth;

        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            if (!inner.MoveNext()) return false;
            switch (inner.Current)
            {
                case MappingStart or SequenceStart when ++_depth > MaxDepth:
                    throw new NestingTooDeepException(inner.Current.Start, inner.Current.End);
                case MappingEnd or SequenceEnd:
                    _depth--;
                    break;
            }
            return true;
        }
    }

    private const string CouldNotRead = "the YAML could not be read";

    private static YamlError GuessUnclosed(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var opens = line.Count(c => c is '[' or '{');
            var closes = line.Count(c => c is ']' or '}');
            if (opens > closes)
                return new YamlError(i + 1, line.IndexOfAny(['[', '{']) + 1, "a [ or { list is not closed on this line");
        }
        return new YamlError(1, 1, CouldNotRead);
    }
}
