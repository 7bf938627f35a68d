using System.Globalization;
using System.Text;
using SiteGen.Search;

namespace SiteGen.Tests.Search;

/// <summary>
/// The index's JSON text and the text pipeline's buffer-based paths against the plain formatting they replace:
/// numbers as .NET's "R", strings escaped char by char, lower-casing through string.ToLowerInvariant.
/// </summary>
public sealed class LunrJsonTests
{
    private static string Formatted(double value)
    {
        Span<byte> buffer = stackalloc byte[32];
        var written = JsonText.FormatNumber(value, buffer);
        Assert.True(written > 0, $"{value:R} did not fit");
        Assert.Equal(written, JsonText.NumberLength(value));
        return Encoding.UTF8.GetString(buffer[..written]);
    }

    [Fact]
    public void Every_score_rounded_to_thousandths_up_to_300_is_written_as_R_writes_it()
    {
        for (var k = 0; k <= 300_000; k++)
        {
            var score = k / 1000.0;
            Assert.Equal(score.ToString("R", CultureInfo.InvariantCulture), Formatted(score));
        }
    }

    [Fact]
    public void Rounded_bm25_scores_and_other_doubles_are_written_as_R_writes_them()
    {
        var random = new Random(7);
        var values = new List<double> { 0, -0.0, 0.001, 0.0005, 1e-7, 999_999_999.999, 1e9, 1e9 + 0.5, 1e15, 1e21, 123456789012.345, -1.5, double.Epsilon, double.MaxValue, double.NaN, double.PositiveInfinity };
        for (var i = 0; i < 50_000; i++)
        {
            // Scores the way the builder makes them: idf * tf part * boost, rounded half up to thousandths.
            var idf = Math.Log(1 + Math.Abs((random.Next(1, 100_000) - random.Next(1, 1000) + 0.5) / (random.Next(1, 1000) + 0.5)));
            var tf = random.Next(1, 50);
            var score = idf * (2.2 * tf) / (1.2 * (1 - 0.75 + 0.75 * (random.Next(0, 5000) / (random.NextDouble() * 900 + 1))) + tf);
            score *= random.Next(0, 3) switch { 0 => 1, 1 => 3, _ => 10 };
            values.Add(Math.Floor(score * 1000 + 0.5) / 1000);
            // And doubles that are not thousandths, which take the general path.
            values.Add(random.NextDouble() * Math.Pow(10, random.Next(-8, 12)));
            values.Add(random.Next(0, 1_000_000_000) / 1000.0 + random.Next(1, 10) * 1e-7);
        }
        foreach (var value in values)
            Assert.Equal(value.ToString("R", CultureInfo.InvariantCulture), Formatted(value));
    }

    [Fact]
    public void Every_thousandths_score_up_to_5000_and_samples_up_to_int_max_are_written_as_R_writes_them()
    {
        // Index scores are held as k for lunr's k / 1000 and written from k's digits; R is JavaScript's text for the double.
        var buffer = new byte[32];
        void Check(long k)
        {
            var expected = (k / 1000.0).ToString("R", CultureInfo.InvariantCulture);
            var length = JsonText.ThousandthsLength(k);
            JsonText.WriteThousandths(k, buffer.AsSpan(0, length));
            if (!Encoding.ASCII.GetString(buffer, 0, length).Equals(expected, StringComparison.Ordinal))
                Assert.Fail($"k = {k}: wrote {Encoding.ASCII.GetString(buffer, 0, length)}, R writes {expected}");
        }
        for (long k = 0; k <= 5_000_000; k++) Check(k);
        var random = new Random(11);
        for (var i = 0; i < 200_000; i++) Check(random.NextInt64(0, (long)int.MaxValue + 1));
        Check(int.MaxValue);
    }

    [Fact]
    public void Packed_number_tables_write_every_term_index_and_score_as_R_writes_them()
    {
        // The index writes term indexes and scores from these tables; each number alone in an exact-size buffer, so the
        // end of the output (fewer than eight bytes left) is covered too.
        var integers = PackedNumbers.Integers(200_000);
        var scores = PackedNumbers.Thousandths((1 << 20) + 1);
        string Write(PackedNumbers numbers, int i)
        {
            var measure = JsonWriter.Measuring();
            measure.Packed(numbers, i);
            var bytes = new byte[measure.Length];
            var writer = new JsonWriter(bytes);
            writer.Packed(numbers, i);
            return Encoding.ASCII.GetString(bytes);
        }
        for (var i = 0; i < integers.Count; i++)
            if (Write(integers, i) != i.ToString(CultureInfo.InvariantCulture)) Assert.Fail($"term index {i}: {Write(integers, i)}");
        for (var k = 0; k < scores.Count; k++)
        {
            var expected = (k / 1000.0).ToString("R", CultureInfo.InvariantCulture);
            if (Write(scores, k) != expected) Assert.Fail($"k = {k}: {Write(scores, k)}, R writes {expected}");
        }
        // Followed by more text, the eight-byte store's spare bytes are overwritten.
        var buffer = new byte[16];
        var json = new JsonWriter(buffer);
        json.Packed(scores, 1500);
        json.Raw(',');
        json.Packed(integers, 7);
        Assert.Equal("1.5,7", Encoding.ASCII.GetString(buffer, 0, json.Length));
    }

    [Fact]
    public void Digit_counts_match_the_written_numbers_around_every_power_of_ten()
    {
        for (long power = 1; power <= 1_000_000_000_000_000; power *= 10)
            foreach (var value in new[] { power - 1, power, power + 1 })
                Assert.Equal(value.ToString(CultureInfo.InvariantCulture).Length, JsonText.DigitCount(value));
    }

    [Fact]
    public void A_number_that_does_not_fit_reports_it()
    {
        Assert.Equal(-1, JsonText.FormatNumber(12.345, new byte[5]));
        Assert.Equal(-1, JsonText.FormatNumber(12345, new byte[4]));
        Assert.Equal(6, JsonText.FormatNumber(12.345, new byte[6]));
    }

    /// <summary>The StringBuilder escaper the writer replaced, kept as the reference.</summary>
    private static string ReferenceJsonString(string value)
    {
        var sb = new StringBuilder("\"");
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    var paired = char.IsHighSurrogate(c) ? i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])
                                                         : i > 0 && char.IsHighSurrogate(value[i - 1]);
                    if (c < ' ' || (char.IsSurrogate(c) && !paired)) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append('"').ToString();
    }

    /// <summary>The writer's UTF-8 for a JSON string, decoded: equal to the reference's text only if it was valid UTF-8 of it.</summary>
    private static string Written(string value)
    {
        var measure = JsonWriter.Measuring();
        measure.String(value);
        var bytes = new byte[measure.Length];
        var writer = new JsonWriter(bytes);
        writer.String(value);
        Assert.Equal(bytes.Length, writer.Length);
        return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
    }

    public static TheoryData<string> Strings => new()
    {
        "", "plain ref p123", "quote \" backslash \\ slash /", "\b\f\n\r\t\u0000\u0001\u001f\u007f",
        "emoji \ud83d\ude00 pair", "lone high \ud83d end", "\ude00 lone low first", "\ud83d\ud83d\ude00", "end high \ud83d",
        "日本語 σοφία ß", "\u2028\u2029 line separators stay",
    };

    [Theory]
    [MemberData(nameof(Strings))]
    public void Strings_are_escaped_like_the_reference(string value)
    {
        Assert.Equal(ReferenceJsonString(value), Written(value));
        Assert.Equal(ReferenceJsonString(value)[1..^1], new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(JsonText.EscapedUtf8(value)));
    }

    [Fact]
    public void Every_char_alone_is_escaped_like_the_reference()
    {
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var value = "a" + (char)c + "b";
            Assert.Equal(ReferenceJsonString(value), Written(value));
        }
    }

    [Fact]
    public void Lowering_into_a_buffer_equals_ToLowerJs_for_every_char_and_surrogate_pairs()
    {
        var texts = new List<string> { "", "Plain ASCII Text", "İstanbul ΟΔΟΣ", "\ud801\udc00\ud801\udc27 Deseret", "\ud83d\ude00 \ud83d lone" };
        var all = new StringBuilder();
        for (var c = 0; c <= char.MaxValue; c++) all.Append((char)c);
        texts.Add(all.ToString());
        // Every supplementary letter block's capitals: pairs whose lower case is another pair.
        var pairs = new StringBuilder();
        for (var cp = 0x10000; cp < 0x20000; cp++) pairs.Append(char.ConvertFromUtf32(cp));
        texts.Add(pairs.ToString());

        foreach (var text in texts)
        {
            var buffer = new char[text.Length];
            if (LunrText.TryLowerJs(text, buffer)) Assert.Equal(LunrText.ToLowerJs(text), new string(buffer));
            else Assert.True(text.Contains('\u0130') || text.Contains('\u03A3'), "only the two special capitals take the string path");
        }
        // The whole BMP without the two special capitals goes through the buffer.
        var withoutSpecial = all.ToString().Replace("\u0130", "").Replace("\u03A3", "");
        var lowered = new char[withoutSpecial.Length];
        Assert.True(LunrText.TryLowerJs(withoutSpecial, lowered));
        Assert.Equal(LunrText.ToLowerJs(withoutSpecial), new string(lowered));
    }

    [Fact]
    public void Lowering_mixed_text_into_a_buffer_equals_ToLowerJs()
    {
        // ASCII runs and other runs lowered separately: mixed text must come out as lowering it whole does.
        string[] pieces = ["A", "b", "Z", " ", "-", "1", "É", "ß", "Ω", "Ж", "ǅ", "Ⅻ", "Ａ", "\ud801\udc00", "\ud801", "\udc00", "…", "\u0345", "ﬃ"];
        var random = new Random(3);
        var sb = new StringBuilder();
        for (var i = 0; i < 20_000; i++)
        {
            sb.Clear();
            for (var p = random.Next(1, 12); p > 0; p--) sb.Append(pieces[random.Next(pieces.Length)]);
            var text = sb.ToString();
            var buffer = new char[text.Length];
            Assert.True(LunrText.TryLowerJs(text, buffer));
            Assert.Equal(LunrText.ToLowerJs(text), new string(buffer));
        }
    }

    [Fact]
    public void The_separator_search_finds_exactly_the_separator_chars()
    {
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var text = "ab" + (char)c;
            Assert.Equal(LunrText.IsSeparator((char)c) ? 2 : -1, LunrText.IndexOfSeparator(text));
        }
    }
}
