using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SiteGen.Search;

namespace SiteGen.Tests.Search;

/// <summary>
/// Why the index has its own JSON writer: lunr's index must be byte for byte what lunr.js's JSON.stringify writes
/// (<see cref="LunrOracleTests"/>), and System.Text.Json's Utf8JsonWriter writes some strings and numbers differently.
/// If these tests start failing on the Utf8JsonWriter side, the hand-written writer is no longer needed.
/// </summary>
public sealed class JsonTextNeededTests
{
    // Text a paper title, author or token can carry: plain, HTML-ish, accented, emoji, line/paragraph separators,
    // controls, DEL, an unpaired surrogate, a ligature.
    private static readonly string[] Strings =
    [
        "attention is all you need", "a<b>&'\"\\", "Schrödinger", "😀 emoji", "line\u2028sep\u2029", "\u0001\u001f\t\n",
        "del\u007f", "lone \ud800 high", "lone \udc00 low", "ﬀ ligature", "中文标题",
    ];

    // Numbers as the index has them: term indexes and scores rounded to thousandths (never an exponent).
    private static readonly double[] Numbers = [0, 1, 7, 0.001, 1.5, 12.345, 123456.789, 999999.999];

    private static IReadOnlyList<string> Stringified()
    {
        var dir = Directory.CreateTempSubdirectory("jsontext-").FullName;
        try
        {
            // Every character \u-escaped so node reads exactly these UTF-16 units, lone surrogates included.
            var input = new StringBuilder("{\"strings\":[");
            input.AppendJoin(',', Strings.Select(s => "\"" + string.Concat(s.Select(c => $"\\u{(int)c:x4}")) + "\""));
            input.Append("],\"numbers\":[").AppendJoin(',', Numbers.Select(n => n.ToString("R", CultureInfo.InvariantCulture))).Append("]}");
            var inputPath = Path.Combine(dir, "in.json");
            var outputPath = Path.Combine(dir, "out.txt");
            File.WriteAllText(inputPath, input.ToString());
            const string script = "const fs=require('fs');const v=JSON.parse(fs.readFileSync(process.argv[1],'utf8'));"
                + "fs.writeFileSync(process.argv[2],[...v.strings,...v.numbers].map(x=>JSON.stringify(x)).join('\\n'),'utf8')";
            var (code, text) = NodeOracle.Run(["-e", script, inputPath, outputPath]);
            Assert.True(code == 0, text);
            return File.ReadAllText(outputPath, Encoding.UTF8).Split('\n');
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string WithJsonText(string value) => "\"" + Encoding.UTF8.GetString(JsonText.EscapedUtf8(value)) + "\"";

    private static string WithJsonText(double value)
    {
        Span<byte> buffer = stackalloc byte[32];
        return Encoding.UTF8.GetString(buffer[..JsonText.FormatNumber(value, buffer)]);
    }

    private static string WithUtf8JsonWriter(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            write(writer);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [NodeFact]
    public void JsonText_writes_what_JSON_stringify_writes_for_every_string_and_number()
    {
        NodeOracle.RequireNode();
        var expected = Stringified();
        var actual = Strings.Select(WithJsonText).Concat(Numbers.Select(WithJsonText)).ToList();
        Assert.Equal(expected, actual);
    }

    [NodeFact]
    public void Utf8JsonWriter_differs_from_JSON_stringify_for_emoji_separators_controls_DEL_and_lone_surrogates()
    {
        NodeOracle.RequireNode();
        var expected = Stringified();
        var differing = new List<string>();
        for (var i = 0; i < Strings.Length; i++)
        {
            var value = Strings[i];
            if (WithUtf8JsonWriter(w => w.WriteStringValue(value)) != expected[i]) differing.Add(Strings[i]);
        }
        for (var i = 0; i < Numbers.Length; i++)
        {
            var value = Numbers[i];
            if (WithUtf8JsonWriter(w => w.WriteNumberValue(value)) != expected[Strings.Length + i])
                differing.Add(value.ToString("R", CultureInfo.InvariantCulture));
        }
        Assert.Equal(["😀 emoji", "line\u2028sep\u2029", "\u0001\u001f\t\n", "del\u007f", "lone \ud800 high", "lone \udc00 low"], differing);
    }
}
