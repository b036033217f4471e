using System.Net;
using System.Text.Json;
using SoraPromptGenie.Core.Engines.Prompts;
using SoraPromptGenie.FakeUpstream;
using SoraPromptGenie.Ops;
using SoraPromptGenie.Tests.Infrastructure;
using SoraPromptGenie.Tests.Ops;

namespace SoraPromptGenie.Tests.Prompting;

/// <summary>The four original AI endpoints through the real pipeline: what the client gets and what the upstream received.</summary>
public sealed class PromptingEndpointsTests : IClassFixture<AppFactory<PublicSite>>, IDisposable
{
    // The fake listens on 127.0.0.1, so the label carries the base URL's host rather than "openrouter".
    private const string Engine = "127.0.0.1:test/primary-model";
    private const string GoldenHour = """{"title":"Golden Hour","description":"Low warm sun from behind the subject.","category":"lighting"}""";
    private const string LowAngle = """{"title":"Low Angle","description":"Camera below eye level looking up.","category":"camera-angles"}""";

    private readonly AppFactory<PublicSite> _app;
    private readonly HttpClient _client;

    public PromptingEndpointsTests(AppFactory<PublicSite> app)
    {
        _app = app;
        _app.Upstream.Reset();
        _client = app.CreateClient();
    }

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task EnhancePrompt_SingleEnhancement_ReturnsModelTextWithEngineAndUsage()
    {
        _app.Upstream.Enqueue(FakeReply.Text("A red fox crosses a snowy road at golden hour.", promptTokens: 40, completionTokens: 12));

        using var response = await _client.PostJsonAsync("/api/enhance-prompt", $$"""{"currentPrompt":"A red fox crosses a snowy road.","enhancement":{{GoldenHour}}}""");
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("A red fox crosses a snowy road at golden hour.", body.GetProperty("enhancedPrompt").GetString());
        Assert.Equal(Engine, body.GetProperty("engine").GetString());
        Assert.False(body.TryGetProperty("fallbackReason", out _));
        Assert.Equal(40, body.GetProperty("usage").GetProperty("inputTokens").GetInt64());
        Assert.Equal(12, body.GetProperty("usage").GetProperty("outputTokens").GetInt64());
    }

    [Fact]
    public async Task EnhancePrompt_SingleEnhancement_SendsModelMessagesAndAttributionHeaders()
    {
        _app.Upstream.Enqueue(FakeReply.Text("A red fox at golden hour."));

        using var response = await _client.PostJsonAsync("/api/enhance-prompt", $$"""{"currentPrompt":"A red fox crosses a snowy road.","enhancement":{{GoldenHour}}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var request = Assert.Single(_app.Upstream.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/api/v1/chat/completions", request.Path);
        Assert.Equal("test/primary-model", request.Model);
        Assert.Equal(["system", "user"], request.Messages.Select(m => m.Role));
        Assert.Equal(EnhancePrompt.System, request.Messages[0].Content);
        Assert.Contains("A red fox crosses a snowy road.", request.Messages[1].Content, StringComparison.Ordinal);
        Assert.Contains("Golden Hour", request.Messages[1].Content, StringComparison.Ordinal);
        Assert.Equal($"Bearer {AppFactory.ApiKey}", request.Headers["Authorization"]);
        Assert.Equal(PublicSite.SiteUrl, request.Headers["HTTP-Referer"]);
        Assert.Equal("SoraPromptGenie", request.Headers["X-Title"]);
    }

    [Fact]
    public async Task EnhancePrompt_NoTracerListening_StartsNoActivityAndStillGivesAW3CShapedRequestId()
    {
        _app.Upstream.Enqueue(FakeReply.Text("A red fox at golden hour."));

        using var response = await _client.PostJsonAsync("/api/enhance-prompt", $$"""{"currentPrompt":"A red fox crosses a snowy road.","enhancement":{{GoldenHour}}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-00$", response.Header(RequestContext.RequestIdHeader));

        // HttpClient propagates a trace context only from a current activity, so none means the host started none.
        Assert.False(Assert.Single(_app.Upstream.Requests).Headers.ContainsKey("traceparent"));
    }

    [Fact]
    public async Task EnhancePrompt_EmptyCurrentPrompt_WritesPromptAroundEnhancement()
    {
        _app.Upstream.Enqueue(FakeReply.Text("A quiet harbour at golden hour."));

        using var response = await _client.PostJsonAsync("/api/enhance-prompt", $$"""{"currentPrompt":"","enhancement":{{GoldenHour}}}""");
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("A quiet harbour at golden hour.", body.GetProperty("enhancedPrompt").GetString());
        Assert.Contains("Golden Hour", Assert.Single(_app.Upstream.Requests).Messages[1].Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnhancePrompt_EnhancementsArray_MergesAllInOneUpstreamCall()
    {
        _app.Upstream.Enqueue(FakeReply.Text("A red fox, low angle, golden hour, teal and amber, light rain."));
        const string mood = """{"title":"Melancholic","description":"Quiet, wistful tone.","category":"mood"}""";
        const string weather = """{"title":"Light Rain","description":"Fine drizzle catching the light.","category":"weather"}""";

        using var response = await _client.PostJsonAsync(
            "/api/enhance-prompt",
            $$"""{"currentPrompt":"A red fox crosses a snowy road.","enhancements":[{{GoldenHour}},{{LowAngle}},{{mood}},{{weather}}]}""");
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("A red fox, low angle, golden hour, teal and amber, light rain.", body.GetProperty("enhancedPrompt").GetString());
        Assert.Equal(Engine, body.GetProperty("engine").GetString());
        var request = Assert.Single(_app.Upstream.Requests);
        Assert.Equal(MergePrompt.System, request.Messages[0].Content);
        foreach (var title in new[] { "Golden Hour", "Low Angle", "Melancholic", "Light Rain" })
        {
            Assert.Contains(title, request.Messages[1].Content, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("camera-angles")]
    [InlineData("Camera Angles")]
    [InlineData("CAMERA ANGLES")]
    public async Task GenerateSuggestions_CategoryIdOrDisplayName_ReturnsCardsWithCategoryId(string category)
    {
        using var response = await _client.PostJsonAsync(
            "/api/generate-suggestions",
            $$"""{"category":{{JsonSerializer.Serialize(category)}},"count":3,"currentPrompt":"A red fox crosses a snowy road."}""");
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var suggestions = body.GetProperty("suggestions").EnumerateArray().ToList();
        Assert.Equal(3, suggestions.Count);
        Assert.All(suggestions, s =>
        {
            Assert.Equal("camera-angles", s.GetProperty("category").GetString());
            Assert.StartsWith("camera-angles/", s.GetProperty("id").GetString(), StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(s.GetProperty("title").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(s.GetProperty("description").GetString()));
        });
        Assert.Equal(3, suggestions.Select(s => s.GetProperty("id").GetString()).Distinct().Count());
        Assert.Equal(Engine, body.GetProperty("engine").GetString());
        Assert.Single(_app.Upstream.Requests);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(11)]
    public async Task GenerateSuggestions_ModelReturnsTwelve_ReturnsExactlyCount(int count)
    {
        _app.Upstream.Enqueue(FakeReply.Auto(12));

        using var response = await _client.PostJsonAsync("/api/generate-suggestions", $$"""{"category":"lighting","count":{{count}}}""");
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(count, body.GetProperty("suggestions").GetArrayLength());
    }

    [Fact]
    public async Task GenerateSuggestions_NoCount_ReturnsEight()
    {
        _app.Upstream.Enqueue(FakeReply.Auto(12));

        using var response = await _client.PostJsonAsync("/api/generate-suggestions", """{"category":"lighting"}""");
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(8, body.GetProperty("suggestions").GetArrayLength());
    }

    [Fact]
    public async Task AutoGeneratePrompt_ThreeWords_ReturnsExpandedPromptFromExpandInstructions()
    {
        _app.Upstream.Enqueue(FakeReply.Text("A red fox crosses a snowy road at night, lit by a single sodium lamp."));

        using var response = await _client.PostJsonAsync("/api/auto-generate-prompt", """{"basicPrompt":"fox crossing road"}""");
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("A red fox crosses a snowy road at night, lit by a single sodium lamp.", body.GetProperty("generatedPrompt").GetString());
        Assert.Equal(Engine, body.GetProperty("engine").GetString());
        var request = Assert.Single(_app.Upstream.Requests);
        Assert.Equal(ExpandPrompt.System, request.Messages[0].Content);
        Assert.Contains("fox crossing road", request.Messages[1].Content, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"basicPrompt":"fox road"}""")]
    [InlineData("""{"basicPrompt":"   fox    "}""")]
    [InlineData("""{"basicPrompt":""}""")]
    [InlineData("""{}""")]
    public async Task AutoGeneratePrompt_FewerThanThreeWords_ReturnsExactMessageWithoutUpstreamCall(string json)
    {
        using var response = await _client.PostJsonAsync("/api/auto-generate-prompt", json);

        var message = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal("Basic prompt must contain at least 3 words", message);
        Assert.Equal(0, _app.Upstream.RequestCount);
    }

    [Fact]
    public async Task StructurePrompt_Prompt_ReturnsModelTextFromStructureInstructions()
    {
        const string structured = "A red fox crosses a snowy road.\n\nCinematography:\nCamera shot: wide, low angle\nMood: hushed\n\nActions:\n- The fox takes four steps, pauses.";
        _app.Upstream.Enqueue(FakeReply.Text(structured));

        using var response = await _client.PostJsonAsync("/api/structure-prompt", """{"currentPrompt":"Low angle wide shot, a red fox crosses a snowy road, hushed mood."}""");
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(structured, body.GetProperty("structuredPrompt").GetString());
        Assert.Equal(Engine, body.GetProperty("engine").GetString());
        Assert.Equal(StructurePrompt.System, Assert.Single(_app.Upstream.Requests).Messages[0].Content);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    public async Task StructurePrompt_Empty_ReturnsEmptyWithoutUpstreamCall(string prompt)
    {
        using var response = await _client.PostJsonAsync("/api/structure-prompt", $$"""{"currentPrompt":{{JsonSerializer.Serialize(prompt)}}}""");
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, body.GetProperty("structuredPrompt").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("engine").GetString()));
        Assert.Equal(0, _app.Upstream.RequestCount);
    }

    [Fact]
    public async Task EnhancePrompt_LongestAllowedInputs_AreAccepted()
    {
        var prompt = new string('a', 10_000);
        var title = new string('t', 120);
        var description = new string('d', 500);

        using var response = await _client.PostJsonAsync(
            "/api/enhance-prompt",
            $$$"""{"currentPrompt":"{{{prompt}}}","enhancement":{"title":"{{{title}}}","description":"{{{description}}}","category":"lighting"}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_app.Upstream.Requests);
    }
}
