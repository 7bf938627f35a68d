using System.Text;
using System.Text.RegularExpressions;
using SiteGen.Text;

namespace SiteGen.Tests.Content;

/// <summary>TextClean.CollapseWhitespace against its definition: every run of whitespace one space, none at either end.</summary>
public class CollapseWhitespaceTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("   ", "")]
    [InlineData("a", "a")]
    [InlineData("a b", "a b")]
    [InlineData(" a  b\t\nc \u00A0d\u2003\u3000e ", "a b c d e")]
    [InlineData("a\u0085b\u2028c\u200Bd", "a b c\u200Bd")]
    public void Collapses_runs_and_trims(string text, string expected) => Assert.Equal(expected, TextClean.CollapseWhitespace(text));

    [Fact]
    public void Agrees_with_the_regex_definition_on_random_text()
    {
        // \s in .NET regexes is exactly char.IsWhiteSpace; Trim() trims the same set.
        var alphabet = "ab .\t\n\r\u00A0\u2000\u2009\u3000\u0085\u200B\u180E\uFEFFé".ToCharArray();
        var random = new Random(7);
        for (var n = 0; n < 5000; n++)
        {
            var builder = new StringBuilder();
            var length = random.Next(0, n % 100 == 0 ? 2000 : 40);
            for (var i = 0; i < length; i++) builder.Append(alphabet[random.Next(alphabet.Length)]);
            var text = builder.ToString();
            var expected = Regex.Replace(text, @"\s+", " ").Trim();
            Assert.Equal(expected, TextClean.CollapseWhitespace(text));
            Assert.Equal(expected, TextClean.CollapseWhitespace(new StringBuilder(text)));
            // The same text cut into lines (a paragraph's lines are joined with a space, which is whitespace too).
            var cut = text.Split('\n');
            Assert.Equal(Regex.Replace(string.Join(' ', cut), @"\s+", " ").Trim(), TextClean.CollapseWhitespace(cut));
        }
    }
}
