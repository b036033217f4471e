using SoraPromptGenie.FakeUpstream;
using SoraPromptGenie.Tests.Infrastructure;
using SoraPromptGenie.Tests.Ops;

namespace SoraPromptGenie.Tests.Ai.Caching;

/// <summary>The response cache through the API for requests that name a target.</summary>
public sealed class TargetCachingTests : IAsyncLifetime
{
    private static readonly string LongAnswer = string.Concat(Enumerable.Repeat("The subject sprints across the wet rooftop and leaps the gap. ", 20)).Trim();

    private readonly AppInstances _instances = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _instances.DisposeAsync();

    [Fact]
    public async Task Post_SameIdeaForTwoTargetsAndNone_ThreeUpstreamCalls_RepeatOfATargetIsCachedWithItsWarning()
    {
        var app = await _instances.StartAsync(new Dictionary<string, string?> { ["LLM_CACHE_TTL_SECONDS"] = "86400" });
        app.Upstream.Default = FakeReply.Text(LongAnswer);
        using var client = app.CreateClient();

        async Task<System.Text.Json.JsonElement> PostAsync(string body)
        {
            using var response = await client.PostJsonAsync("/api/auto-generate-prompt", body);
            return await response.ReadJsonAsync();
        }

        var none = await PostAsync("""{"basicPrompt":"a runner crossing rooftops"}""");
        var runway = await PostAsync("""{"basicPrompt":"a runner crossing rooftops","target":"runway-gen4.5"}""");
        var luma = await PostAsync("""{"basicPrompt":"a runner crossing rooftops","target":"luma-ray-3.2"}""");
        var runwayAgain = await PostAsync("""{"basicPrompt":"a runner crossing rooftops","target":"runway-gen4.5"}""");

        // Runway's answer is over its limit: one shorten request, then cut with a warning; the others fit.
        Assert.Equal(4, app.Upstream.Requests.Count);
        Assert.False(none.GetProperty("cached").GetBoolean());
        Assert.False(luma.GetProperty("cached").GetBoolean());
        Assert.True(runwayAgain.GetProperty("cached").GetBoolean());
        Assert.Equal(runway.GetProperty("generatedPrompt").GetString(), runwayAgain.GetProperty("generatedPrompt").GetString());
        Assert.Equal(runway.GetProperty("warnings").GetRawText(), runwayAgain.GetProperty("warnings").GetRawText());
    }
}
