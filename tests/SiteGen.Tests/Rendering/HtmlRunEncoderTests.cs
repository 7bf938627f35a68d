using System.Text;
using HandlebarsDotNet;
using SiteGen.Rendering;

namespace SiteGen.Tests.Rendering;

/// <summary>The page encoder escapes exactly as Handlebars.Net's built-in HtmlEncoder, only in runs.</summary>
public class HtmlRunEncoderTests
{
    private static readonly string[] Texts =
    [
        "", "plain text", "&", "<b>", "Let's go", "a=b", "`code`", "\"quoted\"", "&&<<>>", "ends with &",
        "Réasoning & Planning — naïve 'quotes' <tags> ü = 1", "emoji 🤖 & \ud83d\ude00 <x>", "lone \ud800 surrogate & \udc00",
        "x&amp;y", "tab\there\nnew line & \r\n", new string('a', 5000) + "'" + new string('b', 5000) + "=",
    ];

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var text in Texts) data.Add(text);
        return data;
    }

    private static string Builtin(string text)
    {
        var writer = new StringWriter();
        new HtmlEncoder().Encode(text, writer);
        return writer.ToString();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Strings_are_escaped_as_by_the_builtin_encoder(string text)
    {
        var writer = new StringWriter();
        new HtmlRunEncoder().Encode(text, writer);
        Assert.Equal(Builtin(text), writer.ToString());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void String_builders_of_several_chunks_and_char_sequences_are_escaped_the_same(string text)
    {
        // Appended a few chars at a time, so the builder holds several chunks and entities fall at chunk edges.
        var builder = new StringBuilder(4);
        for (var i = 0; i < text.Length; i += 3) builder.Append(text.AsSpan(i, Math.Min(3, text.Length - i)));
        var fromBuilder = new StringWriter();
        new HtmlRunEncoder().Encode(builder, fromBuilder);
        Assert.Equal(Builtin(text), fromBuilder.ToString());

        var fromChars = new StringWriter();
        new HtmlRunEncoder().Encode(text.GetEnumerator(), fromChars);
        Assert.Equal(Builtin(text), fromChars.ToString());
    }

    [Fact]
    public void Every_utf16_code_unit_is_escaped_as_by_the_builtin_encoder()
    {
        var all = new StringBuilder();
        for (var c = 0; c <= char.MaxValue; c++) all.Append('x').Append((char)c);
        var text = all.ToString();
        var writer = new StringWriter();
        new HtmlRunEncoder().Encode(text, writer);
        Assert.Equal(Builtin(text), writer.ToString());
    }

    [Fact]
    public void Null_writes_nothing()
    {
        var writer = new StringWriter();
        new HtmlRunEncoder().Encode((string?)null, writer);
        new HtmlRunEncoder().Encode((StringBuilder?)null, writer);
        Assert.Equal("", writer.ToString());
    }
}
