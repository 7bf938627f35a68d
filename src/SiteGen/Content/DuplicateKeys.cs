namespace SiteGen.Content;

/// <summary>A top-level front-matter key written again further down: <paramref name="Line"/> is the earlier one (1-based, within the YAML).</summary>
internal sealed record DuplicateKey(string Key, int Line, int LaterLine);

/// <summary>
/// Top-level keys written twice in front matter. YAML forbids them and YamlDotNet rejects the whole mapping, but Jekyll
/// (Ruby's parser) keeps the last value, and real sessions have them (<c>lectureVersion</c> twice): the earlier
/// occurrences are blanked out, line for line, so the parser sees the last value and every line number stays.
/// </summary>
internal static class DuplicateKeys
{
    public static IReadOnlyList<DuplicateKey> Find(string yaml)
    {
        var keys = TopLevelKeys(yaml);
        var next = NextOccurrence(keys);
        var found = new List<DuplicateKey>();
        for (var i = 0; i < keys.Count; i++)
            if (next[i] >= 0) found.Add(new DuplicateKey(keys[i].Key, keys[i].Line, keys[next[i]].Line));
        return found;
    }

    /// <summary>The YAML with every earlier occurrence of a repeated key (its line and the indented or list lines under it) made blank.</summary>
    public static string KeepLast(string yaml)
    {
        var keys = TopLevelKeys(yaml);
        var next = NextOccurrence(keys);
        if (next.All(n => n < 0)) return yaml;
        var lines = yaml.Split('\n');
        for (var i = 0; i < keys.Count; i++)
        {
            if (next[i] < 0) continue;
            var end = i + 1 < keys.Count ? keys[i + 1].Line - 1 : lines.Length;
            for (var line = keys[i].Line; line <= end; line++)
                // Lines after the key that are part of its value: indented, list items, or blank.
                if (line == keys[i].Line || lines[line - 1].Length == 0 || lines[line - 1][0] is ' ' or '\t' or '-')
                    lines[line - 1] = "";
                else break;
        }
        return string.Join('\n', lines);
    }

    /// <summary>For each key, the index of the next key with its name, or -1: one pass, so a front matter of many keys stays linear.</summary>
    private static int[] NextOccurrence(List<(string Key, int Line)> keys)
    {
        var next = new int[keys.Count];
        var later = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = keys.Count - 1; i >= 0; i--)
        {
            next[i] = later.TryGetValue(keys[i].Key, out var j) ? j : -1;
            later[keys[i].Key] = i;
        }
        return next;
    }

    /// <summary>Keys at column 1 ("key:" then space or end of line), with their 1-based lines; comments and other lines are skipped.</summary>
    private static List<(string Key, int Line)> TopLevelKeys(string yaml)
    {
        var keys = new List<(string, int)>();
        var number = 0;
        foreach (var line in yaml.Split('\n'))
        {
            number++;
            if (line.Length == 0 || !(char.IsAsciiLetter(line[0]) || line[0] == '_')) continue;
            var colon = line.IndexOf(':');
            if (colon <= 0 || (colon + 1 < line.Length && line[colon + 1] is not (' ' or '\t' or '\r'))) continue;
            var key = line[..colon];
            if (key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')) keys.Add((key, number));
        }
        return keys;
    }
}
