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
}
