using System.Text;
using SiteGen.Config;

namespace SiteGen.Import;

/// <summary>The text of the files the import writes: site.yml and the GitHub Pages workflow.</summary>
public static partial class ImportJekyll
{
    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private static string SiteYml(JekyllConfig jekyll, string baseUrl, string folder, string sessionUrl, bool pagesAreHtmlFiles, string? sessionsPage, string? tagsPage,
        IReadOnlyList<string> pages, IReadOnlyList<string> assets, string intro)
    {
        var b = new StringBuilder();
        b.Append("# SiteGen's settings for this course, written once by `sitegen import jekyll` from _config.yml and index.html.\n");
        b.Append("# Edit freely: the import never overwrites a file that changed. `sitegen build` here builds the site into _site/.\n");
        b.Append("title: ").Append(Quote(jekyll.Title)).Append('\n');
        b.Append("description: ").Append(Quote(jekyll.Description)).Append('\n');
        if (jekyll.Tagline.Length > 0) b.Append("term: ").Append(Quote(jekyll.Tagline)).Append('\n');
        if (jekyll.Author.Length > 0) b.Append("author: ").Append(Quote(jekyll.Author)).Append('\n');
        b.Append("baseurl: ").Append(baseUrl).Append('\n');
        if (jekyll.Url.Length > 0) b.Append("url: ").Append(jekyll.Url.TrimEnd('/')).Append('\n');
        b.Append("# The Jekyll collection's folder and URLs, so every old link keeps working.\n");
        b.Append("sessions: ").Append(folder).Append('\n');
        b.Append("session_url: /").Append(sessionUrl).Append('\n');
        if (pagesAreHtmlFiles) b.Append("page_url: /:name.html\n");
        if (sessionsPage is not null) b.Append("sessions_page: ").Append(sessionsPage).Append('\n');
        if (tagsPage is not null) b.Append("tags_page: ").Append(tagsPage).Append('\n');
        if (pages.Count > 0)
        {
            b.Append("pages:\n");
            foreach (var page in pages) b.Append("  - ").Append(page).Append('\n');
        }
        if (assets.Count > 0)
        {
            b.Append("assets:\n");
            foreach (var asset in assets) b.Append("  - ").Append(asset).Append('\n');
        }
        b.Append("# Dates, weeks, quizzes, homework: one entry per session, by file name.\n");
        b.Append("schedule: ").Append(ScheduleFile.DefaultName).Append('\n');
        if (intro.Length > 0)
        {
            b.Append("# Shown on the home page above the schedule (HTML).\n");
            // An explicit indentation indicator: the first line may be indented more than the rest.
            b.Append("home_intro: |2-\n");
            foreach (var line in intro.Split('\n')) b.Append(line.TrimEnd().Length == 0 ? "" : "  " + line.TrimEnd()).Append('\n');
        }
        return b.ToString();
    }

    private static string Workflow() => $$$"""
        # Builds the course site with SiteGen and publishes it with GitHub Pages (written by `sitegen import jekyll`).
        # In the repository's settings, set Pages -> Build and deployment -> Source to "GitHub Actions".
        name: Publish course site

        on:
          push:
            branches: [main, master]
          workflow_dispatch:

        permissions:
          contents: read
          pages: write
          id-token: write

        concurrency:
          group: pages
          cancel-in-progress: false

        jobs:
          build:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
              - uses: actions/setup-dotnet@v4
                with:
                  dotnet-version: 10.0.x
              # SiteGen at a pinned version: a new release changes the site only when this line changes.
              - name: Install SiteGen
                run: dotnet tool install --tool-path .sitegen SiteGen.Cli --version {{{ToolVersion}}}
              # The base URL is site.yml's baseurl (the old _config.yml's): every internal URL starts with it.
              - name: Build site
                run: .sitegen/sitegen build --out _site --clean
              - uses: actions/upload-pages-artifact@v3
                with:
                  path: _site

          deploy:
            needs: build
            runs-on: ubuntu-latest
            environment:
              name: github-pages
              url: ${{ steps.deployment.outputs.page_url }}
            steps:
              - id: deployment
                uses: actions/deploy-pages@v4

        """;
}
