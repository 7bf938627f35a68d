using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using SiteGen.Cli.Serve;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Cli;

/// <summary>The preview server, in-process on a free port, over a copy of the seed course built under /course/.</summary>
public sealed class ServeTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly TempDir _dir = new();
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false });
    private readonly Channel<string> _events = Channel.CreateUnbounded<string>();
    // Set once the server has registered this test as a listener: a change made before that would reload nobody.
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private DevServer _server = null!;

    private string Content => _dir.Combine("content");
    private string Session(string name) => Path.Combine(Content, "sessions", name + ".md");

    public async Task InitializeAsync()
    {
        TempDir.CopyDirectory(RepoPaths.Content, Content);
        File.WriteAllText(_dir.Combine("secret.txt"), "TOP-SECRET");
        _server = await DevServer.StartAsync(new ServeOptions { ContentDir = Content, OutDir = _dir.Combine("site"), BaseUrl = "/course/", Port = 0 }, TextWriter.Null);
        _ = ListenAsync();
        await _connected.Task.WaitAsync(Patience);
    }

    /// <summary>Reads the server-sent events stream as a browser's EventSource would and queues each event's name.</summary>
    private async Task ListenAsync()
    {
        try
        {
            using var response = await _http.GetAsync(new Uri(_server.Address, LiveReload.EventsPath), HttpCompletionOption.ResponseHeadersRead, _stop.Token);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(_stop.Token));
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                if (line.StartsWith(": connected", StringComparison.Ordinal)) _connected.TrySetResult();
                if (line.StartsWith("event: ", StringComparison.Ordinal)) _events.Writer.TryWrite(line["event: ".Length..]);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or HttpRequestException) { }
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _server.DisposeAsync();
    }

    public void Dispose()
    {
        _http.Dispose();
        _stop.Dispose();
        _dir.Dispose();
    }

    private async Task WaitForReloadAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        Assert.Equal("reload", await _events.Reader.ReadAsync(timeout.Token));
    }

    /// <summary>A change may take more than one rebuild (editors save in steps): waits until the page shows it.</summary>
    private async Task<(HttpStatusCode Status, string Body)> WaitForAsync(string path, Func<HttpStatusCode, string, bool> done)
    {
        var until = DateTime.UtcNow + Patience;
        while (true)
        {
            var (status, body) = await GetAsync(path);
            if (done(status, body) || DateTime.UtcNow > until) return (status, body);
            await Task.Delay(100);
        }
    }

    private async Task<(HttpStatusCode Status, string Body)> GetAsync(string path)
    {
        using var response = await _http.GetAsync(new Uri(_server.Address, path));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Sends the request target exactly as given (HttpClient would normalise the dot segments away).</summary>
    private async Task<(int Status, string Text)> RawGetAsync(string target)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, _server.Address.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
        var text = await new StreamReader(stream).ReadToEndAsync();
        return (int.Parse(text.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), text);
    }

    private string SeedSession => Path.GetFileNameWithoutExtension(Directory.GetFiles(Path.Combine(Content, "sessions"), "*.md").Order(StringComparer.Ordinal).First());

    [Fact]
    public async Task Serves_the_site_under_its_base_url_with_the_reload_script_in_html_responses_only()
    {
        var (status, home) = await GetAsync("/course/");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-sitegen-live", home);
        Assert.DoesNotContain("data-sitegen-live", File.ReadAllText(_dir.Combine("site", "index.html")));

        var css = await GetAsync("/course/assets/site.css");
        Assert.Equal(HttpStatusCode.OK, css.Status);
        Assert.DoesNotContain("data-sitegen-live", css.Body);

        using var root = await _http.GetAsync(new Uri(_server.Address, "/"));
        Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
        Assert.Equal("/course/", root.Headers.Location?.OriginalString);

        var missing = await GetAsync("/course/no-such-page/");
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.True(_server.LastBuild.Written);
    }

    [Theory]
    [InlineData("/course/../secret.txt", 400)]
    [InlineData("/course/%2e%2e/secret.txt", 400)]
    [InlineData("/course/%2E%2E%2Fsecret.txt", 400)]
    [InlineData("/course/..%2fsecret.txt", 400)]
    [InlineData("/course/%252e%252e/secret.txt", 400)]
    [InlineData("/course/sessions/..%5c..%5csecret.txt", 400)]
    [InlineData("/course/C:/Windows/win.ini", 400)]
    [InlineData("//etc/passwd", 400)]
    [InlineData("/etc/passwd", 404)]
    [InlineData("/secret.txt", 404)]
    public async Task Paths_outside_the_site_folder_are_refused(string target, int expected)
    {
        var (status, text) = await RawGetAsync(target);
        Assert.Equal(expected, status);
        Assert.DoesNotContain("TOP-SECRET", text);
    }

    [Theory]
    [InlineData("OPTIONS")]
    [InlineData("POST")]
    [InlineData("DELETE")]
    [InlineData("TRACE")]
    [InlineData("PUT")]
    public async Task Methods_other_than_GET_and_HEAD_answer_405_with_the_allowed_ones(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(_server.Address, "/course/"));
        using var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow.Order(StringComparer.Ordinal));
        Assert.DoesNotContain("data-sitegen-live", await response.Content.ReadAsStringAsync());

        using var head = new HttpRequestMessage(HttpMethod.Head, new Uri(_server.Address, "/course/"));
        using var headResponse = await _http.SendAsync(head);
        Assert.Equal(HttpStatusCode.OK, headResponse.StatusCode);
    }

    [Fact]
    public async Task A_very_long_url_is_refused_and_the_server_answers_after_it()
    {
        var (status, text) = await RawGetAsync("/course/" + new string('a', 20_000));
        Assert.Equal(414, status);
        Assert.DoesNotContain("TOP-SECRET", text);
        var (deep, _) = await RawGetAsync("/course/" + string.Concat(Enumerable.Repeat("%2e%2e/", 1_000)) + "secret.txt");
        Assert.Equal(400, deep);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/course/")).Status);
    }

    [Fact]
    public async Task Two_hundred_concurrent_requests_all_get_the_page()
    {
        var expected = (await GetAsync("/course/")).Body;
        var answers = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => GetAsync("/course/")));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.All(answers, a => Assert.Equal(expected, a.Body));
    }

    [Fact]
    public async Task A_slow_client_holding_half_a_request_does_not_stop_the_others()
    {
        var stalled = new List<TcpClient>();
        try
        {
            for (var i = 0; i < 20; i++)
            {
                var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, _server.Address.Port);
                await client.GetStream().WriteAsync(Encoding.ASCII.GetBytes("GET /course/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "));
                stalled.Add(client);
            }
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            using var response = await _http.GetAsync(new Uri(_server.Address, "/course/"), timeout.Token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        finally
        {
            foreach (var client in stalled) client.Dispose();
        }
    }

    [Fact]
    public async Task The_server_listens_on_127_0_0_1_only()
    {
        Assert.Equal("127.0.0.1", _server.Address.Host);
        var others = System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces()
            .SelectMany(n => n.GetIPProperties().UnicastAddresses).Select(a => a.Address)
            .Where(a => !IPAddress.IsLoopback(a) && a.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6 && !a.IsIPv6LinkLocal).ToList();
        others.Add(IPAddress.IPv6Loopback);
        foreach (var address in others)
        {
            var refused = false;
            try
            {
                using var client = new TcpClient(address.AddressFamily);
                await client.ConnectAsync(address, _server.Address.Port).WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception e) when (e is SocketException or TimeoutException) { refused = true; }
            Assert.True(refused, $"the server answered on {address}");
        }
    }

    [Fact]
    public void Path_resolution_never_leaves_the_site_folder()
    {
        var site = _dir.Combine("site");
        Assert.Equal(ServeOutcome.File, ServePaths.Resolve(site, "/course/", "/course/index.html").Outcome);
        Assert.Equal(ServeOutcome.Redirect, ServePaths.Resolve(site, "/course/", "/course/sessions").Outcome);
        Assert.Equal(ServeOutcome.BadRequest, ServePaths.Resolve(site, "/course/", "/course/%2e%2e%2f%2e%2e%2fsecret.txt").Outcome);
        Assert.Equal(ServeOutcome.NotFound, ServePaths.Resolve(site, "/", "/nothing-here").Outcome);
        Assert.Equal(ServeOutcome.File, ServePaths.Resolve(site, "/course/", "/course/?q=..").Outcome);
    }

    [Fact]
    public void An_extensionless_url_is_served_from_its_html_file_as_GitHub_Pages_serves_it()
    {
        using var dir = new TempDir().With(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["site/contents/S0-L06.html"] = "<p>session</p>",
            ["site/contents/S0-L07/index.html"] = "<p>folder</p>",
        });
        var site = dir.Combine("site");
        var file = ServePaths.Resolve(site, "/c/", "/c/contents/S0-L06");
        Assert.Equal((ServeOutcome.File, Path.Combine(site, "contents", "S0-L06.html")), (file.Outcome, file.FilePath));
        Assert.Equal(ServeOutcome.File, ServePaths.Resolve(site, "/c/", "/c/contents/S0-L06.html").Outcome);
        Assert.Equal(ServeOutcome.NotFound, ServePaths.Resolve(site, "/c/", "/c/contents/S0-L06/").Outcome);
        Assert.Equal(ServeOutcome.Redirect, ServePaths.Resolve(site, "/c/", "/c/contents/S0-L07").Outcome);
        Assert.Equal(ServeOutcome.NotFound, ServePaths.Resolve(site, "/c/", "/c/contents/S0-L08").Outcome);
    }

    [Fact]
    public async Task Editing_adding_and_deleting_a_session_rebuilds_and_reloads_open_pages()
    {
        var name = SeedSession;
        SiteGen.Tests.Incremental.IncrementalBuildTests.InsertParagraph(Session(name), "A paragraph written while the server runs.");
        await WaitForReloadAsync();
        var edited = await WaitForAsync($"/course/sessions/{name}/", (_, body) => body.Contains("A paragraph written while the server runs.", StringComparison.Ordinal));
        Assert.Contains("A paragraph written while the server runs.", edited.Body);

        await File.WriteAllTextAsync(Session("S99-added-live"), "---\ntitle: Added while serving\n---\n\nNew session.\n");
        await WaitForReloadAsync();
        var added = await WaitForAsync("/course/sessions/S99-added-live/", (status, _) => status == HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, added.Status);
        Assert.Contains("Added while serving", added.Body);

        File.Delete(Session("S99-added-live"));
        await WaitForReloadAsync();
        var deleted = await WaitForAsync("/course/sessions/S99-added-live/", (status, _) => status == HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, deleted.Status);
    }

    [Fact]
    public async Task A_failed_rebuild_shows_its_errors_escaped_over_the_last_good_page_until_fixed()
    {
        var broken = Session("S98-x<i>y");
        await File.WriteAllTextAsync(broken, "---\ntitle: Broken\n\nno closing line\n");
        await WaitForReloadAsync();
        var (status, body) = await WaitForAsync("/course/", (_, b) => b.Contains(LiveReload.OverlayId, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"id=\"{LiveReload.OverlayId}\"", body);
        Assert.Contains("content/sessions/S98-x&lt;i&gt;y.md(1,1)", body);
        Assert.Contains("error SG", body);
        Assert.DoesNotContain("x<i>y", body);
        Assert.DoesNotContain(LiveReload.OverlayId, File.ReadAllText(_dir.Combine("site", "index.html")));

        File.Delete(broken);
        await WaitForReloadAsync();
        var fixedPage = await WaitForAsync("/course/", (_, b) => !b.Contains(LiveReload.OverlayId, StringComparison.Ordinal));
        Assert.DoesNotContain(LiveReload.OverlayId, fixedPage.Body);
    }

    [Fact]
    public async Task A_templates_folder_named_in_site_yml_is_watched_too()
    {
        // The theme sits outside content/ and is not the templates/ folder beside it: only site.yml names it.
        var theme = _dir.Combine("my-theme", "partials");
        Directory.CreateDirectory(theme);
        var footer = Path.Combine(theme, "footer.sbn-html");
        await File.WriteAllTextAsync(footer, "<footer>Theme footer one</footer>");
        var siteYml = Path.Combine(Content, "site.yml");
        await File.AppendAllTextAsync(siteYml, "\ntemplates: my-theme\n");
        await WaitForReloadAsync();
        var first = await WaitForAsync("/course/", (_, body) => body.Contains("Theme footer one", StringComparison.Ordinal));
        Assert.Contains("Theme footer one", first.Body);

        await File.WriteAllTextAsync(footer, "<footer>Theme footer two</footer>");
        await WaitForReloadAsync();
        var second = await WaitForAsync("/course/", (_, body) => body.Contains("Theme footer two", StringComparison.Ordinal));
        Assert.Contains("Theme footer two", second.Body);
    }

    [Fact]
    public async Task A_content_folder_deleted_and_restored_is_noticed_and_rebuilt()
    {
        var name = SeedSession;
        var copy = _dir.Combine("content-copy");
        TempDir.CopyDirectory(Content, copy);
        Directory.Delete(Content, recursive: true);
        await WaitForReloadAsync();
        var missing = await WaitForAsync("/course/", (_, b) => b.Contains("SG1003", StringComparison.Ordinal));
        Assert.Contains("error SG1003", missing.Body);

        // Restored with an edit, so the page shows that the build read the new folder (not the last good site).
        TempDir.CopyDirectory(copy, Content);
        SiteGen.Tests.Incremental.IncrementalBuildTests.InsertParagraph(Session(name), "Written after the folder came back.");
        await WaitForReloadAsync();
        var restored = await WaitForAsync($"/course/sessions/{name}/", (_, b) => b.Contains("Written after the folder came back.", StringComparison.Ordinal) && !b.Contains(LiveReload.OverlayId, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, restored.Status);
        Assert.Contains("Written after the folder came back.", restored.Body);
        Assert.DoesNotContain(LiveReload.OverlayId, restored.Body);

        // The new folder is watched: a later edit rebuilds too.
        SiteGen.Tests.Incremental.IncrementalBuildTests.InsertParagraph(Session(name), "A second edit in the restored folder.");
        var edited = await WaitForAsync($"/course/sessions/{name}/", (_, b) => b.Contains("A second edit in the restored folder.", StringComparison.Ordinal));
        Assert.Contains("A second edit in the restored folder.", edited.Body);
    }
}
