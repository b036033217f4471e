using System.Net;
using SoraPromptGenie.FakeUpstream;
using SoraPromptGenie.Tests.Infrastructure;
using SoraPromptGenie.Tests.Ops;

namespace SoraPromptGenie.Tests.Ai;

/// <summary>OPENROUTER_FALLBACK_MODELS are tried in order after the primary model fails (no HTTP retries in this fixture).</summary>
public sealed class FallbackModelsTests : IClassFixture<AppFactory<FallbackModels>>, IDisposable
{
    private const string ExpandBody = """{"basicPrompt":"a red fox crossing a snowy road"}""";

    private readonly AppFactory<FallbackModels> _app;
    private readonly HttpClient _client;

    public FallbackModelsTests(AppFactory<FallbackModels> app)
    {
        _app = app;
        _app.Upstream.Reset();
        _client = app.CreateClient();
    }

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task AutoGenerate_PrimaryAndSecondFail_ThirdModelAnswersAndIsTheEngine()
    {
        _app.Upstream.Enqueue(FakeReply.Status(500), FakeReply.Status(502), FakeReply.Text("A red fox at dusk."));

        using var response = await _client.PostJsonAsync("/api/auto-generate-prompt", ExpandBody);
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("127.0.0.1:test/third-model", body.GetProperty("engine").GetString());
        Assert.Equal(["test/primary-model", "test/second-model", "test/third-model"], _app.Upstream.Requests.Select(r => r.Model));
    }

    [Fact]
    public async Task AutoGenerate_AllModelsFail_502AfterEachModelOnceInOrder()
    {
        _app.Upstream.Default = FakeReply.Status(500);

        using var response = await _client.PostJsonAsync("/api/auto-generate-prompt", ExpandBody);

        await response.AssertErrorAsync(HttpStatusCode.BadGateway, "upstream_error");
        Assert.Equal(["test/primary-model", "test/second-model", "test/third-model"], _app.Upstream.Requests.Select(r => r.Model));
    }

    [Fact]
    public async Task AutoGenerate_PrimaryRejectsKey_StopsWithoutTryingOtherModels()
    {
        _app.Upstream.Default = FakeReply.Status(401);

        using var response = await _client.PostJsonAsync("/api/auto-generate-prompt", ExpandBody);

        await response.AssertErrorAsync(HttpStatusCode.BadGateway, "upstream_auth_failed");
        Assert.Equal(["test/primary-model"], _app.Upstream.Requests.Select(r => r.Model));
    }
}
