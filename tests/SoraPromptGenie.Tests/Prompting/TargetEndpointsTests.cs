using System.Net;
using System.Text.Json;
using SoraPromptGenie.Core.Targets;
using SoraPromptGenie.Tests.Infrastructure;
using SoraPromptGenie.Tests.Ops;

namespace SoraPromptGenie.Tests.Prompting;

/// <summary><c>GET /api/targets</c> and <c>POST /api/video-request</c> through the app: deterministic, never a call to the LLM.</summary>
public sealed class TargetEndpointsTests : IClassFixture<AppFactory>, IDisposable
{
    private const string Prompt = "A red fox crosses a snowy road. \"So cold,\" she whispers.";

    private readonly AppFactory _app;
    private readonly HttpClient _client;

    public TargetEndpointsTests(AppFactory app)
    {
        _app = app;
        _app.Upstream.Reset();
        _client = app.CreateClient();
    }

    public void Dispose() => _client.Dispose();

    public static TheoryData<string> ExportableIds() =>
        [.. TargetCatalog.LoadEmbedded().All.Where(t => t.Request is not null).Select(t => t.Id)];

    [Fact]
    public async Task GetTargets_Always_ListsEveryProfileWithComputedStatusDatesVerifiedAndLimit()
    {
        using var response = await _client.GetPathAsync("/api/targets");
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var targets = body.EnumerateArray().ToDictionary(t => t.GetProperty("id").GetString()!, StringComparer.Ordinal);
        var catalog = TargetCatalog.LoadEmbedded();
        Assert.Equal(catalog.Ids, targets.Keys);
        foreach (var profile in catalog.All)
        {
            var target = targets[profile.Id];
            Assert.Equal(catalog.StatusOf(profile), target.GetProperty("status").GetString());
            Assert.Equal(profile.Verified, target.GetProperty("verified").GetBoolean());
            Assert.Equal(profile.Parameters.Count, target.GetProperty("parameters").GetArrayLength());
            Assert.NotEqual(0, target.GetProperty("guidance").GetArrayLength());
        }

        Assert.Equal("retired", targets["sora-2"].GetProperty("status").GetString());
        Assert.Equal("2026-09-24", targets["sora-2"].GetProperty("retiredOn").GetString());
        Assert.Equal("2026-11-17", targets["veo-3.1"].GetProperty("retiresOn").GetString());
        Assert.False(targets["kling-v3"].GetProperty("verified").GetBoolean());
        var limit = targets["runway-gen4.5"].GetProperty("promptLimit");
        Assert.Equal(1000, limit.GetProperty("max").GetInt32());
        Assert.Equal("utf16-units", limit.GetProperty("unit").GetString());
        Assert.Equal("tokens", targets["veo-3.1"].GetProperty("promptLimit").GetProperty("unit").GetString());
        var duration = targets["luma-ray-3.2"].GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "duration");
        Assert.Equal("video.duration", duration.GetProperty("path").GetString());
        Assert.Equal(["5s", "10s"], duration.GetProperty("allowed").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(JsonValueKind.Null, targets["generic"].GetProperty("url").ValueKind);
        Assert.Equal(0, _app.Upstream.RequestCount);
    }

    [Theory]
    [MemberData(nameof(ExportableIds))]
    public async Task VideoRequest_EachTarget_AnswersBodyHeadersCurlAndPoll(string id)
    {
        var profile = TargetCatalog.LoadEmbedded().Find(id)!;
        var parameters = profile.Parameters.Where(p => p.Required).ToDictionary(p => p.Name, p => p.Values[0]);

        using var response = await _client.PostJsonAsync("/api/video-request", JsonSerializer.Serialize(new { target = id, prompt = Prompt, parameters }));
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(id, body.GetProperty("target").GetProperty("id").GetString());
        Assert.Equal(profile.Request!.Method, body.GetProperty("method").GetString());
        Assert.Equal(profile.Request.Encoding, body.GetProperty("encoding").GetString());
        Assert.Contains(Prompt, body.GetProperty("body").GetRawText().Replace("\\u0022", "\"", StringComparison.Ordinal).Replace("\\\"", "\"", StringComparison.Ordinal), StringComparison.Ordinal);
        var auth = body.GetProperty("headers").GetProperty(profile.Request.Auth.Header).GetString()!;
        Assert.EndsWith("$" + profile.Request.Auth.Variable, auth, StringComparison.Ordinal);
        var curl = body.GetProperty("curl").GetString()!;
        Assert.StartsWith("curl ", curl, StringComparison.Ordinal);
        Assert.Contains("$" + profile.Request.Auth.Variable, curl, StringComparison.Ordinal);
        Assert.Equal(profile.Flow!.Mode == FlowMode.Poll, body.TryGetProperty("poll", out var poll));
        if (profile.Flow.Mode == FlowMode.Poll)
        {
            Assert.StartsWith("curl ", poll.GetProperty("curl").GetString(), StringComparison.Ordinal);
            Assert.Contains("${" + profile.Flow.IdVariable + "}", poll.GetProperty("curl").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(JsonValueKind.Array, body.GetProperty("warnings").ValueKind);
    }

    [Fact]
    public async Task VideoRequest_Sora2_MatchesTheSoraRequestExport()
    {
        using var video = await _client.PostJsonAsync("/api/video-request", JsonSerializer.Serialize(new { target = "sora-2", prompt = Prompt, parameters = new { size = "1280x720", seconds = 8 } }));
        using var sora = await _client.PostJsonAsync("/api/sora-request", JsonSerializer.Serialize(new { model = "sora-2", prompt = Prompt, size = "1280x720", seconds = "8" }));
        var videoBody = await video.ReadJsonAsync();
        var soraBody = await sora.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, video.StatusCode);
        Assert.Equal(soraBody.GetProperty("curl").GetString(), videoBody.GetProperty("curl").GetString());
        Assert.Equal(soraBody.GetProperty("body").GetRawText(), videoBody.GetProperty("body").GetRawText());
        Assert.Equal(soraBody.GetProperty("url").GetString(), videoBody.GetProperty("url").GetString());
        Assert.Equal("retired", videoBody.GetProperty("target").GetProperty("status").GetString());
        Assert.Contains(videoBody.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.StartsWith("sora-2 is retired", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SoraRequest_AfterTargetsAdded_AnswersTheSameFieldsAsBefore()
    {
        using var response = await _client.PostJsonAsync("/api/sora-request", """{"prompt":"A fox.","model":"sora-2-pro","size":"1792x1024","seconds":"12"}""");
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["body", "curl", "method", "url", "encoding", "target"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal("""{"model":"sora-2-pro","prompt":"A fox.","size":"1792x1024","seconds":"12"}""", body.GetProperty("body").GetRawText());
        Assert.Equal("https://api.openai.com/v1/videos", body.GetProperty("url").GetString());
        Assert.Equal("multipart/form-data", body.GetProperty("encoding").GetString());
        var target = body.GetProperty("target");
        Assert.Equal(["id", "displayName", "status", "retiredOn", "note"], target.EnumerateObject().Select(p => p.Name));
        Assert.Equal("retired", target.GetProperty("status").GetString());
        Assert.Equal("2026-09-24", target.GetProperty("retiredOn").GetString());
    }

    [Theory]
    [InlineData("""{"prompt":"A fox.","model":"veo-3.1"}""", "Model veo-3.1 is not a known target; choose sora-2 or sora-2-pro.")]
    [InlineData("""{"prompt":"A fox.","model":"generic"}""", "Model generic is not a known target; choose sora-2 or sora-2-pro.")]
    public async Task SoraRequest_NewTarget_IsStillRefusedAsBefore(string json, string message)
    {
        using var response = await _client.PostJsonAsync("/api/sora-request", json);

        var error = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(message, error);
    }

    [Theory]
    [InlineData("""{"target":"veo-4","prompt":"A fox."}""", "target veo-4 is not a known target; choose gemini-omni-1.1-flash")]
    [InlineData("""{"prompt":"A fox."}""", "target is required")]
    [InlineData("""{"target":"generic","prompt":"A fox."}""", "target generic has no API to send a request to")]
    [InlineData("""{"target":"luma-ray-3.2","prompt":"A fox.","parameters":{"resolution":"4k"}}""", "resolution 4k is not available for luma-ray-3.2; choose 540p, 720p or 1080p.")]
    [InlineData("""{"target":"runway-veo3.1","prompt":"A fox.","parameters":{"duration":5}}""", "duration 5 is not available for runway-veo3.1; choose 4, 6 or 8.")]
    [InlineData("""{"target":"runway-veo3.1","prompt":"A fox.","parameters":{"size":"1280x720"}}""", "size is not a parameter of runway-veo3.1; use ratio, duration or audio.")]
    [InlineData("""{"target":"runway-veo3.1","prompt":"A fox.","parameters":{"ratio":["1280:720"]}}""", "parameters.ratio must be a string, a number or true/false.")]
    [InlineData("""{"target":"veo-3.1","prompt":"A fox.","parameters":{"resolution":"1080p","durationSeconds":4}}""", "durationSeconds 4 is not available with resolution 1080p on veo-3.1; choose 8.")]
    [InlineData("""{"target":"runway-gen4.5","prompt":"A fox."}""", "duration is required by runway-gen4.5")]
    [InlineData("""{"target":"sora-2","prompt":"   "}""", "prompt is required")]
    public async Task VideoRequest_BadInput_Returns400NamingTheProblem(string json, string message)
    {
        using var response = await _client.PostJsonAsync("/api/video-request", json);

        var error = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VideoRequest_PromptOverTargetLimit_Returns400NamingLimitAndUnit()
    {
        var json = JsonSerializer.Serialize(new { target = "runway-veo3.1", prompt = new string('a', 1001) });

        using var response = await _client.PostJsonAsync("/api/video-request", json);

        var error = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal("prompt is 1,001 UTF-16 code units; runway-veo3.1 takes at most 1,000 UTF-16 code units. Shorten it.", error);
    }

    [Theory]
    [InlineData("\u001b")]
    [InlineData("\u0003")]
    [InlineData("\r")]
    [InlineData("\u202e")]
    public async Task VideoRequest_ControlCharacterInAnyField_Returns400NamingTheField(string c)
    {
        var bad = "A fox" + c + " runs; echo pwned";
        (string Field, object Body)[] cases =
        [
            ("prompt", new { target = "kling-v3", prompt = bad }),
            ("negativePrompt", new { target = "kling-v3", prompt = "A fox.", negativePrompt = bad }),
            ("parameters.mode", new { target = "kling-v3", prompt = "A fox.", parameters = new { mode = bad } }),
        ];

        foreach (var (field, body) in cases)
        {
            using var response = await _client.PostJsonAsync("/api/video-request", JsonSerializer.Serialize(body));

            var error = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
            Assert.StartsWith(field + " contains control character", error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task VideoRequest_InvalidUtf8InParameterValue_Returns400InvalidJson()
    {
        var json = System.Text.Encoding.UTF8.GetBytes("""{"target":"veo-3.1","prompt":"A fox.","parameters":{"resolution":"1080p"}}""");
        json[Array.LastIndexOf(json, (byte)'1')] = 0xFF;
        using var content = new ByteArrayContent(json);
        content.Headers.ContentType = new("application/json");

        using var response = await _client.PostAsync(new Uri("/api/video-request", UriKind.Relative), content);

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_json");
    }

    [Fact]
    public async Task VideoRequest_CrlfInPrompt_IsReadAsLineBreak()
    {
        using var response = await _client.PostJsonAsync("/api/video-request", """{"target":"seedance-2.0","prompt":"A fox runs.\r\nIt stops."}""");
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("A fox runs.\nIt stops.", body.GetProperty("body").GetProperty("content")[0].GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("kling-v3", "negative_prompt")]
    [InlineData("veo-3.1", "parameters.negativePrompt")]
    public async Task VideoRequest_NegativePromptOnTargetWithField_GoesToThatField(string id, string path)
    {
        using var response = await _client.PostJsonAsync("/api/video-request", JsonSerializer.Serialize(new { target = id, prompt = "A fox.", negativePrompt = "smoke" }));
        var body = (await response.ReadJsonAsync()).GetProperty("body");

        var field = path.Split('.').Aggregate(body, (node, name) => node.GetProperty(name));
        Assert.Equal("smoke", field.GetString());
    }

    [Fact]
    public async Task VideoRequest_NegativePromptOnOmni_IsFoldedIntoThePromptWithWarning()
    {
        using var response = await _client.PostJsonAsync("/api/video-request", """{"target":"gemini-omni-1.1-flash","prompt":"A fox.","negativePrompt":"dialogue, extra sound effects"}""");
        var body = await response.ReadJsonAsync();

        Assert.Equal("A fox.\n\nNo dialogue. No extra sound effects.", body.GetProperty("body").GetProperty("input").GetString());
        Assert.Contains(body.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("written into the prompt", StringComparison.Ordinal));
        Assert.StartsWith("steps[type=model_output]", body.GetProperty("result").GetString(), StringComparison.Ordinal);
        Assert.False(body.TryGetProperty("poll", out _));
    }

    [Fact]
    public async Task VideoRequest_RateLimit_SamePolicyAsTheSoraExport()
    {
        using var video = await _client.PostJsonAsync("/api/video-request", """{"target":"kling-v3","prompt":"A fox."}""");
        using var sora = await _client.PostJsonAsync("/api/sora-request", """{"prompt":"A fox."}""");

        Assert.False(string.IsNullOrEmpty(video.Header("RateLimit-Limit")));
        Assert.Equal(sora.Header("RateLimit-Limit"), video.Header("RateLimit-Limit"));
    }
}
