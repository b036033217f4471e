using System.Net;
using System.Text.RegularExpressions;
using SoraPromptGenie.FakeUpstream;
using SoraPromptGenie.Ops;
using SoraPromptGenie.Tests.Infrastructure;

namespace SoraPromptGenie.Tests.Ops.Logging;

/// <summary>
/// Request lines and LLM call lines reach logs/combined.log (the original's never reached the files), errors alone go
/// to logs/error.log, and the API key appears in neither.
/// </summary>
public sealed partial class RequestLoggingTests : IClassFixture<AppFactory<NoFallback>>, IDisposable
{
    private readonly AppFactory<NoFallback> _app;
    private readonly HttpClient _client;

    public RequestLoggingTests(AppFactory<NoFallback> app)
    {
        _app = app;
        _app.Upstream.Reset();
        _client = app.CreateClient();
    }

    private string CombinedLog => Path.Combine(_app.LogDirectory, "combined.log");

    private string ErrorLog => Path.Combine(_app.LogDirectory, "error.log");

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task EnhancePrompt_Succeeds_LogsRequestLineWithRequestId()
    {
        _app.Upstream.Enqueue(FakeReply.Text("A fox at golden hour.", promptTokens: 31, completionTokens: 9));

        using var response = await _client.PostJsonAsync(
            "/api/enhance-prompt",
            """{"currentPrompt":"A fox.","enhancement":{"title":"Golden Hour","description":"Low warm sun.","category":"lighting"}}""");
        var requestId = response.Header(RequestContext.RequestIdHeader)!;
        var log = await LogFiles.WaitForAsync(CombinedLog, text => text.Contains(requestId, StringComparison.Ordinal));

        var line = Assert.Single(log.Split('\n'), l => l.Contains("POST /api/enhance-prompt", StringComparison.Ordinal) && l.Contains(requestId, StringComparison.Ordinal));
        Assert.Matches(RequestLine(), line);
    }

    [Fact]
    public async Task EnhancePrompt_Succeeds_LogsLlmCallWithModelOutcomeLatencyAndTokens()
    {
        _app.Upstream.Enqueue(FakeReply.Text("A fox at golden hour.", promptTokens: 31, completionTokens: 9));

        using var response = await _client.PostJsonAsync(
            "/api/enhance-prompt",
            """{"currentPrompt":"A fox.","enhancement":{"title":"Golden Hour","description":"Low warm sun.","category":"lighting"}}""");
        var log = await LogFiles.WaitForAsync(CombinedLog, text => text.Contains("tokens=31/9", StringComparison.Ordinal));

        var line = Assert.Single(log.Split('\n'), l => l.Contains("tokens=31/9", StringComparison.Ordinal));
        Assert.Matches(LlmCallLine(), line);
        Assert.DoesNotContain("A fox.", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AutoGenerate_UpstreamRejectsKey_ErrorLogHoldsOnlyErrors()
    {
        _app.Upstream.Default = FakeReply.Status(401);
        using (await _client.PostJsonAsync("/api/auto-generate-prompt", """{"basicPrompt":"a red fox crossing"}"""))
        {
        }

        using var ok = await _client.GetPathAsync("/api/catalog");
        var combined = await LogFiles.WaitForAsync(
            CombinedLog,
            text => text.Contains("GET /api/catalog 200", StringComparison.Ordinal) && text.Contains("outcome=auth_failed", StringComparison.Ordinal));
        var errors = await LogFiles.WaitForAsync(ErrorLog, text => text.Contains("POST /api/auto-generate-prompt 502", StringComparison.Ordinal));

        Assert.Contains("POST /api/auto-generate-prompt 502 in", combined, StringComparison.Ordinal);
        Assert.Contains("outcome=auth_failed", combined, StringComparison.Ordinal);
        Assert.Contains("POST /api/auto-generate-prompt 502 in", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("[INF]", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("[WRN]", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("GET /api/catalog", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_AfterCallsWithKey_NeverContainKeyOrItsPrefix()
    {
        _app.Upstream.Enqueue(FakeReply.Text("A fox."), FakeReply.Status(401), FakeReply.Status(500), FakeReply.Status(500), FakeReply.Status(500));
        foreach (var body in new[] { "a red fox crossing", "a blue fox crossing", "a green fox crossing" })
        {
            using var response = await _client.PostJsonAsync("/api/auto-generate-prompt", $$"""{"basicPrompt":"{{body}}"}""");
        }

        await LogFiles.WaitForAsync(CombinedLog, text => Regex.Count(text, "POST /api/auto-generate-prompt") >= 3);
        var all = LogFiles.ReadAll(_app.LogDirectory);

        Assert.NotEmpty(all);
        Assert.DoesNotContain(AppFactory.ApiKey, all, StringComparison.Ordinal);
        Assert.DoesNotContain(AppFactory.ApiKey[..10], all, StringComparison.Ordinal);
        Assert.DoesNotContain("Bearer", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_PathWithEncodedLineBreaksAndEscapes_LogsOneLineWithThemEscaped()
    {
        var forged = $"2026-01-01 00:00:00.000 +00:00 [ERR] Database unreachable forged-{Guid.NewGuid():N}";

        using var response = await _client.GetPathAsync($"/api/probe%0d%0a{Uri.EscapeDataString(forged)}%1b[2J%e2%80%a8end");
        var requestId = response.Header(RequestContext.RequestIdHeader)!;
        var log = await LogFiles.WaitForAsync(CombinedLog, text => text.Contains(requestId, StringComparison.Ordinal));

        var line = Assert.Single(log.Split('\n'), l => l.Contains(forged, StringComparison.Ordinal));
        Assert.Contains($"[INF] GET /api/probe\\r\\n{forged}\\x1b[2J\\u2028end 404 in ", line, StringComparison.Ordinal);
        Assert.EndsWith(requestId, line, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', log);
        Assert.DoesNotContain('\u2028', log);
    }

    [Theory]
    [InlineData("/.env")]
    [InlineData("/wp-login.php")]
    [InlineData("/_framework/config.php")]
    [InlineData("/_content/backup.zip")]
    [InlineData("/_blazor/.git/config")]
    public async Task Get_ProbeForFileThatIsNotAnAsset_LogsAtInformation(string path)
    {
        using var response = await _client.GetPathAsync(path);
        var requestId = response.Header(RequestContext.RequestIdHeader)!;
        var log = await LogFiles.WaitForAsync(CombinedLog, text => text.Contains(requestId, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var line = Assert.Single(log.Split('\n'), l => l.Contains(requestId, StringComparison.Ordinal));
        Assert.Contains($"[INF] GET {path} 404 in ", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/app.css")]
    [InlineData("/js/studio.js")]
    public async Task Get_StaticAssetServed_NotLoggedAtInformation(string path)
    {
        using var asset = await _client.GetPathAsync(path);
        using var next = await _client.GetPathAsync("/api/health");
        var requestId = next.Header(RequestContext.RequestIdHeader)!;
        var log = await LogFiles.WaitForAsync(CombinedLog, text => text.Contains(requestId, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Contains(requestId, log, StringComparison.Ordinal);
        Assert.DoesNotContain($"GET {path} ", log, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\[INF\] POST /api/enhance-prompt 200 in \d+ms \S+")]
    private static partial Regex RequestLine();

    [GeneratedRegex(@"LLM call Enhance model=test/primary-model engine=127\.0\.0\.1:test/primary-model outcome=ok in \d+ms tokens=31/9")]
    private static partial Regex LlmCallLine();
}
