using System.Net;
using System.Text;
using SoraPromptGenie.Tests.Infrastructure;
using SoraPromptGenie.Tests.Ops;

namespace SoraPromptGenie.Tests.Prompting;

/// <summary>The 4xx rows of the error table on the AI endpoints: none of them may reach (or pay for) the upstream.</summary>
public sealed class PromptingValidationTests : IClassFixture<AppFactory>, IDisposable
{
    private const string Lighting = """{"title":"Golden Hour","description":"Low warm sun.","category":"lighting"}""";

    private readonly AppFactory _app;
    private readonly HttpClient _client;

    public PromptingValidationTests(AppFactory app)
    {
        _app = app;
        _app.Upstream.Reset();
        _client = app.CreateClient();
    }

    public void Dispose() => _client.Dispose();

    public static TheoryData<string, string> InvalidRequests => new()
    {
        // enhance-prompt: missing, wrong type, both forms, too many, duplicates, too long.
        { "/api/enhance-prompt", """{"currentPrompt":"A fox."}""" },
        { "/api/enhance-prompt", """{"currentPrompt":"A fox.","enhancement":{"description":"d","category":"lighting"}}""" },
        { "/api/enhance-prompt", """{"currentPrompt":"A fox.","enhancement":{"title":"Golden Hour","description":"d"}}""" },
        { "/api/enhance-prompt", """{"currentPrompt":5,"enhancement":""" + Lighting + "}" },
        { "/api/enhance-prompt", """{"currentPrompt":"A fox.","enhancement":"lighting"}""" },
        { "/api/enhance-prompt", """{"currentPrompt":"A fox.","enhancement":{"title":["Golden Hour"],"category":"lighting"}}""" },
        { "/api/enhance-prompt", """{"currentPrompt":"A fox.","enhancement":""" + Lighting + ""","enhancements":[""" + Lighting + "]}" },
        { "/api/enhance-prompt", """{"currentPrompt":"A fox.","enhancements":[]}""" },
        { "/api/enhance-prompt", """{"currentPrompt":"A fox.","enhancements":""" + Lighting + "}" },
        { "/api/enhance-prompt", """{"currentPrompt":"A fox.","enhancements":[""" + ThirteenEnhancements() + "]}" },
        {
            "/api/enhance-prompt",
            """{"currentPrompt":"A fox.","enhancements":[""" + Lighting + """,{"title":"Neon","description":"Pink and cyan signs.","category":"Lighting"}]}"""
        },
        { "/api/enhance-prompt", $$"""{"currentPrompt":"{{new string('a', 10_001)}}","enhancement":{{Lighting}}}""" },
        { "/api/enhance-prompt", $$$"""{"currentPrompt":"A fox.","enhancement":{"title":"{{{new string('t', 121)}}}","category":"lighting"}}""" },
        { "/api/enhance-prompt", $$$"""{"currentPrompt":"A fox.","enhancement":{"title":"T","description":"{{{new string('d', 501)}}}","category":"lighting"}}""" },
        { "/api/enhance-prompt", $$"""{"currentPrompt":"A fox.","enhancements":[{"title":"{{new string('t', 121)}}","category":"lighting"}]}""" },

        // generate-suggestions: category and count rules.
        { "/api/generate-suggestions", """{"count":5}""" },
        { "/api/generate-suggestions", """{"category":7}""" },
        { "/api/generate-suggestions", """{"category":"lighting","count":0}""" },
        { "/api/generate-suggestions", """{"category":"lighting","count":21}""" },
        { "/api/generate-suggestions", """{"category":"lighting","count":-3}""" },
        { "/api/generate-suggestions", """{"category":"lighting","count":2.5}""" },
        { "/api/generate-suggestions", """{"category":"lighting","count":"8"}""" },
        { "/api/generate-suggestions", """{"category":"lighting","count":true}""" },
        { "/api/generate-suggestions", $$"""{"category":"lighting","currentPrompt":"{{new string('a', 10_001)}}"}""" },

        // auto-generate-prompt and structure-prompt.
        { "/api/auto-generate-prompt", $$"""{"basicPrompt":"{{string.Join(' ', Enumerable.Repeat("fox", 501))}}"}""" },
        { "/api/auto-generate-prompt", """{"basicPrompt":["a","red","fox"]}""" },
        { "/api/structure-prompt", """{}""" },
        { "/api/structure-prompt", """{"currentPrompt":42}""" },
        { "/api/structure-prompt", $$"""{"currentPrompt":"{{new string('a', 10_001)}}"}""" },
    };

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public async Task Post_InvalidField_Returns400ValidationFailedWithoutUpstreamCall(string path, string json)
    {
        using var response = await _client.PostJsonAsync(path, json);

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(0, _app.Upstream.RequestCount);
    }

    [Theory]
    [InlineData("""{"enhancement":""" + Lighting + "}")]
    [InlineData("""{"currentPrompt":null,"enhancement":""" + Lighting + "}")]
    [InlineData("""{"currentPrompt":null,"enhancements":[""" + Lighting + "]}")]
    public async Task EnhancePrompt_CurrentPromptMissingOrNull_Returns400NamingTheField(string json)
    {
        using var response = await _client.PostJsonAsync("/api/enhance-prompt", json);

        var message = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("currentPrompt", message, StringComparison.Ordinal);
        Assert.Equal(0, _app.Upstream.RequestCount);
    }

    [Fact]
    public async Task GenerateSuggestions_UnknownCategory_ListsValidCategoryIds()
    {
        using var response = await _client.PostJsonAsync("/api/generate-suggestions", """{"category":"explosions","count":3}""");

        var message = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("explosions", message, StringComparison.Ordinal);
        foreach (var id in new[]
        {
            "camera-angles", "camera-motion", "lighting", "color-palette", "depth-of-field", "weather",
            "time-of-day", "mood", "style", "motion-timing", "composition", "texture",
        })
        {
            Assert.Contains(id, message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task EnhancePrompt_TwoEnhancementsInOneCategory_NamesTheCategory()
    {
        using var response = await _client.PostJsonAsync(
            "/api/enhance-prompt",
            """{"currentPrompt":"A fox.","enhancements":[""" + Lighting + """,{"title":"Neon","category":"lighting"}]}""");

        var message = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("lighting", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"currentPrompt":"A fox.","enhancement":""")]
    [InlineData("""{"currentPrompt":"A fox.""")]
    [InlineData("not json at all")]
    [InlineData("{'currentPrompt':'single quotes'}")]
    [InlineData("""{"currentPrompt":"A fox.",}""")]
    [InlineData("")]
    public async Task EnhancePrompt_BodyNotJson_Returns400InvalidJson(string body)
    {
        using var response = await _client.PostJsonAsync("/api/enhance-prompt", body);

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_json");
        Assert.Equal(0, _app.Upstream.RequestCount);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData(null)]
    public async Task Post_NotJsonContentType_Returns415(string? mediaType)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"basicPrompt":"a red fox"}"""));
        if (mediaType is not null)
        {
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
        }

        using var response = await _client.PostAsync(new Uri("/api/auto-generate-prompt", UriKind.Relative), content);

        await response.AssertErrorAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        Assert.Equal(0, _app.Upstream.RequestCount);
    }

    [Fact]
    public async Task Post_BodyOver64KiBWithContentLength_Returns413()
    {
        var json = $$"""{"currentPrompt":"{{new string('a', 64 * 1024)}}","enhancement":{{Lighting}}}""";

        using var response = await _client.PostJsonAsync("/api/enhance-prompt", json);

        await response.AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        Assert.Equal(0, _app.Upstream.RequestCount);
    }

    private static string ThirteenEnhancements() =>
        string.Join(",", Enumerable.Range(1, 13).Select(i => $$"""{"title":"Card {{i}}","category":"category-{{i}}"}"""));
}
