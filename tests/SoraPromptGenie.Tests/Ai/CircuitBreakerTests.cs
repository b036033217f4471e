using System.Globalization;
using System.Net;
using SoraPromptGenie.FakeUpstream;
using SoraPromptGenie.Tests.Infrastructure;
using SoraPromptGenie.Tests.Ops;

namespace SoraPromptGenie.Tests.Ai;

/// <summary>
/// With no retries the circuit opens after two failed calls: while open, requests get 503 upstream_unavailable without
/// reaching the upstream; after the break a successful probe closes it. Each test starts an app with the break it needs.
/// </summary>
public sealed class CircuitBreakerTests : IAsyncLifetime
{
    private readonly List<AppFactory> _apps = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task AutoGenerate_BurstOfFailures_OpensCircuitAndStopsCallingUpstream()
    {
        var app = await StartAsync(breakSeconds: 60);
        app.Upstream.Default = FakeReply.Status(500);
        using var client = app.CreateClient();
        var codes = new List<string?>();

        for (var i = 0; i < 5; i++)
        {
            using var response = await client.PostJsonAsync("/api/auto-generate-prompt", """{"basicPrompt":"a red fox crossing"}""");
            codes.Add((await response.ReadJsonAsync()).GetProperty("code").GetString());
        }

        Assert.Equal(["upstream_error", "upstream_error", "upstream_unavailable", "upstream_unavailable", "upstream_unavailable"], codes);
        Assert.Equal(2, app.Upstream.RequestCount);
        using var last = await client.PostJsonAsync("/api/auto-generate-prompt", """{"basicPrompt":"a red fox crossing"}""");
        await last.AssertErrorAsync(HttpStatusCode.ServiceUnavailable, "upstream_unavailable");
    }

    [Fact]
    public async Task AutoGenerate_BurstOfFailures_OpensCircuitThenProbeClosesIt()
    {
        var app = await StartAsync(breakSeconds: 1);
        app.Upstream.Default = FakeReply.Status(500);
        using var client = app.CreateClient();
        var burst = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            burst.Add((await ExpandAsync(client)).Status);
        }

        var callsWhenOpen = ChatCalls(app);
        var (openStatus, openCode) = await ExpandAsync(client);
        var callsAfterOpenRequest = ChatCalls(app);

        app.Upstream.Default = FakeReply.Auto();
        await Task.Delay(TimeSpan.FromMilliseconds(1_200));
        var (probeStatus, _) = await ExpandAsync(client);
        var (afterStatus, _) = await ExpandAsync(client);

        Assert.All(burst, s => Assert.True(s is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable, $"burst answered {s}"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, openStatus);
        Assert.Equal("upstream_unavailable", openCode);
        Assert.Equal(callsWhenOpen, callsAfterOpenRequest);
        Assert.Equal(HttpStatusCode.OK, probeStatus);
        Assert.Equal(HttpStatusCode.OK, afterStatus);
    }

    private async Task<AppFactory> StartAsync(int breakSeconds)
    {
        var app = await SettingsAppFactory.StartAsync(new Dictionary<string, string?>
        {
            ["LLM_FALLBACK_TO_OFFLINE"] = "false",
            ["Llm:MaxRetries"] = "0",
            ["Llm:CircuitMinimumThroughput"] = "2",
            ["Llm:CircuitBreakSeconds"] = breakSeconds.ToString(CultureInfo.InvariantCulture),
        });
        _apps.Add(app);
        return app;
    }

    private static int ChatCalls(AppFactory app) =>
        app.Upstream.Requests.Count(r => r.Path.EndsWith("/chat/completions", StringComparison.Ordinal));

    private static async Task<(HttpStatusCode Status, string? Code)> ExpandAsync(HttpClient client)
    {
        using var response = await client.PostJsonAsync("/api/auto-generate-prompt", """{"basicPrompt":"a fox in the snow at dawn"}""");
        var body = await response.ReadJsonAsync();
        return (response.StatusCode, body.TryGetProperty("code", out var code) ? code.GetString() : null);
    }
}
