using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using SoraPromptGenie.Core.Engines;
using SoraPromptGenie.FakeUpstream;
using SoraPromptGenie.Tests.Infrastructure;
using SoraPromptGenie.Tests.Prompting;

namespace SoraPromptGenie.Tests.Ai.Caching;

/// <summary>The response cache through the API, in process memory (no REDIS_URL), against the fake upstream.</summary>
public sealed class CachingPromptEngineTests : IAsyncLifetime
{
    private readonly AppInstances _instances = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _instances.DisposeAsync();

    [Theory]
    [InlineData("/api/auto-generate-prompt", """{"basicPrompt":"a lighthouse keeper at dusk"}""", "generatedPrompt")]
    [InlineData("/api/structure-prompt", """{"currentPrompt":"A fox runs through snow at dawn."}""", "structuredPrompt")]
    [InlineData("/api/enhance-prompt", """{"currentPrompt":"A fox in snow","enhancement":{"title":"Golden hour","description":"warm low sun","category":"lighting"}}""", "enhancedPrompt")]
    [InlineData("/api/generate-suggestions", """{"category":"lighting","count":3}""", "suggestions")]
    public async Task Post_SameRequestTwice_SecondAnsweredFromCacheWithoutUpstreamCall(string path, string body, string field)
    {
        var app = await StartAsync();

        var (_, first) = await PostAsync(app, path, body);
        var (_, second) = await PostAsync(app, path, body);

        Assert.False(first.GetProperty("cached").GetBoolean());
        Assert.True(second.GetProperty("cached").GetBoolean());
        Assert.Equal(first.GetProperty(field).GetRawText(), second.GetProperty(field).GetRawText());
        Assert.Equal(first.GetProperty("engine").GetString(), second.GetProperty("engine").GetString());
        Assert.False(second.TryGetProperty("usage", out _));
        Assert.Equal(1, ChatCalls(app));
    }

    [Fact]
    public async Task Post_CacheHit_RecordsCachedCallInLedger()
    {
        var app = await StartAsync();
        const string body = """{"basicPrompt":"a lighthouse keeper at dusk"}""";

        await PostAsync(app, "/api/auto-generate-prompt", body);
        await PostAsync(app, "/api/auto-generate-prompt", body);

        var calls = app.Calls.ToList();
        Assert.Equal(2, calls.Count);
        Assert.False(calls[0].Cached);
        var hit = calls[1];
        Assert.True(hit.Cached);
        Assert.Equal(CallOutcome.Ok, hit.Outcome);
        Assert.Equal(PromptOperation.Expand, hit.Operation);
        Assert.Equal("test/primary-model", hit.Model);
        Assert.Null(hit.InputTokens);
    }

    [Fact]
    public async Task Post_SameIdeaDifferentSpacing_AnsweredFromCache()
    {
        var app = await StartAsync();

        await PostAsync(app, "/api/auto-generate-prompt", """{"basicPrompt":"a lighthouse keeper at dusk"}""");
        var (_, second) = await PostAsync(app, "/api/auto-generate-prompt", """{"basicPrompt":"  a lighthouse  keeper at dusk\n"}""");

        Assert.True(second.GetProperty("cached").GetBoolean());
        Assert.Equal(1, ChatCalls(app));
    }

    [Theory]
    [InlineData("/api/generate-suggestions", """{"category":"lighting","count":3}""", """{"category":"lighting","count":3,"fresh":true}""")]
    [InlineData("/api/auto-generate-prompt", """{"basicPrompt":"a lighthouse keeper at dusk"}""", """{"basicPrompt":"a lighthouse keeper at dusk","fresh":true}""")]
    public async Task Post_FreshTrue_CallsUpstreamAndRefreshesEntry(string path, string body, string freshBody)
    {
        var app = await StartAsync();

        await PostAsync(app, path, body);
        var (_, fresh) = await PostAsync(app, path, freshBody);
        var (_, after) = await PostAsync(app, path, body);

        Assert.False(fresh.GetProperty("cached").GetBoolean());
        Assert.True(after.GetProperty("cached").GetBoolean());
        Assert.Equal(2, ChatCalls(app));
    }

    [Theory]
    [InlineData("/api/auto-generate-prompt", """{"basicPrompt":"a lighthouse keeper at dusk"}""", """{"basicPrompt":"a lighthouse keeper at dusk","fresh":true}""")]
    [InlineData("/api/structure-prompt", """{"currentPrompt":"A fox runs through snow at dawn."}""", """{"currentPrompt":"A fox runs through snow at dawn.","fresh":true}""")]
    [InlineData(
        "/api/enhance-prompt",
        """{"currentPrompt":"A fox in snow","enhancement":{"title":"Golden hour","description":"warm low sun","category":"lighting"}}""",
        """{"currentPrompt":"A fox in snow","enhancement":{"title":"Golden hour","description":"warm low sun","category":"lighting"},"fresh":true}""")]
    public async Task PostStreamed_FreshTrue_CallsUpstreamInsteadOfTheStoredAnswer(string path, string body, string freshBody)
    {
        var app = await StartAsync();

        await PostAsync(app, path, body);
        var stored = await PostStreamedAsync(app, path, body);
        var fresh = await PostStreamedAsync(app, path, freshBody);

        Assert.True(stored.GetProperty("cached").GetBoolean());
        Assert.False(fresh.GetProperty("cached").GetBoolean());
        Assert.Equal(2, ChatCalls(app));
    }

    [Fact]
    public async Task Post_FreshNotBoolean_Returns400()
    {
        var app = await StartAsync();

        var (status, body) = await PostAsync(app, "/api/auto-generate-prompt", """{"basicPrompt":"a lighthouse keeper at dusk","fresh":"yes"}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("validation_failed", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Post_AfterTtl_CallsUpstreamAgain()
    {
        var app = await StartAsync(("LLM_CACHE_TTL_SECONDS", "1"));
        const string body = """{"basicPrompt":"a lighthouse keeper at dusk"}""";

        await PostAsync(app, "/api/auto-generate-prompt", body);
        var (_, withinTtl) = await PostAsync(app, "/api/auto-generate-prompt", body);
        await Task.Delay(TimeSpan.FromMilliseconds(1_300));
        var (_, afterTtl) = await PostAsync(app, "/api/auto-generate-prompt", body);

        Assert.True(withinTtl.GetProperty("cached").GetBoolean());
        Assert.False(afterTtl.GetProperty("cached").GetBoolean());
        Assert.Equal(2, ChatCalls(app));
    }

    [Fact]
    public async Task Post_TtlZero_NeverCaches()
    {
        var app = await StartAsync(("LLM_CACHE_TTL_SECONDS", "0"));
        const string body = """{"basicPrompt":"a lighthouse keeper at dusk"}""";

        await PostAsync(app, "/api/auto-generate-prompt", body);
        var (_, second) = await PostAsync(app, "/api/auto-generate-prompt", body);

        Assert.False(second.GetProperty("cached").GetBoolean());
        Assert.Equal(2, ChatCalls(app));
    }

    [Fact]
    public async Task Post_OfflineFallbackAnswer_IsNotCached()
    {
        var app = await StartAsync();
        app.Upstream.Enqueue(FakeReply.Status(401));
        const string body = """{"basicPrompt":"a lighthouse keeper at dusk"}""";

        var (_, fallback) = await PostAsync(app, "/api/auto-generate-prompt", body);
        var (_, second) = await PostAsync(app, "/api/auto-generate-prompt", body);

        Assert.Equal("upstream_auth_failed", fallback.GetProperty("fallbackReason").GetString());
        Assert.False(second.GetProperty("cached").GetBoolean());
        Assert.StartsWith("127.0.0.1:", second.GetProperty("engine").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_CacheHit_IsFasterThanUpstreamCall()
    {
        var app = await StartAsync();
        app.Upstream.Default = FakeReply.Auto() with { Delay = TimeSpan.FromMilliseconds(200) };
        const string body = """{"basicPrompt":"a lighthouse keeper at dusk"}""";

        var miss = Stopwatch.StartNew();
        await PostAsync(app, "/api/auto-generate-prompt", body);
        miss.Stop();
        var hit = Stopwatch.StartNew();
        await PostAsync(app, "/api/auto-generate-prompt", body);
        hit.Stop();

        Assert.True(miss.Elapsed >= TimeSpan.FromMilliseconds(200), $"miss took {miss.Elapsed}");
        Assert.True(hit.Elapsed < TimeSpan.FromMilliseconds(150), $"hit took {hit.Elapsed}");
    }

    private Task<SettingsAppFactory> StartAsync(params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?> { ["LLM_CACHE_TTL_SECONDS"] = "86400" };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        return _instances.StartAsync(values);
    }

    private static int ChatCalls(AppFactory app) => app.Upstream.Requests.Count(r => r.Path.EndsWith("/chat/completions", StringComparison.Ordinal));

    /// <summary>Posts with <c>Accept: text/event-stream</c> and returns the data of the <c>done</c> event.</summary>
    private static async Task<JsonElement> PostStreamedAsync(AppFactory app, string path, string json)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await client.SendAsync(request);
        var events = await PromptStreamingTests.ReadEventsAsync(response);
        return Assert.Single(events, e => e.Name == "done").Data;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(AppFactory app, string path, string json)
    {
        using var client = app.CreateClient();
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }
}
