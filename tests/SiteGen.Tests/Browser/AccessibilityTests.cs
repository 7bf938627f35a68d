using System.Diagnostics;
using System.Text.Json;
using Microsoft.Playwright;
using SiteGen.Tests.Support;
using Xunit.Abstractions;

namespace SiteGen.Tests.Browser;

/// <summary>axe-core in the browser and html-validate on the files: no serious accessibility problem, no invalid markup.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserSites sites, ITestOutputHelper output)
{
    private static string NodeModules => Path.Combine(RepoPaths.Root, "node_modules");

    private const string AxeScript = """
        async () => {
          const r = await axe.run(document, { resultTypes: ['violations'] });
          return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' at ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '));
        }
        """;

    [BrowserTheory]
    [InlineData(BrowserSites.Seed)]
    [InlineData(BrowserSites.Corpus)]
    public async Task Axe_finds_no_serious_or_critical_violation(string name)
    {
        var axe = Path.Combine(NodeModules, "axe-core", "axe.min.js");
        Assert.True(File.Exists(axe), $"{axe} is missing: run npm ci in {RepoPaths.Root}");
        var site = await sites.SiteAsync(name);
        var problems = new List<string>();
        var runs = 0;

        // One page of each kind (home, session, catalog, ...) in both themes: axe takes seconds per page, and what it
        // checks (landmarks, names, contrast) comes from the templates; html-validate below reads every page.
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            await using var context = await sites.ContextAsync(scheme: scheme);
            var page = await context.NewPageAsync();
            foreach (var p in site.OnePerKind)
            {
                await page.GotoAsync(site.Url(p.Path));
                await page.AddScriptTagAsync(new() { Path = axe });
                problems.AddRange((await page.EvaluateAsync<string[]>(AxeScript)).Select(v => $"{p.Path} ({scheme}): {v}"));
                runs++;
            }
        }

        output.WriteLine($"{name}: axe ran on {runs} page views ({site.OnePerKind.Count} kinds of page, light and dark)");
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    /// <remarks>
    /// The committed .htmlvalidate.json extends html-validate:recommended and changes three rules (JSON has no comments, so
    /// the reasons are here): no-trailing-whitespace is off because it is about how source files are formatted, and
    /// the spaces left by template indentation change nothing a reader or a screen reader gets; long-title is off
    /// because it is a search-engine guideline and session titles are the instructors' own, never to be cut;
    /// valid-id is relaxed to HTML5's rule (any id without spaces) because session anchors keep the session's file
    /// name, dots included ("session-W13.1-T3-smallLLM-agents"), so old links keep working.
    /// </remarks>
    [Theory]
    [InlineData(BrowserSites.Seed)]
    [InlineData(BrowserSites.Corpus)]
    public async Task Html_validate_reports_no_error_on_any_page(string name)
    {
        var cli = Path.Combine(NodeModules, "html-validate", "bin", "html-validate.mjs");
        Assert.True(File.Exists(cli), $"{cli} is missing: run npm ci in {RepoPaths.Root}");
        var site = await sites.SiteAsync(name);
        var files = SiteCrawler.HtmlPages(site.Dir);

        // The report goes to a file: the CLI exits before a large report has drained through a pipe.
        var report = Path.Combine(Path.GetTempPath(), $"html-validate-{name}-{Guid.NewGuid():N}.json");
        var start = new ProcessStartInfo("node") { WorkingDirectory = RepoPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { cli, "--config", Path.Combine(RepoPaths.Root, ".htmlvalidate.json"), "--formatter", "json=" + report }.Concat(files))
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(File.Exists(report), $"html-validate exited {process.ExitCode} without a report: {await stderr}{await stdout}");
        var json = await File.ReadAllTextAsync(report);
        File.Delete(report);
        var errors = new List<string>();
        foreach (var result in JsonDocument.Parse(json).RootElement.EnumerateArray())
            foreach (var m in result.GetProperty("messages").EnumerateArray())
                errors.Add($"{Path.GetRelativePath(site.Dir, result.GetProperty("filePath").GetString()!)}({m.GetProperty("line")},{m.GetProperty("column")}): {m.GetProperty("ruleId")}: {m.GetProperty("message")}");

        output.WriteLine($"{name}: html-validate checked {files.Count} pages");
        Assert.True(errors.Count == 0, string.Join('\n', errors));
    }
}
