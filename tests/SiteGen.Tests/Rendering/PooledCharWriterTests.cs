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
}
