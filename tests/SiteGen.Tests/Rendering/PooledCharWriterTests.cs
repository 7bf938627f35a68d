using System.Globalization;
using System.Text;
using SiteGen.Rendering;

namespace SiteGen.Tests.Rendering;

public class PooledCharWriterTests
{
    /// <summary>The same writes into a StringWriter and the pooled writer.</summary>
    private static void WriteAll(TextWriter writer, int repeat)
    {
        for (var i = 0; i < repeat; i++)
        {
            writer.Write('<');
            writer.Write("section é 🤖");
            writer.Write("abcdef".ToCharArray(), 1, 3);
            writer.Write("xyz".ToCharArray());
            writer.Write("span".AsSpan());
            writer.Write(new StringBuilder("builder ").Append(i));
            writer.Write(i);
            writer.Write(0.5);
            writer.Write((string?)null);
            writer.Write(">\n");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10_000)] // well past the first rented array
    public void Text_and_utf8_are_those_of_a_string_writer(int repeat)
    {
        var culture = CultureInfo.GetCultureInfo("de-DE");
        var expected = new StringWriter(culture);
        WriteAll(expected, repeat);
        using var pooled = new PooledCharWriter(culture);
        WriteAll(pooled, repeat);

        Assert.Equal(expected.ToString(), pooled.ToString());
        Assert.Equal(Encoding.UTF8.GetBytes(expected.ToString()), pooled.ToUtf8());
    }

    [Fact]
    public void Clear_starts_again_from_empty()
    {
        using var writer = new PooledCharWriter(CultureInfo.InvariantCulture);
        writer.Write(new string('a', 100_000));
        writer.Clear();
        writer.Write("page");
        Assert.Equal("page", writer.ToString());
        Assert.Equal("page"u8.ToArray(), writer.ToUtf8());
    }

    /// <summary>A pair, a lone high surrogate and a lone low one, each landing on every slot around the first chunk's end (16,384 chars).</summary>
    public static TheoryData<int, string, bool> AcrossChunkEnds()
    {
        var data = new TheoryData<int, string, bool>();
        foreach (var prefix in new[] { 16_381, 16_382, 16_383, 16_384, 16_385, 16_384 + 32_767 })
            foreach (var text in new[] { "🤖x", "\uD800\uD800y", "\uDC00z", "é\uD83E" })
                foreach (var charByChar in new[] { false, true })
                    data.Add(prefix, text, charByChar);
        return data;
    }

    [Theory]
    [MemberData(nameof(AcrossChunkEnds))]
    public void Surrogates_at_a_chunk_end_encode_as_in_one_string(int prefix, string text, bool charByChar)
    {
        var expected = new string('a', prefix) + text + text;
        using var writer = new PooledCharWriter(CultureInfo.InvariantCulture);
        writer.Write(new string('a', prefix));
        for (var i = 0; i < 2; i++)
        {
            if (charByChar) foreach (var c in text) writer.Write(c);
            else writer.Write(text);
        }

        Assert.Equal(expected.Length, writer.Length);
        Assert.Equal(expected[0], writer.First);
        Assert.Equal(expected[^1], writer.Last);
        Assert.Equal(expected, writer.ToString());
        Assert.Equal(Encoding.UTF8.GetBytes(expected), writer.ToUtf8());
        Assert.Equal(Encoding.UTF8.GetByteCount(expected), writer.Utf8Length());
        Assert.Equal(expected, writer.AsSpan().ToString());
        Assert.Equal(Encoding.UTF8.GetBytes(expected), writer.ToUtf8());
    }

    [Fact]
    public void A_cleared_writer_reuses_its_chunks_and_writes_the_new_text_only()
    {
        using var writer = new PooledCharWriter(CultureInfo.InvariantCulture);
        writer.Write(new string('b', 200_000));
        writer.Clear();
        var text = string.Concat(Enumerable.Repeat("ü🤖", 60_000));
        writer.Write(text);
        Assert.Equal(text, writer.ToString());
        Assert.Equal(Encoding.UTF8.GetBytes(text), writer.ToUtf8());
        Assert.Equal('ü', writer.First);
        Assert.Equal(text[^1], writer.Last);
    }
}
