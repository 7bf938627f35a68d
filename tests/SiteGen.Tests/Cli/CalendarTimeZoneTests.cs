using SiteGen.Tests.Support;

namespace SiteGen.Tests.Cli;

/// <summary>calendar.ics holds date-only values: building on a machine in another time zone gives the same bytes.</summary>
public sealed class CalendarTimeZoneTests
{
    [Fact]
    public void Calendar_dates_do_not_shift_with_the_machines_time_zone()
    {
        using var dir = new TempDir();
        var content = Path.Combine(RepoPaths.Fixtures, "sites", "valid-course", "content");
        string CalendarIn(string zone)
        {
            var site = dir.Combine("site-" + zone.Replace('/', '-'));
            var run = CliProcess.Run(dir.Path, "dotnet", [Path.Combine(AppContext.BaseDirectory, "SiteGen.Cli.dll"), "build", "--content", content, "--out", site, "--quiet"],
                new Dictionary<string, string> { ["TZ"] = zone });
            Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
            return File.ReadAllText(Path.Combine(site, "calendar.ics"));
        }

        // UTC-10 and UTC+14: a date converted through local midnight would land on different days.
        var west = CalendarIn("Pacific/Honolulu");
        var east = CalendarIn("Pacific/Kiritimati");
        Assert.Equal(west, east);
        Assert.Contains("DTSTART;VALUE=DATE:20260113", east);
        Assert.Contains("DTEND;VALUE=DATE:20260114", east);
    }
}
