using System.Net;
using System.Text.Json;
using SoraPromptGenie.Tests.Infrastructure;
using SoraPromptGenie.Tests.Ops;

namespace SoraPromptGenie.Tests.Prompting;

/// <summary>Lint, target profiles and the video request export: deterministic, and never a call to the LLM.</summary>
public sealed class GuideEndpointsTests : IClassFixture<AppFactory>, IDisposable
{
    private readonly AppFactory _app;
    private readonly HttpClient _client;

    public GuideEndpointsTests(AppFactory app)
    {
        _app = app;
        _app.Upstream.Reset();
        _client = app.CreateClient();
    }

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task LintPrompt_Prompt_ReturnsScoreAndFindingsDeterministicallyWithoutLlm()
    {
        const string json = """{"prompt":"A beautiful cinematic look of a city, make it 20 seconds in 4K."}""";

        using var first = await _client.PostJsonAsync("/api/lint-prompt", json);
        using var second = await _client.PostJsonAsync("/api/lint-prompt", json);
        var body = await first.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.InRange(body.GetProperty("score").GetInt32(), 0, 100);
        var findings = body.GetProperty("findings").EnumerateArray().ToList();
        Assert.NotEmpty(findings);
        Assert.All(findings, f =>
        {
            Assert.False(string.IsNullOrEmpty(f.GetProperty("rule").GetString()));
            Assert.Contains(f.GetProperty("severity").GetString(), new[] { "info", "warning", "error" });
            Assert.False(string.IsNullOrEmpty(f.GetProperty("message").GetString()));
        });
        Assert.Contains(findings, f => f.GetProperty("rule").GetString() == "prose-parameters");
        Assert.Contains(findings, f => f.GetProperty("rule").GetString() == "vague-words");
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(0, _app.Upstream.RequestCount);
    }

    [Fact]
    public async Task LintPrompt_EmptyPrompt_ReportsEmptyRule()
    {
        using var response = await _client.PostJsonAsync("/api/lint-prompt", """{"prompt":""}""");
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(body.GetProperty("findings").EnumerateArray(), f => f.GetProperty("rule").GetString() == "empty");
    }

    [Fact]
    public async Task LintPrompt_PromptOverLimit_Returns400()
    {
        using var response = await _client.PostJsonAsync("/api/lint-prompt", $$"""{"prompt":"{{new string('a', 10_001)}}"}""");

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task LintPrompt_WithTarget_AddsThatTargetsRules()
    {
        const string json = """{"prompt":"A fox crosses a road without cars, 10 seconds.","target":"runway-gen4.5"}""";

        using var response = await _client.PostJsonAsync("/api/lint-prompt", json);
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var findings = body.GetProperty("findings").EnumerateArray().ToList();
        var parameter = Assert.Single(findings, f => f.GetProperty("rule").GetString() == "target-parameter");
        Assert.Contains("set duration (2 to 10) in Runway Gen-4.5's request", parameter.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(35, parameter.GetProperty("span").GetProperty("start").GetInt32());
        Assert.Contains(findings, f => f.GetProperty("rule").GetString() == "target-negative-avoid");
        Assert.DoesNotContain(findings, f => f.GetProperty("rule").GetString() == "prose-parameters");
        Assert.Equal(0, _app.Upstream.RequestCount);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("\"\"")]
    [InlineData("\"  \"")]
    public async Task LintPrompt_NoTargetNamed_AnswersExactlyAsWithoutTheField(string target)
    {
        const string prompt = "A fox crosses a road without cars, 10 seconds, in 4K.";

        using var without = await _client.PostJsonAsync("/api/lint-prompt", $$"""{"prompt":"{{prompt}}"}""");
        using var with = await _client.PostJsonAsync("/api/lint-prompt", $$"""{"prompt":"{{prompt}}","target":{{target}}}""");

        Assert.Equal(HttpStatusCode.OK, with.StatusCode);
        Assert.Equal(await without.Content.ReadAsStringAsync(), await with.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task LintPrompt_UnknownTarget_Returns400NamingTheKnownTargets()
    {
        using var response = await _client.PostJsonAsync("/api/lint-prompt", """{"prompt":"A fox crosses a road.","target":"sora-3"}""");

        var message = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("target sora-3 is not a known target", message, StringComparison.Ordinal);
        Assert.Contains("runway-gen4.5", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LintPrompt_TargetOver64Characters_Returns400()
    {
        using var response = await _client.PostJsonAsync("/api/lint-prompt", $$"""{"prompt":"A fox crosses a road.","target":"{{new string('x', 65)}}"}""");

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task GetTargets_Always_ListsSoraProfilesWithStatus()
    {
        using var response = await _client.GetPathAsync("/api/targets");
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var targets = body.EnumerateArray().ToDictionary(t => t.GetProperty("id").GetString()!, StringComparer.Ordinal);
        Assert.Contains("sora-2", targets.Keys);
        Assert.Contains("sora-2-pro", targets.Keys);
        Assert.Equal("retired", targets["sora-2"].GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(targets["sora-2-pro"].GetProperty("displayName").GetString()));
    }

    [Theory]
    [InlineData("sora-2", "1280x720", "\"4\"")]
    [InlineData("sora-2", "720x1280", "\"12\"")]
    [InlineData("sora-2-pro", "1792x1024", "\"8\"")]
    [InlineData("sora-2-pro", "1024x1792", "8")]
    public async Task SoraRequest_ValidCombination_ReturnsMultipartBodyAndCurl(string model, string size, string secondsJson)
    {
        var json = $$"""{"prompt":"A red fox crosses a snowy road.","model":"{{model}}","size":"{{size}}","seconds":{{secondsJson}}}""";

        using var response = await _client.PostJsonAsync("/api/sora-request", json);
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var request = body.GetProperty("body");
        Assert.Equal(model, request.GetProperty("model").GetString());
        Assert.Equal("A red fox crosses a snowy road.", request.GetProperty("prompt").GetString());
        Assert.Equal(size, request.GetProperty("size").GetString());
        Assert.Equal(JsonSerializer.Deserialize<JsonElement>(secondsJson).ToString(), request.GetProperty("seconds").GetString());
        var curl = body.GetProperty("curl").GetString()!;
        Assert.Contains("/v1/videos", curl, StringComparison.Ordinal);
        Assert.Contains("-F", curl, StringComparison.Ordinal);
        Assert.Equal("POST", body.GetProperty("method").GetString());
    }

    [Fact]
    public async Task SoraRequest_OnlyPrompt_UsesDefaultsOfSora2()
    {
        using var response = await _client.PostJsonAsync("/api/sora-request", """{"prompt":"A red fox crosses a snowy road."}""");
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var request = body.GetProperty("body");
        Assert.Equal("sora-2", request.GetProperty("model").GetString());
        Assert.Equal("720x1280", request.GetProperty("size").GetString());
        Assert.Equal("4", request.GetProperty("seconds").GetString());
    }

    [Theory]
    [InlineData("""{"prompt":"A fox.","model":"sora-2","size":"1792x1024"}""")]
    [InlineData("""{"prompt":"A fox.","model":"sora-2","size":"1024x1792"}""")]
    [InlineData("""{"prompt":"A fox.","model":"sora-2-pro","seconds":"20"}""")]
    [InlineData("""{"prompt":"A fox.","model":"sora-2","seconds":5}""")]
    [InlineData("""{"prompt":"A fox.","model":"sora-3"}""")]
    [InlineData("""{"prompt":"A fox.","size":"3840x2160"}""")]
    [InlineData("""{"prompt":"   "}""")]
    [InlineData("""{"model":"sora-2"}""")]
    public async Task SoraRequest_InvalidCombination_Returns400(string json)
    {
        using var response = await _client.PostJsonAsync("/api/sora-request", json);

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
    }
}
