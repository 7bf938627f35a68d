using SiteGen.Text;
using YamlDotNet.RepresentationModel;

namespace SiteGen.Content;

/// <summary>What a top-level front-matter value is: text, a list, or anything else (a nested mapping).</summary>
internal enum FrontMatterValueKind { Scalar, Sequence, Other }

/// <summary>One top-level key of a session's front matter, where it was written (1-based, within the YAML) and its value.</summary>
/// <param name="Scalar">The value's text when it is a scalar, else "".</param>
/// <param name="Items">The scalar items of a list (nested lists and mappings left out), else empty.</param>
internal sealed record FrontMatterEntry(string Key, int Line, int Column, FrontMatterValueKind Kind, string Scalar, IReadOnlyList<string> Items);

/// <summary>
/// Reads session front matter into <see cref="FrontMatterEntry"/> values. Front matter as authors write it
/// (<c>key: plain text</c> lines and <c>- item</c> lists) is read directly; anything else (quotes, comments, block
/// scalars, flow lists, continuation lines, duplicate keys, tabs, ...) goes through YamlDotNet, which also reports errors.
/// The direct reader accepts only text whose meaning under YAML is exactly what it reads, so both give the same entries;
/// building YamlDotNet's node tree was a large part of reading a session (BENCHMARKS.md).
/// </summary>
internal static class FrontMatterYaml
{
    /// <returns>The entries in written order; null when the YAML is empty, not a mapping, or invalid (then <paramref name="error"/> says why).</returns>
    public static IReadOnlyList<FrontMatterEntry>? Read(string yaml, out YamlError? error)
    {
        error = null;
        return TryReadSimple(yaml) ?? ReadWithYamlDotNet(yaml, out error);
    }

    internal static IReadOnlyList<FrontMatterEntry>? ReadWithYamlDotNet(string yaml, out YamlError? error)
    {
        var mapping = YamlText.Load(yaml, out error);
        if (mapping is null) return null;
        var entries = new List<FrontMatterEntry>(mapping.Children.Count);
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            var line = (int)keyNode.Start.Line;
            var column = (int)keyNode.Start.Column;
            entries.Add(valueNode switch
            {
                YamlScalarNode scalar => new FrontMatterEntry(key, line, column, FrontMatterValueKind.Scalar, scalar.Value ?? "", []),
                YamlSequenceNode sequence => new FrontMatterEntry(key, line, column, FrontMatterValueKind.Sequence, "",
                    sequence.Children.OfType<YamlScalarNode>().Select(n => n.Value ?? "").ToList()),
                _ => new FrontMatterEntry(key, line, column, FrontMatterValueKind.Other, "", []),
            });
        }
        return entries;
    }

    /// <summary>
    /// Lines of <c>key: value</c> at column 1, <c>key:</c> followed by <c>- item</c> lines of one indentation, and blank lines;
    /// values plain one-line scalars. Null as soon as anything else appears.
    /// </summary>
    internal static IReadOnlyList<FrontMatterEntry>? TryReadSimple(string yaml)
    {
        var entries = new List<FrontMatterEntry>();
        // Front matter has a dozen keys: duplicates are looked for among the entries, a set only for a long one.
        HashSet<string>? keys = null;
        // The key whose value may still turn out to be a list: "tags:" with nothing after the colon.
        string? openKey = null;
        var openLine = 0;
        List<string>? items = null;
        var itemIndent = -1;

        void CloseOpenKey()
        {
            if (openKey is null) return;
            entries.Add(items is null
                ? new FrontMatterEntry(openKey, openLine, 1, FrontMatterValueKind.Scalar, "", [])
                : new FrontMatterEntry(openKey, openLine, 1, FrontMatterValueKind.Sequence, "", items));
            openKey = null;
            items = null;
            itemIndent = -1;
        }

        var lineNumber = 0;
        var start = 0;
        while (start <= yaml.Length)
        {
            var end = yaml.IndexOf('\n', start);
            if (end < 0) end = yaml.Length;
            var line = yaml.AsSpan(start, end - start);
            start = end + 1;
            lineNumber++;

            foreach (var c in line)
                if (!IsPlainChar(c)) return null;
            var content = line.TrimStart(' ');
            if (content.IsEmpty) continue;
            var indent = line.Length - content.Length;

            if (content[0] == '-')
            {
                // An item of the open key's list: "- value", all items at the indentation of the first.
                if (openKey is null || content.Length < 3 || content[1] != ' ') return null;
                if (itemIndent >= 0 && indent != itemIndent) return null;
                var item = content[2..].Trim(' ');
                if (!IsSimplePlainScalar(item)) return null;
                itemIndent = indent;
                (items ??= []).Add(item.ToString());
                continue;
            }

            if (indent > 0) return null;
            CloseOpenKey();
            var colon = content.IndexOf(':');
            if (colon <= 0 || !IsSimpleKey(content[..colon])) return null;
            var key = KnownKeys.TryGetValue(content[..colon], out var known) ? known : content[..colon].ToString();
            if (!IsNewKey(key, entries, ref keys)) return null;
            var rest = content[(colon + 1)..];
            if (rest.IsEmpty || rest.Trim(' ').IsEmpty)
            {
                openKey = key;
                openLine = lineNumber;
                continue;
            }
            if (rest[0] != ' ') return null;
            var value = rest.Trim(' ');
            if (!IsSimplePlainScalar(value)) return null;
            entries.Add(new FrontMatterEntry(key, lineNumber, 1, FrontMatterValueKind.Scalar, value.ToString(), []));
        }
        CloseOpenKey();
        return entries.Count == 0 ? null : entries;
    }

    /// <summary>The known keys' strings, so a front matter's keys are not copied out of it.</summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> KnownKeys =
        new HashSet<string>(ReadSessions.KnownKeys, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True when no entry so far has <paramref name="key"/> (every key before it is in <paramref name="entries"/>).</summary>
    private static bool IsNewKey(string key, List<FrontMatterEntry> entries, ref HashSet<string>? keys)
    {
        if (keys is null && entries.Count < 16)
        {
            foreach (var entry in entries)
                if (string.Equals(entry.Key, key, StringComparison.Ordinal)) return false;
            return true;
        }
        keys ??= new HashSet<string>(entries.Select(entry => entry.Key), StringComparer.Ordinal);
        return keys.Add(key);
    }

    /// <summary>Printable, no tab, nothing YAML treats as a line break or byte-order mark.</summary>
    private static bool IsPlainChar(char c) =>
        c >= ' ' && c != '\u007F' && !(c >= '\u0080' && c <= '\u009F') && c is not ('\u2028' or '\u2029' or '\uFEFF' or '\uFFFE' or '\uFFFF')
        && !char.IsSurrogate(c);

    private static bool IsSimpleKey(ReadOnlySpan<char> key)
    {
        if (key.Length > 100 || !char.IsAsciiLetter(key[0])) return false;
        foreach (var c in key)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-')) return false;
        return true;
    }

    /// <summary>
    /// A one-line plain scalar that YAML reads as exactly these characters: no indicator first, no ": " or " #" inside,
    /// no ':' last. Quoted, flow, block, anchored and tagged values are left to YamlDotNet.
    /// </summary>
    private static bool IsSimplePlainScalar(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty) return false;
        if (value[0] is '-' or '?' or ':' or ',' or '[' or ']' or '{' or '}' or '#' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`')
            return false;
        if (value[^1] == ':') return false;
        return !value.Contains(": ", StringComparison.Ordinal) && !value.Contains(" #", StringComparison.Ordinal);
    }
}
