using System.Net;
using System.Text;
using System.Text.Json;
using SoraPromptGenie.FakeUpstream;
using SoraPromptGenie.Tests.Infrastructure;

namespace SoraPromptGenie.Tests.Resilience;

public sealed class CircuitBreakerTests : IAsyncLifetime
{
    private SettingsAppFactory _app = null!;

    public async Task InitializeAsync() => _app = await SettingsAppFactory.StartAsync(new Dictionary<string, string?>
    {
        ["Llm:CircuitMinimumThroughput"] = "2",
        ["Llm:CircuitBreakSeconds"] = "1",
        ["Llm:MaxRetries"] = "0",
        ["LLM_FALLBACK_TO_OFFLINE"] = "false",
        ["LLM_CACHE_TTL_SECONDS"] = "0",
    });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Post_BurstOfFailures_OpensCircuitThenProbeClosesIt()
    {
        _app.Upstream.Default = FakeReply.Status(500);
        var burst = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            burst.Add((await ExpandAsync()).Status);
        }

        var callsWhenOpen = ChatCalls();
        var (openStatus, openCode) = await ExpandAsync();
        var callsAfterOpenRequest = ChatCalls();

        _app.Upstream.Default = FakeReply.Auto();
        await Task.Delay(TimeSpan.FromMilliseconds(1_200));
        var (probeStatus, _) = await ExpandAsync();
        var (afterStatus, _) = await ExpandAsync();

        Assert.All(burst, s => Assert.True(s is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable, $"burst answered {s}"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, openStatus);
        Assert.Equal("upstream_unavailable", openCode);
        Assert.Equal(callsWhenOpen, callsAfterOpenRequest);
        Assert.Equal(HttpStatusCode.OK, probeStatus);
        Assert.Equal(HttpStatusCode.OK, afterStatus);
    }

    private int ChatCalls() => _app.Upstream.Requests.Count(r => r.Path.EndsWith("/chat/completions", StringComparison.Ordinal));

    private async Task<(HttpStatusCode Status, string? Code)> ExpandAsync()
    {
        using var client = _app.CreateClient();
        using var content = new StringContent("""{"basicPrompt":"a fox in the snow at dawn"}""", Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/api/auto-generate-prompt", UriKind.Relative), content);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, body.RootElement.TryGetProperty("code", out var code) ? code.GetString() : null);
    }
}
