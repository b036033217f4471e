using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SoraPromptGenie.FakeUpstream;
using SoraPromptGenie.Tests.Infrastructure;
using SoraPromptGenie.Tests.Ops;

namespace SoraPromptGenie.Tests.Prompting;

public sealed class PromptStreamingTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string ModelText = "A lighthouse keeper climbs the spiral stairs at dusk, lantern swinging, warm light on wet stone.";

    private static readonly object EnhanceBody = new
    {
        currentPrompt = "A lighthouse keeper climbs the stairs.",
        enhancement = new { title = "Golden hour", description = "Warm low sun.", category = "lighting" },
    };

    [Fact]
    public async Task Enhance_AcceptEventStream_StreamsDeltasThenDoneWithFullText()
    {
        app.Upstream.Enqueue(FakeReply.Text(ModelText, promptTokens: 40, completionTokens: 20) with { Chunks = 4, ChunkInterval = TimeSpan.FromMilliseconds(10) });

        using var response = await PostStreamAsync("/api/enhance-prompt", EnhanceBody);
        var events = await ReadEventsAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var deltas = events.Where(e => e.Name == "delta").Select(e => e.Data.GetProperty("text").GetString()).ToList();
        Assert.True(deltas.Count >= 2, $"expected several deltas, got {deltas.Count}");
        Assert.Equal(ModelText, string.Concat(deltas));
        var done = Assert.Single(events, e => e.Name == "done");
        Assert.Same(done, events[^1]);
        Assert.Equal(ModelText, done.Data.GetProperty("enhancedPrompt").GetString());
        Assert.EndsWith("test/primary-model", done.Data.GetProperty("engine").GetString(), StringComparison.Ordinal);
        Assert.Equal(40, done.Data.GetProperty("usage").GetProperty("inputTokens").GetInt32());
        Assert.Equal(20, done.Data.GetProperty("usage").GetProperty("outputTokens").GetInt32());
        Assert.False(done.Data.TryGetProperty("fallbackReason", out _));
    }

    /// <summary>Streaming is a branch of the handler; the API description still documents the JSON answer.</summary>
    [Theory]
    [InlineData("/api/enhance-prompt", "EnhancePromptResponse")]
    [InlineData("/api/auto-generate-prompt", "AutoGeneratePromptResponse")]
    [InlineData("/api/structure-prompt", "StructurePromptResponse")]
    public async Task OpenApiDocument_TextOperation_DescribesTheJsonAnswer(string path, string schema)
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var content = document.RootElement.GetProperty("paths").GetProperty(path).GetProperty("post")
            .GetProperty("responses").GetProperty("200").GetProperty("content");
        Assert.True(content.TryGetProperty("application/json", out var json), $"{path} lists no JSON answer");
        Assert.EndsWith("/" + schema, json.GetProperty("schema").GetProperty("$ref").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AutoGenerate_AcceptEventStream_DoneCarriesGeneratedPrompt()
    {
        app.Upstream.Enqueue(FakeReply.Text(ModelText) with { Chunks = 3 });

        using var response = await PostStreamAsync("/api/auto-generate-prompt", new { basicPrompt = "lighthouse keeper at dusk" });
        var events = await ReadEventsAsync(response);

        Assert.Equal("done", events[^1].Name);
        Assert.Equal(ModelText, events[^1].Data.GetProperty("generatedPrompt").GetString());
        Assert.Equal(ModelText, string.Concat(events.Where(e => e.Name == "delta").Select(e => e.Data.GetProperty("text").GetString())));
    }

    [Fact]
    public async Task Structure_AcceptEventStream_DoneCarriesStructuredPrompt()
    {
        app.Upstream.Enqueue(FakeReply.Text("A keeper climbs.\n\nCinematography:\nCamera shot: low angle") with { Chunks = 3 });

        using var response = await PostStreamAsync("/api/structure-prompt", new { currentPrompt = "A keeper climbs, low angle." });
        var events = await ReadEventsAsync(response);

        Assert.Equal("done", events[^1].Name);
        Assert.Equal("A keeper climbs.\n\nCinematography:\nCamera shot: low angle", events[^1].Data.GetProperty("structuredPrompt").GetString());
    }

    [Fact]
    public async Task Structure_EmptyPromptWithEventStream_OnlyDoneWithEmptyTextAndNoUpstreamCall()
    {
        var before = app.Upstream.RequestCount;

        using var response = await PostStreamAsync("/api/structure-prompt", new { currentPrompt = "" });
        var events = await ReadEventsAsync(response);

        var done = Assert.Single(events);
        Assert.Equal("done", done.Name);
        Assert.Equal(string.Empty, done.Data.GetProperty("structuredPrompt").GetString());
        Assert.Equal("offline", done.Data.GetProperty("engine").GetString());
        Assert.Equal(before, app.Upstream.RequestCount);
    }

    [Fact]
    public async Task Enhance_SlowUpstreamChunks_FirstDeltaArrivesBeforeTheUpstreamFinishes()
    {
        app.Upstream.Enqueue(FakeReply.Text(ModelText) with { Chunks = 3, ChunkInterval = TimeSpan.FromMilliseconds(300) });

        using var response = await PostStreamAsync("/api/enhance-prompt", EnhanceBody);
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var reader = new StreamReader(stream);
        var firstData = await NextDataLineAsync(reader);
        var sinceFirst = Stopwatch.StartNew();
        while (await reader.ReadLineAsync() is not null)
        {
        }

        Assert.NotNull(firstData);
        Assert.True(sinceFirst.Elapsed >= TimeSpan.FromMilliseconds(250), $"the rest came {sinceFirst.ElapsedMilliseconds} ms after the first delta: it was buffered");
    }

    [Fact]
    public async Task Enhance_UpstreamTruncatedMidStream_EndsWithErrorEventInTheErrorShape()
    {
        app.Upstream.Enqueue(FakeReply.TruncatedStream("A lighthouse keeper climbs the spiral stairs"));

        using var response = await PostStreamAsync("/api/enhance-prompt", EnhanceBody);
        var events = await ReadEventsAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(events, e => e.Name == "delta");
        Assert.DoesNotContain(events, e => e.Name == "done");
        var error = events[^1];
        Assert.Equal("error", error.Name);
        Assert.StartsWith("upstream_", error.Data.GetProperty("code").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(error.Data.GetProperty("error").GetString()));
        Assert.Equal(response.Headers.GetValues("X-Request-Id").Single(), error.Data.GetProperty("requestId").GetString());
    }

    [Fact]
    public async Task Enhance_UpstreamFailsBeforeFirstDelta_StreamsTheOfflineAnswerWithFallbackReason()
    {
        app.Upstream.Enqueue(FakeReply.Status(401, "bad key"));

        using var response = await PostStreamAsync("/api/enhance-prompt", EnhanceBody);
        var events = await ReadEventsAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var done = events[^1];
        Assert.Equal("done", done.Name);
        Assert.Equal("offline", done.Data.GetProperty("engine").GetString());
        Assert.Equal("upstream_auth_failed", done.Data.GetProperty("fallbackReason").GetString());
        var text = done.Data.GetProperty("enhancedPrompt").GetString();
        Assert.False(string.IsNullOrWhiteSpace(text));
        Assert.Equal(text, string.Concat(events.Where(e => e.Name == "delta").Select(e => e.Data.GetProperty("text").GetString())));
    }

    [Fact]
    public async Task AutoGenerate_TooFewWordsWithEventStream_Returns400JsonWithoutCallingUpstream()
    {
        var before = app.Upstream.RequestCount;

        using var response = await PostStreamAsync("/api/auto-generate-prompt", new { basicPrompt = "two words" });
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Basic prompt must contain at least 3 words", error.GetProperty("error").GetString());
        Assert.Equal("validation_failed", error.GetProperty("code").GetString());
        Assert.Equal(before, app.Upstream.RequestCount);
    }

    [Fact]
    public async Task Enhance_PromptTooLongWithEventStream_Returns400JsonFromAnnotations()
    {
        var body = new { currentPrompt = new string('a', 10_001), enhancement = new { title = "Golden hour", category = "lighting" } };

        using var response = await PostStreamAsync("/api/enhance-prompt", body);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("validation_failed", error.GetProperty("code").GetString());
        Assert.Equal("currentPrompt must be at most 10,000 characters.", error.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Enhance_BothEnhancementFormsWithEventStream_Returns400Json()
    {
        var single = new { title = "Golden hour", category = "lighting" };
        var body = new { currentPrompt = "A keeper.", enhancement = single, enhancements = new[] { single } };

        using var response = await PostStreamAsync("/api/enhance-prompt", body);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Send either enhancement or enhancements, not both.", error.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Enhance_WithoutEventStreamAccept_StillAnswersOneJsonObject()
    {
        app.Upstream.Enqueue(FakeReply.Text(ModelText) with { Chunks = 4 });
        using var client = app.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/enhance-prompt", EnhanceBody);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(ModelText, body.GetProperty("enhancedPrompt").GetString());
    }

    private async Task<HttpResponseMessage> PostStreamAsync(string path, object body)
    {
        var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    internal static async Task<List<StreamEvent>> ReadEventsAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        var events = new List<StreamEvent>();
        foreach (var block in text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            string? name = null;
            var data = new StringBuilder();
            foreach (var line in block.Split('\n'))
            {
                if (line.StartsWith("event:", StringComparison.Ordinal))
                {
                    name = line[6..].Trim();
                }
                else if (line.StartsWith("data:", StringComparison.Ordinal))
                {
                    data.Append(line[5..].TrimStart());
                }
            }

            events.Add(new StreamEvent(name ?? "message", JsonDocument.Parse(data.ToString()).RootElement.Clone()));
        }

        return events;
    }

    private static async Task<string?> NextDataLineAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                return line;
            }
        }

        return null;
    }

    internal sealed record StreamEvent(string Name, JsonElement Data);
}

public sealed class PromptStreamingWithoutFallbackTests(AppFactory<NoFallback> app) : IClassFixture<AppFactory<NoFallback>>
{
    [Fact]
    public async Task AutoGenerate_UpstreamFailsBeforeFirstDelta_ReturnsTheJsonErrorStatus()
    {
        app.Upstream.Enqueue(FakeReply.Status(401, "bad key"));
        var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auto-generate-prompt")
        {
            Content = JsonContent.Create(new { basicPrompt = "lighthouse keeper at dusk" }),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));

        using var response = await client.SendAsync(request);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("upstream_auth_failed", error.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("requestId").GetString()));
    }
}
