using System.Net;
using SoraPromptGenie.FakeUpstream;
using SoraPromptGenie.Tests.Ops;

namespace SoraPromptGenie.Tests.Ai;

public sealed class CircuitBreakerTests(CircuitAppFactory app) : IClassFixture<CircuitAppFactory>
{
    [Fact]
    public async Task AutoGenerate_BurstOfFailures_OpensCircuitAndStopsCallingUpstream()
    {
        app.Upstream.Reset();
        app.Upstream.Default = FakeReply.Status(500);
        using var client = app.CreateClient();
        var codes = new List<string?>();

        for (var i = 0; i < 5; i++)
        {
            using var response = await client.PostJsonAsync("/api/auto-generate-prompt", """{"basicPrompt":"a red fox crossing"}""");
            codes.Add((await response.ReadJsonAsync()).GetProperty("code").GetString());
        }

        Assert.Equal(["upstream_error", "upstream_error", "upstream_unavailable", "upstream_unavailable", "upstream_unavailable"], codes);
        Assert.Equal(2, app.Upstream.RequestCount);
        using var last = await client.PostJsonAsync("/api/auto-generate-prompt", """{"basicPrompt":"a red fox crossing"}""");
        await last.AssertErrorAsync(HttpStatusCode.ServiceUnavailable, "upstream_unavailable");
    }
}
