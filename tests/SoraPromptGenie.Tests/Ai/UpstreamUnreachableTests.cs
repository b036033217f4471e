using System.Net;
using SoraPromptGenie.Tests.Infrastructure;
using SoraPromptGenie.Tests.Ops;

namespace SoraPromptGenie.Tests.Ai;

public sealed class UpstreamUnreachableTests(AppFactory<NoFallback> app) : IClassFixture<AppFactory<NoFallback>>
{
    [Fact]
    public async Task AutoGenerate_ConnectionRefused_503Unavailable()
    {
        await app.Upstream.StopAsync();
        using var client = app.CreateClient();

        using var response = await client.PostJsonAsync("/api/auto-generate-prompt", """{"basicPrompt":"a red fox crossing"}""");

        await response.AssertErrorAsync(HttpStatusCode.ServiceUnavailable, "upstream_unavailable");
    }
}
