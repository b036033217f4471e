using System.Net;
using System.Text.Json;
using SoraPromptGenie.Core.Catalog;
using SoraPromptGenie.Core.Storyboards;
using SoraPromptGenie.Core.Targets;
using SoraPromptGenie.FakeUpstream;
using SoraPromptGenie.Tests.Infrastructure;
using SoraPromptGenie.Tests.Ops;

namespace SoraPromptGenie.Tests.Storyboards;

/// <summary>With fallback off, upstream failures map to the error table as for the other AI endpoints.</summary>
public sealed class DraftEndpointNoFallbackTests : IClassFixture<AppFactory<NoFallback>>, IDisposable
{
    private readonly AppFactory<NoFallback> _app;
    private readonly HttpClient _client;

    public DraftEndpointNoFallbackTests(AppFactory<NoFallback> app)
    {
        _app = app;
        _app.Upstream.Reset();
        _client = app.CreateClient();
    }

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Draft_Upstream500_502UpstreamErrorAfterTheRetries()
    {
        _app.Upstream.Default = FakeReply.Status(500);

        using var response = await _client.PostJsonAsync("/api/storyboards/draft", """{"idea":"a fox crossing a snowy road at night"}""");

        await response.AssertErrorAsync(HttpStatusCode.BadGateway, "upstream_error");
        Assert.Equal(3, _app.Upstream.RequestCount);
    }

    [Fact]
    public async Task Draft_Upstream429_503Unavailable()
    {
        _app.Upstream.Default = FakeReply.Status(429, retryAfter: TimeSpan.FromSeconds(120));

        using var response = await _client.PostJsonAsync("/api/storyboards/draft", """{"idea":"a fox crossing a snowy road at night"}""");

        await response.AssertErrorAsync(HttpStatusCode.ServiceUnavailable, "upstream_unavailable");
    }

    [Fact]
    public async Task Draft_UnusableAnswer_502UpstreamError()
    {
        _app.Upstream.Enqueue(FakeReply.Json(DraftEndpointTests.ModelBoard()));

        using var response = await _client.PostJsonAsync("/api/storyboards/draft", """{"idea":"a lighthouse keeper lights the lamp in a storm","shots":3}""");

        await response.AssertErrorAsync(HttpStatusCode.BadGateway, "upstream_error");
    }
}

/// <summary>With <c>LLM_MODE=offline</c> the offline engine drafts every storyboard.</summary>
public sealed class DraftEndpointOfflineTests(AppFactory<OfflineMode> app) : IClassFixture<AppFactory<OfflineMode>>
{
    [Fact]
    public async Task Draft_Offline_TheOfflineDraftersStoryboardWithThePlansWarning()
    {
        using var client = app.CreateClient();

        using var response = await client.PostJsonAsync(
            "/api/storyboards/draft", """{"idea":"an old fisherman mends his nets on a quiet harbour at dawn","target":"luma-ray-3.2","shots":3,"totalSeconds":23}""");
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("offline", body.GetProperty("engine").GetString());
        Assert.Equal(
            ["totalSeconds 23 cannot be met exactly with 3 shots of 5 or 10 seconds (luma-ray-3.2); the storyboard lasts 25 seconds."],
            body.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));
        var target = TargetCatalog.LoadEmbedded().Find("luma-ray-3.2");
        var expected = OfflineStoryboardDrafter.For(PromptCatalog.LoadEmbedded()).Draft("an old fisherman mends his nets on a quiet harbour at dawn", [10, 10, 5], target).Storyboard;
        Assert.Equal(JsonSerializer.Serialize(expected, JsonSerializerOptions.Web), body.GetProperty("storyboard").GetRawText());
        Assert.Empty(app.Upstream.Requests);
    }
}
