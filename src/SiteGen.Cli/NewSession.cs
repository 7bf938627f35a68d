using System.Globalization;
using SiteGen.Content;
using SiteGen.Text;

namespace SiteGen.Cli;

/// <summary>`sitegen new session "Title"`: a session file with the next LOrder and the usual front matter.</summary>
internal static class NewSession
{
    public static string Write(string contentDir, string title)
    {
        var folder = Path.Combine(contentDir, ReadSessions.Folder);
        Directory.CreateDirectory(folder);
        var existing = Directory.GetFiles(folder, "*.md");
        var nextOrder = existing.Select(ReadOrder).DefaultIfEmpty(0).Max() + 1;
        var name = $"S{nextOrder:00}-{Slug.Of(title)}";
        var path = Path.Combine(folder, name + ".md");
        var n = 2;
        while (File.Exists(path)) path = Path.Combine(folder, $"{name}-{n++}.md");
        File.WriteAllText(path, string.Create(CultureInfo.InvariantCulture, $"""
            ---
            layout: post
            title: {title.Replace("\n", " ")}
            lecture: 
            lectureVersion: next
            extraContent: 
            notes: 
            video: 
            tags:
            - 
            categories:
            - 
            LOrder: {nextOrder}
            ---

            In this session, our readings cover:

            ## Required Readings:

            #### Paper title
            + [URL](https://arxiv.org/abs/0000.00000)
            + Author One, Author Two
            + Abstract text.

            ## More Readings:

            """));
        return path;
    }

    private static int ReadOrder(string file)
    {
        foreach (var line in File.ReadLines(file).Take(40))
            if (line.StartsWith("LOrder:", StringComparison.Ordinal) && int.TryParse(line[7..].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var order))
                return order;
        return 0;
    }
}
