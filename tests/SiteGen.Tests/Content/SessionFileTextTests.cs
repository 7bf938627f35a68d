using System.Text;
using SiteGen.Content;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Content;

/// <summary>Session files are read from bytes; the text must be what File.ReadAllText gives for every encoding it detects.</summary>
public class SessionFileTextTests
{
    public static TheoryData<string, byte[]> Files() => new()
    {
        { "plain UTF-8", Encoding.UTF8.GetBytes("---\ntitle: Ünïcödé — x\n---\nbody\n") },
        { "UTF-8 with BOM", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("---\r\ntitle: x\r\n---\r\n")] },
        { "invalid UTF-8", [.. Encoding.UTF8.GetBytes("a"), 0xC3, 0x28, 0xFF, .. Encoding.UTF8.GetBytes("b"), 0xE2, 0x82] },
        { "UTF-16 LE with BOM", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("title: x\n")] },
        { "UTF-16 BE with BOM", [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes("title: x\n")] },
        { "UTF-32 LE with BOM", [0xFF, 0xFE, 0x00, 0x00, .. new UTF32Encoding(false, false).GetBytes("title: x\n")] },
        { "only a BOM", [0xEF, 0xBB, 0xBF] },
        { "empty", [] },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Text_is_what_File_ReadAllText_gives(string name, byte[] bytes)
    {
        using var dir = new TempDir();
        var path = dir.Combine(name + ".md");
        File.WriteAllBytes(path, bytes);
        Assert.Equal(File.ReadAllText(path), ReadSessions.ReadText(path));
    }

    /// <summary>Front matter shapes, for the split made from bytes: fences, line ends, invalid bytes next to a fence.</summary>
    public static TheoryData<string, byte[]> SplitFiles()
    {
        var data = new TheoryData<string, byte[]>();
        foreach (var row in Files()) data.Add((string)row[0], (byte[])row[1]);
        static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
        data.Add("closed", Utf8("---\ntitle: x\n---\nbody\nmore\n"));
        data.Add("closed, no body", Utf8("---\ntitle: x\n---"));
        data.Add("closed, empty body", Utf8("---\ntitle: x\n---\n"));
        data.Add("empty front matter", Utf8("---\n---\nbody"));
        data.Add("dots fence", Utf8("---\ntitle: x\n...\nbody"));
        data.Add("fence with trailing spaces and NBSP", Utf8("---\ntitle: x\n--- \t\u00A0\u3000\nbody"));
        data.Add("not a fence: more dashes", Utf8("---\ntitle: x\n----\nbody\n"));
        data.Add("not a fence: text after", Utf8("---\ntitle: x\n--- x\nbody\n"));
        data.Add("not a fence: indented", Utf8("---\ntitle: x\n ---\nbody\n"));
        data.Add("unclosed", Utf8("---\ntitle: x\nbody\n"));
        data.Add("unclosed, ends in newline after opening", Utf8("---\n"));
        data.Add("only dashes and spaces", Utf8("---  "));
        data.Add("dashes, spaces, newline", Utf8("---  \n"));
        data.Add("no front matter", Utf8("# Title\n---\ntext\n"));
        data.Add("whitespace only", Utf8(" \n\t\u00A0\n"));
        data.Add("CRLF", Utf8("---\r\ntitle: x\r\n---\r\nbody\r\n"));
        data.Add("lone CR in body", Utf8("---\ntitle: x\n---\nbody\rmore\n"));
        data.Add("two BOMs", [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, .. Utf8("---\ntitle: x\n---\nbody")]);
        data.Add("invalid bytes before and after the fence", [.. Utf8("---\ntitle: "), 0xE2, 0x82, .. Utf8("\n---\n"), 0x82, 0xC3, .. Utf8("body"), 0xF0, 0x9F]);
        data.Add("invalid bytes after a fence", [.. Utf8("---\ntitle: x\n---"), 0xC2, .. Utf8("\nbody")]);
        data.Add("non-ASCII text", Utf8("---\ntitle: Ünïcödé — x 🙂\n---\n## Required Readings\n+ Sébastien Müller\n"));
        return data;
    }

    [Theory]
    [MemberData(nameof(SplitFiles))]
    public void Split_from_bytes_is_the_split_of_the_text(string name, byte[] bytes)
    {
        using var dir = new TempDir();
        var path = dir.Combine(name + ".md");
        File.WriteAllBytes(path, bytes);
        Assert.Equal(FrontMatter.Split(File.ReadAllText(path)), ReadSessions.ReadSplit(path));
    }

    /// <summary>
    /// The byte split against the text split on every real markdown file (fixtures, seeds, the shared corpus) and on
    /// thousands of byte-level mutations of them: fences, CR, BOMs and invalid UTF-8 put where the fast path looks.
    /// </summary>
    [Fact]
    public void Split_from_bytes_is_the_split_of_the_text_for_real_and_mutated_files()
    {
        var seeds = RealMarkdownFiles.All().Select(File.ReadAllBytes).ToList();
        Assert.True(seeds.Count >= 100, $"only {seeds.Count} real markdown files found");
        byte[][] inserts =
        [
            "\n"u8.ToArray(), "\r"u8.ToArray(), "\r\n"u8.ToArray(), "---\n"u8.ToArray(), "\n---\n"u8.ToArray(), "...\n"u8.ToArray(),
            "--- \n"u8.ToArray(), [0xEF, 0xBB, 0xBF], [0xC3], [0x82], [0xE2, 0x82], [0xF0, 0x9F], [0xFF], [0xC2, 0xA0], "\u3000"u8.ToArray(),
        ];
        var random = new Random(20261207);
        using var dir = new TempDir();
        var path = dir.Combine("case.md");
        var cases = 0;
        foreach (var seed in seeds) Check(seed);
        for (var n = 0; n < 4000; n++)
        {
            var bytes = seeds[random.Next(seeds.Count)].ToList();
            for (var m = random.Next(1, 4); m > 0; m--)
            {
                // Near the front most of the time: that is where the fences are.
                var at = random.Next(2) == 0 ? random.Next(Math.Min(bytes.Count, 200) + 1) : random.Next(bytes.Count + 1);
                if (random.Next(5) == 0 && at < bytes.Count) bytes.RemoveAt(at);
                else bytes.InsertRange(at, inserts[random.Next(inserts.Length)]);
            }
            Check([.. bytes]);
        }
        Assert.Equal(seeds.Count + 4000, cases);

        void Check(byte[] bytes)
        {
            File.WriteAllBytes(path, bytes);
            Assert.True(FrontMatter.Split(File.ReadAllText(path)) == ReadSessions.ReadSplit(path),
                $"case {cases}: the byte split differs for:\n{Convert.ToHexString(bytes.AsSpan(0, Math.Min(bytes.Length, 120)))}");
            cases++;
        }
    }
}
