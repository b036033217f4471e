using System.Net;
using System.Text.Json;
using SoraPromptGenie.Core.Storyboards;
using SoraPromptGenie.FakeUpstream;
using SoraPromptGenie.Tests.Infrastructure;
using SoraPromptGenie.Tests.Ops;

namespace SoraPromptGenie.Tests.Storyboards;

/// <summary><c>POST /api/storyboards/draft</c> through the real pipeline against the fake upstream, with fallback to offline on.</summary>
public sealed class DraftEndpointTests : IClassFixture<AppFactory<OfflineFallback>>, IDisposable
{
    private const string Path = "/api/storyboards/draft";
    private const string Raincoat = "a tall woman in a yellow raincoat";
    private const string Setting = "a storm-lashed lighthouse";
    private const string Look = "Lit by cold blue dusk, in a palette of slate, teal and amber.";

    private readonly AppFactory<OfflineFallback> _app;
    private readonly HttpClient _client;

    public DraftEndpointTests(AppFactory<OfflineFallback> app)
    {
        _app = app;
        _app.Upstream.Reset();
        _client = app.CreateClient();
    }

    public void Dispose() => _client.Dispose();

    internal static string ModelBoard(int firstSeconds = 4, string secondPrompt = $"Mara, {Raincoat}, lights the lamp of {Setting} and looks out to sea. The camera slowly dollies in. {Look}") =>
        JsonSerializer.Serialize(new
        {
            continuity = new { characters = new[] { new { name = "Mara", description = Raincoat } }, setting = Setting, look = Look },
            shots = new object[]
            {
                new { prompt = $"Mara, {Raincoat}, climbs the stairs of {Setting}. Wide shot, the camera cranes up. {Look}", seconds = firstSeconds, camera = "wide; crane up", transition = "cut on the last step" },
                new { prompt = secondPrompt, seconds = 4, camera = "close-up; dolly in" },
            },
        });

    [Fact]
    public async Task Draft_ModelAnswersJson_StoryboardIsReadWithItsContinuityForTheTarget()
    {
        _app.Upstream.Enqueue(FakeReply.Text("Here it is:\n```json\n" + ModelBoard() + "\n```"));

        using var response = await _client.PostJsonAsync(Path, """{"idea":"a lighthouse keeper lights the lamp in a storm","target":"veo-3.1","shots":2}""");
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.EndsWith(":test/primary-model", body.GetProperty("engine").GetString(), StringComparison.Ordinal);
        Assert.Empty(body.GetProperty("warnings").EnumerateArray());
        var board = body.GetProperty("storyboard").Deserialize<Storyboard>(JsonSerializerOptions.Web)!;
        Assert.Equal("veo-3.1", board.Target);
        Assert.Equal(new StoryboardCharacter("Mara", Raincoat), Assert.Single(board.Continuity.Characters));
        Assert.Equal((Setting, Look), (board.Continuity.Setting, board.Continuity.Look));
        Assert.Equal([4, 4], board.Shots.Select(s => s.Seconds));
        Assert.Equal("cut on the last step", board.Shots[0].Transition);
        var request = Assert.Single(_app.Upstream.Requests);
        Assert.StartsWith("You are a cinematographer who writes prompts for Veo 3.1 (Vertex AI)", request.Messages[0].Content, StringComparison.Ordinal);
        Assert.Contains("Answer with a JSON object only", request.Messages[0].Content, StringComparison.Ordinal);
        Assert.Contains("Seconds per shot, in order: 4, 4", request.Messages[1].Content, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no JSON here, just a story about a lighthouse")]
    [InlineData("""{"shots": [], "continuity": {}}""")]
    public async Task Draft_UnusableAnswer_OfflineStoryboardWithAWarning(string answer)
    {
        _app.Upstream.Enqueue(FakeReply.Text(answer));

        using var response = await _client.PostJsonAsync(Path, """{"idea":"a lighthouse keeper lights the lamp in a storm","shots":2}""");
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("offline", body.GetProperty("engine").GetString());
        Assert.Equal("upstream_error", body.GetProperty("fallbackReason").GetString());
        Assert.Contains(
            "The language model did not give a usable storyboard (upstream_error); the offline engine wrote this one.",
            body.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));
        Assert.Equal(2, body.GetProperty("storyboard").GetProperty("shots").GetArrayLength());
        Assert.Equal(1, _app.Upstream.RequestCount);
    }

    [Theory]
    [InlineData(5, "lasts 5 seconds; veo-3.1 takes 4, 6 or 8 seconds")]
    [InlineData(4, "does not repeat")]
    public async Task Draft_AnswerBreaksLengthsOrContinuity_FallsBackToOffline(int firstSeconds, string _)
    {
        var board = firstSeconds == 5 ? ModelBoard(firstSeconds: 5) : ModelBoard(secondPrompt: $"Mara lights the lamp of {Setting}. The camera slowly dollies in. {Look}");
        _app.Upstream.Enqueue(FakeReply.Json(board));

        using var response = await _client.PostJsonAsync(Path, """{"idea":"a lighthouse keeper lights the lamp in a storm","target":"veo-3.1","shots":2}""");
        var body = await response.ReadJsonAsync();

        Assert.Equal("offline", body.GetProperty("engine").GetString());
        Assert.Equal("upstream_error", body.GetProperty("fallbackReason").GetString());
    }

    [Fact]
    public async Task Draft_Upstream500_FallsBackToOfflineLikeTheOtherOperations()
    {
        _app.Upstream.Default = FakeReply.Status(500);

        using var response = await _client.PostJsonAsync(Path, """{"idea":"a fox crossing a snowy road at night","totalSeconds":20}""");
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("offline", body.GetProperty("engine").GetString());
        Assert.Equal(20, body.GetProperty("storyboard").GetProperty("shots").EnumerateArray().Sum(s => s.GetProperty("seconds").GetInt32()));
    }

    [Theory]
    [InlineData("""{"idea":"a fox"}""", "idea must contain at least 3 words.")]
    [InlineData("""{}""", "idea must contain at least 3 words.")]
    [InlineData("""{"idea":"a fox crossing a road","target":"sora-3"}""", "target sora-3 is not a known target; choose ")]
    [InlineData("""{"idea":"a fox crossing a road","shots":13}""", "shots must be an integer from 2 to 12.")]
    [InlineData("""{"idea":"a fox crossing a road","shots":1}""", "shots must be an integer from 2 to 12.")]
    [InlineData("""{"idea":"a fox crossing a road","shots":3,"totalSeconds":30,"target":"veo-3.1"}""", "totalSeconds 30 cannot be split into 3 shots: each shot of veo-3.1 lasts 4, 6 or 8 seconds, so 3 shots last 12 to 24 seconds.")]
    [InlineData("""{"idea":"a fox crossing a road","totalSeconds":3}""", "totalSeconds must be from 4 to 144")]
    [InlineData("""{"idea":"a fox crossing a road","totalSeconds":0}""", "totalSeconds must be a positive integer of at most 720.")]
    [InlineData("""{"idea":"a fox crossing\u0007 a road"}""", "idea contains")]
    public async Task Draft_BadRequest_400ValidationFailed_NoUpstreamCall(string body, string message)
    {
        using var response = await _client.PostJsonAsync(Path, body);

        var error = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.StartsWith(message, error, StringComparison.Ordinal);
        Assert.Empty(_app.Upstream.Requests);
    }

    [Fact]
    public async Task Draft_UnknownTarget_NamesTheKnownTargets()
    {
        using var response = await _client.PostJsonAsync(Path, """{"idea":"a fox crossing a road","target":"sora-3"}""");

        Assert.Contains("runway-gen4.5", await response.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Draft_IdeaOverTheIdeaLimit_400()
    {
        var idea = string.Join(' ', Enumerable.Repeat("a fox runs", 700));

        using var response = await _client.PostJsonAsync(Path, JsonSerializer.Serialize(new { idea }));

        Assert.Equal("idea must be at most 2,000 characters.", await response.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed"));
    }
}
