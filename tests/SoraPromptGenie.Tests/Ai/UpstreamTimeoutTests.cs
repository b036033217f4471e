using System.Diagnostics;
using System.Net;
using SoraPromptGenie.FakeUpstream;
using SoraPromptGenie.Tests.Infrastructure;
using SoraPromptGenie.Tests.Ops;

namespace SoraPromptGenie.Tests.Ai;

/// <summary>A hung upstream is given up on within LLM_TIMEOUT_SECONDS (the original held clients for 300 s).</summary>
public sealed class UpstreamTimeoutTests(AppFactory<ShortBudget> app) : IClassFixture<AppFactory<ShortBudget>>
{
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task AutoGenerate_UpstreamHangs_504WithinBudget()
    {
        app.Upstream.Reset();
        app.Upstream.Default = FakeReply.Hang();
        using var client = app.CreateClient();
        var started = Stopwatch.StartNew();

        using var response = await client.PostJsonAsync("/api/auto-generate-prompt", """{"basicPrompt":"a red fox crossing"}""");
        var elapsed = started.Elapsed;

        await response.AssertErrorAsync(HttpStatusCode.GatewayTimeout, "upstream_timeout");
        Assert.True(elapsed < TimeSpan.FromSeconds(ShortBudget.BudgetSeconds) + Margin, $"took {elapsed}");
        Assert.True(elapsed >= TimeSpan.FromSeconds(0.9), $"gave up before the first attempt timed out: {elapsed}");
        Assert.InRange(app.Upstream.RequestCount, 1, 3);
    }

    [Fact]
    public async Task AutoGenerate_UpstreamSlowerThanAttemptTimeout_RetriesAndAnswersFromFasterAttempt()
    {
        app.Upstream.Reset();
        app.Upstream.Enqueue(FakeReply.Text("too late") with { Delay = TimeSpan.FromSeconds(5) }, FakeReply.Text("A red fox at dusk."));
        using var client = app.CreateClient();

        using var response = await client.PostJsonAsync("/api/auto-generate-prompt", """{"basicPrompt":"a red fox crossing"}""");
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("A red fox at dusk.", body.GetProperty("generatedPrompt").GetString());
        Assert.Equal(2, app.Upstream.RequestCount);
    }
}
