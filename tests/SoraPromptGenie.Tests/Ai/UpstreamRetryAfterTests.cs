using System.Globalization;
using System.Net;
using SoraPromptGenie.FakeUpstream;
using SoraPromptGenie.Tests.Infrastructure;
using SoraPromptGenie.Tests.Ops;

namespace SoraPromptGenie.Tests.Ai;

/// <summary>
/// A 503 <c>upstream_unavailable</c> tells the client when to come back: the upstream's own Retry-After (capped), else the
/// operation budget's remaining time. The fixture's budget is 6 s (<see cref="AppFactory"/>), with no offline fallback.
/// </summary>
public sealed class UpstreamRetryAfterTests : IClassFixture<AppFactory<NoFallback>>, IDisposable
{
    private const string ExpandBody = """{"basicPrompt":"a red fox crossing a snowy road"}""";
    private const int BudgetSeconds = 6;

    private readonly AppFactory<NoFallback> _app;
    private readonly HttpClient _client;

    public UpstreamRetryAfterTests(AppFactory<NoFallback> app)
    {
        _app = app;
        _app.Upstream.Reset();
        _client = app.CreateClient();
    }

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Upstream429WithRetryAfter_503CarriesTheUpstreamValue()
    {
        _app.Upstream.Default = FakeReply.Status(429, "Rate limit exceeded", retryAfter: TimeSpan.FromSeconds(42));

        using var response = await _client.PostJsonAsync("/api/auto-generate-prompt", ExpandBody);

        await response.AssertErrorAsync(HttpStatusCode.ServiceUnavailable, "upstream_unavailable");
        Assert.Equal(42, RetryAfterSeconds(response));
    }

    [Fact]
    public async Task Upstream429WithRetryAfterBeyondTheBudgetLeft_503WithoutWaitingItOut()
    {
        // 4 s fits the 6 s budget once; after that wait only about 2 s are left, so the second 429 is not waited for.
        _app.Upstream.Default = FakeReply.Status(429, "Rate limit exceeded", retryAfter: TimeSpan.FromSeconds(4));

        using var response = await _client.PostJsonAsync("/api/auto-generate-prompt", ExpandBody);

        await response.AssertErrorAsync(HttpStatusCode.ServiceUnavailable, "upstream_unavailable");
        Assert.Equal(2, _app.Upstream.RequestCount);
        Assert.Equal(4, RetryAfterSeconds(response));
    }

    [Fact]
    public async Task Upstream429WithHugeRetryAfter_503CapsTheValue()
    {
        _app.Upstream.Default = FakeReply.Status(429, "Daily quota exhausted", retryAfter: TimeSpan.FromHours(20));

        using var response = await _client.PostJsonAsync("/api/structure-prompt", """{"currentPrompt":"A fox crosses a road."}""");

        await response.AssertErrorAsync(HttpStatusCode.ServiceUnavailable, "upstream_unavailable");
        Assert.Equal(300, RetryAfterSeconds(response));
    }

    [Fact]
    public async Task Upstream429WithoutRetryAfter_503CarriesTheBudgetsRemainingTime()
    {
        _app.Upstream.Default = FakeReply.Status(429, "slow down");

        using var response = await _client.PostJsonAsync("/api/auto-generate-prompt", ExpandBody);

        await response.AssertErrorAsync(HttpStatusCode.ServiceUnavailable, "upstream_unavailable");
        Assert.Equal(3, _app.Upstream.RequestCount);
        Assert.InRange(RetryAfterSeconds(response), 1, BudgetSeconds);
    }

    [Fact]
    public async Task Upstream429WithRetryAfter_StreamedRequestFailingBeforeFirstEvent_CarriesItToo()
    {
        _app.Upstream.Default = FakeReply.Status(429, retryAfter: TimeSpan.FromSeconds(17));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/auto-generate-prompt", UriKind.Relative))
        {
            Content = new StringContent(ExpandBody, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("text/event-stream");

        using var response = await _client.SendAsync(request);

        await response.AssertErrorAsync(HttpStatusCode.ServiceUnavailable, "upstream_unavailable");
        Assert.Equal(17, RetryAfterSeconds(response));
    }

    [Fact]
    public async Task UpstreamError502_HasNoRetryAfter()
    {
        _app.Upstream.Default = FakeReply.Status(500);

        using var response = await _client.PostJsonAsync("/api/auto-generate-prompt", ExpandBody);

        await response.AssertErrorAsync(HttpStatusCode.BadGateway, "upstream_error");
        Assert.Null(response.Headers.RetryAfter);
    }

    internal static int RetryAfterSeconds(HttpResponseMessage response)
    {
        var raw = response.Header("Retry-After");
        Assert.False(raw is null, $"{(int)response.StatusCode} without Retry-After");
        Assert.True(int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds), $"Retry-After '{raw}' is not whole seconds");
        return seconds;
    }
}

/// <summary>With the circuit open, Retry-After is the time until the circuit lets a probe through.</summary>
public sealed class OpenCircuitRetryAfterTests : IAsyncLifetime
{
    private const int BreakSeconds = 60;

    private SettingsAppFactory _app = null!;

    public async Task InitializeAsync() => _app = await SettingsAppFactory.StartAsync(new Dictionary<string, string?>
    {
        ["Llm:CircuitMinimumThroughput"] = "2",
        ["Llm:CircuitBreakSeconds"] = BreakSeconds.ToString(CultureInfo.InvariantCulture),
        ["Llm:MaxRetries"] = "0",
        ["LLM_FALLBACK_TO_OFFLINE"] = "false",
    });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task CircuitOpen_503CarriesTheCircuitsRemainingBreak()
    {
        using var client = _app.CreateClient();
        _app.Upstream.Default = FakeReply.Status(500);
        for (var i = 0; i < 3; i++)
        {
            using var failure = await client.PostJsonAsync("/api/auto-generate-prompt", """{"basicPrompt":"a fox in the snow"}""");
        }

        var callsBefore = _app.Upstream.RequestCount;
        using var response = await client.PostJsonAsync("/api/auto-generate-prompt", """{"basicPrompt":"a fox in the snow"}""");

        await response.AssertErrorAsync(HttpStatusCode.ServiceUnavailable, "upstream_unavailable");
        Assert.Equal(callsBefore, _app.Upstream.RequestCount);

        // Longer than the 6 s operation budget, so the value is the circuit's, not the budget's.
        Assert.InRange(UpstreamRetryAfterTests.RetryAfterSeconds(response), BreakSeconds - 10, BreakSeconds);
    }
}
