using System.Net;
using SoraPromptGenie.FakeUpstream;
using SoraPromptGenie.Tests.Infrastructure;
using SoraPromptGenie.Tests.Ops;

namespace SoraPromptGenie.Tests.Ai;

/// <summary>With LLM_FALLBACK_TO_OFFLINE=true the offline engine answers after the LLM fails, labelled with the reason.</summary>
public sealed class FallbackToOfflineTests : IClassFixture<AppFactory<OfflineFallback>>, IDisposable
{
    private readonly AppFactory<OfflineFallback> _app;
    private readonly HttpClient _client;

    public FallbackToOfflineTests(AppFactory<OfflineFallback> app)
    {
        _app = app;
        _app.Upstream.Reset();
        _client = app.CreateClient();
    }

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task EnhancePrompt_Upstream500_AnswersOfflineWithUpstreamErrorReason()
    {
        _app.Upstream.Default = FakeReply.Status(500);

        using var response = await _client.PostJsonAsync(
            "/api/enhance-prompt",
            """{"currentPrompt":"A red fox crosses a snowy road.","enhancement":{"title":"Golden Hour","description":"Low warm sun.","category":"lighting"}}""");
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("offline", body.GetProperty("engine").GetString());
        Assert.Equal("upstream_error", body.GetProperty("fallbackReason").GetString());
        Assert.Contains("A red fox crosses a snowy road.", body.GetProperty("enhancedPrompt").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, _app.Upstream.RequestCount);
    }

    [Fact]
    public async Task AutoGenerate_Upstream401_AnswersOfflineWithAuthReasonAfterOneCall()
    {
        _app.Upstream.Default = FakeReply.Status(401);

        using var response = await _client.PostJsonAsync("/api/auto-generate-prompt", """{"basicPrompt":"a red fox at night"}""");
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("offline", body.GetProperty("engine").GetString());
        Assert.Equal("upstream_auth_failed", body.GetProperty("fallbackReason").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("generatedPrompt").GetString()));
        Assert.Equal(1, _app.Upstream.RequestCount);
    }

    [Fact]
    public async Task GenerateSuggestions_Upstream429BeyondBudget_AnswersCatalogCardsWithUnavailableReason()
    {
        _app.Upstream.Default = FakeReply.Status(429, retryAfter: TimeSpan.FromMinutes(5));

        using var response = await _client.PostJsonAsync("/api/generate-suggestions", """{"category":"Lighting","count":3}""");
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("offline", body.GetProperty("engine").GetString());
        Assert.Equal("upstream_unavailable", body.GetProperty("fallbackReason").GetString());
        var suggestions = body.GetProperty("suggestions").EnumerateArray().ToList();
        Assert.Equal(3, suggestions.Count);
        Assert.All(suggestions, s => Assert.StartsWith("lighting/", s.GetProperty("id").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task StructurePrompt_MalformedBody_AnswersOfflineTemplate()
    {
        _app.Upstream.Default = FakeReply.Malformed();

        using var response = await _client.PostJsonAsync(
            "/api/structure-prompt",
            """{"currentPrompt":"Wide shot. A red fox crosses a snowy road. The mood is hushed."}""");
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("offline", body.GetProperty("engine").GetString());
        Assert.Equal("upstream_error", body.GetProperty("fallbackReason").GetString());
        Assert.Contains("fox", body.GetProperty("structuredPrompt").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AutoGenerate_UpstreamHealthy_HasNoFallbackReason()
    {
        _app.Upstream.Enqueue(FakeReply.Text("A red fox at night under a sodium lamp."));

        using var response = await _client.PostJsonAsync("/api/auto-generate-prompt", """{"basicPrompt":"a red fox at night"}""");
        var body = await response.ReadJsonAsync();

        Assert.Equal("127.0.0.1:test/primary-model", body.GetProperty("engine").GetString());
        Assert.False(body.TryGetProperty("fallbackReason", out _));
    }
}
