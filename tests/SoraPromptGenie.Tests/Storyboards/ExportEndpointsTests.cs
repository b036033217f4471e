using System.Net;
using System.Text.Json;
using SoraPromptGenie.Core.Targets;
using SoraPromptGenie.Tests.Infrastructure;
using SoraPromptGenie.Tests.Ops;

namespace SoraPromptGenie.Tests.Storyboards;

/// <summary><c>POST /api/storyboards/lint</c> and <c>/export</c> through the app's pipeline: answers and the 400s.</summary>
public sealed class ExportEndpointsTests : IClassFixture<AppFactory>, IDisposable
{
    private const string Raincoat = "a tall woman in a yellow raincoat";
    private readonly HttpClient _client;

    public ExportEndpointsTests(AppFactory app)
    {
        app.Upstream.Reset();
        _client = app.CreateClient();
    }

    public void Dispose() => _client.Dispose();

    private static object Board(params int[] seconds) => new
    {
        title = "Lighthouse",
        continuity = new { characters = new[] { new { name = "Mara", description = Raincoat } } },
        shots = seconds.Select((s, i) => new
        {
            prompt = $"Mara, {Raincoat}, climbs stair {i + 1} of the lighthouse. Medium shot, the camera slowly dollies in.",
            seconds = s,
        }).ToArray(),
    };

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string path, object body)
    {
        using var response = await _client.PostJsonAsync(path, JsonSerializer.Serialize(body));
        return (response.StatusCode, await response.ReadJsonAsync());
    }

    [Fact]
    public async Task Export_KlingV3_AnswersOneRequestInTheVideoRequestShapeWithItsShotsAndTheShotList()
    {
        var (status, body) = await PostAsync("/api/storyboards/export", new { storyboard = Board(4, 6), target = "kling-v3", parameters = new { mode = "pro" } });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("multi-prompt", body.GetProperty("mode").GetString());
        var request = Assert.Single(body.GetProperty("requests").EnumerateArray().ToList());
        Assert.Equal([1, 2], request.GetProperty("shots").EnumerateArray().Select(s => s.GetInt32()));
        var sent = request.GetProperty("request");
        foreach (var field in new[] { "target", "method", "url", "headers", "body", "encoding", "curl", "poll", "warnings" })
        {
            Assert.True(sent.TryGetProperty(field, out _), field);
        }

        Assert.Equal("10", sent.GetProperty("body").GetProperty("duration").GetString());
        Assert.Equal("pro", sent.GetProperty("body").GetProperty("mode").GetString());
        Assert.Equal(2, sent.GetProperty("body").GetProperty("multi_prompt").GetArrayLength());
        Assert.StartsWith("# Lighthouse\n", body.GetProperty("shotList").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(0, body.GetProperty("warnings").GetArrayLength());
    }

    [Fact]
    public async Task Export_PerShotTarget_OneRequestPerShot()
    {
        var (status, body) = await PostAsync("/api/storyboards/export", new { storyboard = Board(4, 8), target = "veo-3.1" });

        Assert.Equal(HttpStatusCode.OK, status);
        var requests = body.GetProperty("requests").EnumerateArray().ToList();
        Assert.Equal([4, 8], requests.Select(r => r.GetProperty("request").GetProperty("body").GetProperty("parameters").GetProperty("durationSeconds").GetInt32()));
    }

    [Theory]
    [InlineData("kling-v3", new[] { 10, 10 }, "Kling 3 makes at most 15 seconds in one request; this storyboard runs 20 seconds.")]
    [InlineData("kling-v3", new[] { 2, 2, 2, 2, 2, 2, 2 }, "Kling 3 takes at most 6 shots in one request; this storyboard has 7.")]
    [InlineData("veo-3.1", new[] { 4, 5 }, "Shot 2: durationSeconds 5 is not available for veo-3.1")]
    public async Task Export_StoryboardTheTargetCannotMake_Is400ValidationFailedSayingWhy(string target, int[] seconds, string expected)
    {
        var (status, body) = await PostAsync("/api/storyboards/export", new { storyboard = Board(seconds), target });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("validation_failed", body.GetProperty("code").GetString());
        Assert.StartsWith(expected, body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/storyboards/lint")]
    [InlineData("/api/storyboards/export")]
    public async Task UnknownTarget_Is400NamingTheKnownIds(string path)
    {
        var (status, body) = await PostAsync(path, new { storyboard = Board(4, 4), target = "sora-3" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("validation_failed", body.GetProperty("code").GetString());
        var error = body.GetProperty("error").GetString()!;
        Assert.StartsWith("target sora-3 is not a known target; choose ", error, StringComparison.Ordinal);
        Assert.All(TargetCatalog.LoadEmbedded().Ids, id => Assert.Contains(id, error, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/api/storyboards/lint")]
    [InlineData("/api/storyboards/export")]
    public async Task InvalidStoryboard_Is400WithStoryboardChecksMessage(string path)
    {
        var (status, body) = await PostAsync(path, new { storyboard = Board(4), target = "veo-3.1" });
        var (missingStatus, missing) = await PostAsync(path, new { target = "veo-3.1" });
        var (secondsStatus, seconds) = await PostAsync(path, new { storyboard = Board(4, 61), target = "veo-3.1" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("storyboard.shots must hold 2 to 12 shots.", body.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, missingStatus);
        Assert.Equal("storyboard is required.", missing.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, secondsStatus);
        Assert.Equal("storyboard.shots[1].seconds must be 1 to 60.", seconds.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Export_WithoutATarget_Is400()
    {
        var (status, body) = await PostAsync("/api/storyboards/export", new { storyboard = Board(4, 4) });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("validation_failed", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Lint_AnswersTheScoreTheStoryboardFindingsAndEachShotsReport()
    {
        var (status, body) = await PostAsync("/api/storyboards/lint", new { storyboard = Board(4, 12), target = "runway-gen4.5" });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.InRange(body.GetProperty("score").GetInt32(), 0, 100);
        Assert.Equal(2, body.GetProperty("shots").GetArrayLength());
        Assert.Equal("runway-gen4.5", body.GetProperty("target").GetString());
        var finding = Assert.Single(body.GetProperty("findings").EnumerateArray().ToList());
        Assert.Equal("storyboard-shot-length", finding.GetProperty("rule").GetString());
        Assert.Equal([2], finding.GetProperty("shots").EnumerateArray().Select(s => s.GetInt32()));
    }

    [Fact]
    public async Task Lint_AShotNamingTheCharacterWithoutItsDescription_IsFoundThroughTheApi()
    {
        var board = new
        {
            continuity = new { characters = new[] { new { name = "Mara", description = Raincoat } } },
            shots = new[]
            {
                new { prompt = $"Mara, {Raincoat}, climbs the spiral stairs. Medium shot, the camera slowly dollies in.", seconds = 4 },
                new { prompt = "Mara lights the great lamp. Close-up, static shot.", seconds = 6 },
            },
        };

        var (status, body) = await PostAsync("/api/storyboards/lint", new { storyboard = board, target = "kling-v3" });

        Assert.Equal(HttpStatusCode.OK, status);
        var finding = Assert.Single(body.GetProperty("findings").EnumerateArray().ToList());
        Assert.Equal("storyboard-character", finding.GetProperty("rule").GetString());
    }
}
