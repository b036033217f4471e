using System.Diagnostics;
using System.Net;
using SoraPromptGenie.FakeUpstream;
using SoraPromptGenie.Tests.Infrastructure;
using SoraPromptGenie.Tests.Ops;

namespace SoraPromptGenie.Tests.Ai;

/// <summary>
/// With LLM_FALLBACK_TO_OFFLINE=false every upstream fault maps to its row of the error table, and the fake shows how
/// many calls the resilience pipeline made (MaxRetries is 2: a retried fault costs exactly three calls).
/// </summary>
public sealed class UpstreamFailureTests : IClassFixture<AppFactory<NoFallback>>, IDisposable
{
    private const string ExpandBody = """{"basicPrompt":"a red fox crossing a snowy road"}""";

    private readonly AppFactory<NoFallback> _app;
    private readonly HttpClient _client;

    public UpstreamFailureTests(AppFactory<NoFallback> app)
    {
        _app = app;
        _app.Upstream.Reset();
        _client = app.CreateClient();
    }

    public void Dispose() => _client.Dispose();

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task AutoGenerate_Upstream5xx_RetriesTwiceThen502UpstreamError(int status)
    {
        _app.Upstream.Default = FakeReply.Status(status);

        using var response = await _client.PostJsonAsync("/api/auto-generate-prompt", ExpandBody);

        await response.AssertErrorAsync(HttpStatusCode.BadGateway, "upstream_error");
        Assert.Equal(3, _app.Upstream.RequestCount);
    }

    [Fact]
    public async Task AutoGenerate_Upstream500ThenOk_RetriesAndAnswers()
    {
        _app.Upstream.Enqueue(FakeReply.Status(500), FakeReply.Text("A red fox crosses a snowy road at dusk."));

        using var response = await _client.PostJsonAsync("/api/auto-generate-prompt", ExpandBody);
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("A red fox crosses a snowy road at dusk.", body.GetProperty("generatedPrompt").GetString());
        Assert.Equal(2, _app.Upstream.RequestCount);
    }

    [Fact]
    public async Task AutoGenerate_Upstream401_502AuthFailedAfterExactlyOneCall()
    {
        _app.Upstream.Default = FakeReply.Status(401, "No auth credentials found");

        using var response = await _client.PostJsonAsync("/api/auto-generate-prompt", ExpandBody);

        var message = await response.AssertErrorAsync(HttpStatusCode.BadGateway, "upstream_auth_failed");
        Assert.Equal(1, _app.Upstream.RequestCount);
        Assert.DoesNotContain("No auth credentials", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AutoGenerate_Upstream400_502UpstreamErrorAfterOneCall()
    {
        _app.Upstream.Default = FakeReply.Status(400, "context length exceeded");

        using var response = await _client.PostJsonAsync("/api/auto-generate-prompt", ExpandBody);

        await response.AssertErrorAsync(HttpStatusCode.BadGateway, "upstream_error");
        Assert.Equal(1, _app.Upstream.RequestCount);
    }

    [Fact]
    public async Task AutoGenerate_MalformedBody_502UpstreamError()
    {
        _app.Upstream.Default = FakeReply.Malformed("<html><body>Bad gateway</body></html>");

        using var response = await _client.PostJsonAsync("/api/auto-generate-prompt", ExpandBody);

        var message = await response.AssertErrorAsync(HttpStatusCode.BadGateway, "upstream_error");
        Assert.DoesNotContain("<html>", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AutoGenerate_EmptyChoices_502UpstreamError()
    {
        _app.Upstream.Default = FakeReply.EmptyChoices();

        using var response = await _client.PostJsonAsync("/api/auto-generate-prompt", ExpandBody);

        await response.AssertErrorAsync(HttpStatusCode.BadGateway, "upstream_error");
    }

    [Fact]
    public async Task GenerateSuggestions_NoUsableCards_502UpstreamError()
    {
        _app.Upstream.Default = FakeReply.Text("I'm sorry, I can't help with that.");

        using var response = await _client.PostJsonAsync("/api/generate-suggestions", """{"category":"lighting","count":4}""");

        await response.AssertErrorAsync(HttpStatusCode.BadGateway, "upstream_error");
    }

    [Fact]
    public async Task GenerateSuggestions_FencedJsonWithProse_ReturnsCards()
    {
        _app.Upstream.Enqueue(FakeReply.Text(
            "Here are some ideas:\n```json\n[{\"title\":\"Sodium Vapour\",\"description\":\"Orange street light pools on wet asphalt.\"},\n" +
            "{\"title\":\"Moonlit Rim\",\"description\":\"Cold blue rim light separates the fox from the snow.\"},]\n```\nEnjoy!"));

        using var response = await _client.PostJsonAsync("/api/generate-suggestions", """{"category":"lighting","count":4}""");
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var titles = body.GetProperty("suggestions").EnumerateArray().Select(s => s.GetProperty("title").GetString()).ToList();
        Assert.Equal(["Sodium Vapour", "Moonlit Rim"], titles);
    }

    [Fact]
    public async Task AutoGenerate_Upstream429RetryAfterBeyondBudget_503UnavailableWithoutWaiting()
    {
        _app.Upstream.Default = FakeReply.Status(429, "Rate limit exceeded", retryAfter: TimeSpan.FromSeconds(120));
        var started = Stopwatch.StartNew();

        using var response = await _client.PostJsonAsync("/api/auto-generate-prompt", ExpandBody);

        await response.AssertErrorAsync(HttpStatusCode.ServiceUnavailable, "upstream_unavailable");
        Assert.Equal(1, _app.Upstream.RequestCount);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(3), $"took {started.Elapsed}");
    }

    [Fact]
    public async Task AutoGenerate_Upstream429RetryAfterWithinBudget_WaitsThenAnswers()
    {
        _app.Upstream.Enqueue(FakeReply.Status(429, "slow down", retryAfter: TimeSpan.FromSeconds(1)), FakeReply.Text("A fox at dusk."));
        var started = Stopwatch.StartNew();

        using var response = await _client.PostJsonAsync("/api/auto-generate-prompt", ExpandBody);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _app.Upstream.RequestCount);
        Assert.True(started.Elapsed >= TimeSpan.FromMilliseconds(900), $"Retry-After not honoured: {started.Elapsed}");
        var requests = _app.Upstream.Requests;
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromMilliseconds(900));
    }

    [Fact]
    public async Task Structure_UpstreamFails_ResponseCarriesNoExceptionText()
    {
        _app.Upstream.Default = FakeReply.Status(500, "Internal upstream trace: at Provider.Handle()");

        using var response = await _client.PostJsonAsync("/api/structure-prompt", """{"currentPrompt":"A fox crosses a road."}""");
        var text = await response.Content.ReadAsStringAsync();

        await response.AssertErrorAsync(HttpStatusCode.BadGateway, "upstream_error");
        Assert.DoesNotContain("Provider.Handle", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Infrastructure.AppFactory.ApiKey, text, StringComparison.Ordinal);
    }
}
