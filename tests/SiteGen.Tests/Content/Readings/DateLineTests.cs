using System.Globalization;
using SiteGen.Content.Readings;

namespace SiteGen.Tests.Content.Readings;

/// <summary>Dates of "[Submitted on …]" lines are read by hand; they must be what DateOnly.TryParseExact("d MMM yyyy") reads.</summary>
public class DateLineTests
{
    [Theory]
    [InlineData("Jan")]
    [InlineData("feb")]
    [InlineData("MAR")]
    [InlineData("Sept")]
    [InlineData("June")]
    [InlineData("Mai")]
    [InlineData("Dez")]
    public void Submitted_dates_match_the_general_parser(string month)
    {
        foreach (var year in (string[])["0000", "0001", "1900", "2000", "2023", "2024", "9999"])
        {
            for (var day = 0; day < 100; day++)
            {
                foreach (var dayText in day < 10 ? [day.ToString(CultureInfo.InvariantCulture), "0" + day] : (string[])[day.ToString(CultureInfo.InvariantCulture)])
                {
                    var expected = DateOnly.TryParseExact($"{dayText} {month[..3]} {year}", "d MMM yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                        ? date : (DateOnly?)null;
                    var line = ReadingText.ParseDateLine($"[Submitted on {dayText} {month} {year}]");
                    Assert.NotNull(line);
                    Assert.Equal(expected, line.Submitted);
                }
            }
        }
    }
}
