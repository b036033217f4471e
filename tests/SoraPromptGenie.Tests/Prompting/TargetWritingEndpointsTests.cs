using System.Net;
using SoraPromptGenie.Core.Engines.Prompts;
using SoraPromptGenie.FakeUpstream;
using SoraPromptGenie.Tests.Infrastructure;
using SoraPromptGenie.Tests.Ops;

namespace SoraPromptGenie.Tests.Prompting;

/// <summary>The optional <c>target</c> of the four AI endpoints, through the real pipeline and the fake upstream.</summary>
public sealed class TargetWritingEndpointsTests : IClassFixture<AppFactory<PublicSite>>, IDisposable
{
    private static readonly string LongAnswer = string.Concat(Enumerable.Repeat(
        "The subject sprints across the wet rooftop and leaps the gap. The camera tracks low and fast beside the runner. Neon signs flicker in the rain behind, steam rising from vents. ", 6)).Trim();

    private readonly AppFactory<PublicSite> _app;
    private readonly HttpClient _client;

    public TargetWritingEndpointsTests(AppFactory<PublicSite> app)
    {
        _app = app;
        _app.Upstream.Reset();
        _client = app.CreateClient();
    }

    public void Dispose() => _client.Dispose();

    public static TheoryData<string, string> Endpoints => new()
    {
        { "/api/enhance-prompt", """{"currentPrompt":"A fox in snow.","enhancement":{"title":"Low Angle","description":"Camera below eye level.","category":"camera-angles"},"target":"sora-3"}""" },
        { "/api/generate-suggestions", """{"category":"lighting","count":2,"target":"sora-3"}""" },
        { "/api/auto-generate-prompt", """{"basicPrompt":"a fox crossing a snowy road","target":"sora-3"}""" },
        { "/api/structure-prompt", """{"currentPrompt":"A fox in snow.","target":"sora-3"}""" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Post_UnknownTarget_400ValidationFailedNamingTheKnownTargets_NoUpstreamCall(string path, string body)
    {
        using var response = await _client.PostJsonAsync(path, body);

        var error = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.StartsWith("target sora-3 is not a known target; choose ", error, StringComparison.Ordinal);
        Assert.Contains("runway-gen4.5", error, StringComparison.Ordinal);
        Assert.Empty(_app.Upstream.Requests);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Post_TargetLongerThan64Characters_400(string path, string body)
    {
        using var response = await _client.PostJsonAsync(path, body.Replace("sora-3", new string('x', 65), StringComparison.Ordinal));

        var error = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("target must be at most 64 characters.", error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Post_KnownTarget_SendsTheTargetSystemPrompt(string path, string body)
    {
        _app.Upstream.Default = FakeReply.Auto(2);

        using var response = await _client.PostJsonAsync(path, body.Replace("sora-3", "Veo-3.1", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var system = Assert.Single(_app.Upstream.Requests).Messages[0].Content;
        Assert.StartsWith("You are a cinematographer who writes prompts for Veo 3.1 (Vertex AI)", system, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AutoGenerate_TargetAnswerOverItsLimit_SendsOneShortenRequestAndAnswersWithTheWarning()
    {
        _app.Upstream.Enqueue(FakeReply.Text(LongAnswer, completionTokens: 260), FakeReply.Text(LongAnswer + " Rain hammers the roof.", completionTokens: 270));

        using var response = await _client.PostJsonAsync("/api/auto-generate-prompt", """{"basicPrompt":"a runner crossing wet rooftops at night","target":"runway-gen4.5"}""");
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _app.Upstream.Requests.Count);
        var shorten = _app.Upstream.Requests[1];
        Assert.Equal(["system", "user", "assistant", "user"], shorten.Messages.Select(m => m.Role));
        Assert.Equal(LongAnswer, shorten.Messages[2].Content);
        Assert.Contains("Runway Gen-4.5 accepts at most 1,000 UTF-16 code units", shorten.Messages[3].Content, StringComparison.Ordinal);
        var text = body.GetProperty("generatedPrompt").GetString()!;
        Assert.True(text.Length <= 1000);
        Assert.StartsWith(text, LongAnswer, StringComparison.Ordinal);
        var warning = Assert.Single(body.GetProperty("warnings").EnumerateArray()).GetString();
        Assert.Contains("Runway Gen-4.5's prompt limit of 1,000 UTF-16 code units", warning, StringComparison.Ordinal);
        Assert.Equal(530, body.GetProperty("usage").GetProperty("outputTokens").GetInt64());
    }

    [Fact]
    public async Task AutoGenerate_NoTarget_LongAnswerIsReturnedAsItIsAfterOneRequest()
    {
        _app.Upstream.Enqueue(FakeReply.Text(LongAnswer));

        using var response = await _client.PostJsonAsync("/api/auto-generate-prompt", """{"basicPrompt":"a runner crossing wet rooftops at dawn"}""");
        var body = await response.ReadJsonAsync();

        Assert.Equal(LongAnswer, body.GetProperty("generatedPrompt").GetString());
        Assert.False(body.TryGetProperty("warnings", out _));
        Assert.Equal(ExpandPrompt.System, Assert.Single(_app.Upstream.Requests).Messages[0].Content);
    }

    [Fact]
    public async Task Structure_TargetUpstreamDown_OfflineAnswerFollowsTheTarget()
    {
        _app.Upstream.Default = FakeReply.Status(500);

        using var response = await _client.PostJsonAsync(
            "/api/structure-prompt", """{"currentPrompt":"A woman walks through rain. She says, \"We're late.\"","target":"seedance-2.0"}""");
        var body = await response.ReadJsonAsync();

        Assert.Equal("offline", body.GetProperty("engine").GetString());
        Assert.Equal("A woman walks through rain.\n\nAudio: She says, \"We're late.\"", body.GetProperty("structuredPrompt").GetString());
    }

    [Fact]
    public async Task GenerateSuggestions_SilentTargetUpstreamDown_OfflineCardsLeaveOutSound()
    {
        _app.Upstream.Default = FakeReply.Status(500);

        using var response = await _client.PostJsonAsync("/api/generate-suggestions", """{"category":"mood","count":20,"target":"runway-gen4.5"}""");
        var body = await response.ReadJsonAsync();

        var descriptions = body.GetProperty("suggestions").EnumerateArray().Select(s => s.GetProperty("description").GetString()!).ToList();
        Assert.NotEmpty(descriptions);
        Assert.DoesNotContain(descriptions, d => d.Contains("sound", StringComparison.OrdinalIgnoreCase));
    }
}
