using System.Text.Json;
using SoraPromptGenie.Ops;
using SoraPromptGenie.Tests.Infrastructure;

namespace SoraPromptGenie.Tests.Ops.Logging;

public sealed class JsonLogFormatTests(AppFactory<JsonLogs> app) : IClassFixture<AppFactory<JsonLogs>>
{
    [Fact]
    public async Task CombinedLog_JsonFormat_OneJsonObjectPerLineWithRequestLine()
    {
        using var client = app.CreateClient();

        using var response = await client.GetPathAsync("/api/catalog");
        var requestId = response.Header(RequestContext.RequestIdHeader)!;
        var log = await LogFiles.WaitForAsync(
            Path.Combine(app.LogDirectory, "combined.log"),
            text => text.Contains(requestId, StringComparison.Ordinal));

        var events = log.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();
        var request = Assert.Single(events, e => e.TryGetProperty("RequestId", out var id) && id.GetString() == requestId
            && e.GetProperty("@m").GetString()!.StartsWith("GET /api/catalog 200 in ", StringComparison.Ordinal));
        Assert.EndsWith("ms", request.GetProperty("@m").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CombinedLog_JsonFormat_LlmCallMessageIsUnquoted()
    {
        app.Upstream.Enqueue(SoraPromptGenie.FakeUpstream.FakeReply.Text("A fox at dusk.", promptTokens: 23, completionTokens: 5));
        using var client = app.CreateClient();

        using var response = await client.PostJsonAsync("/api/auto-generate-prompt", """{"basicPrompt":"a red fox crossing"}""");
        var log = await LogFiles.WaitForAsync(
            Path.Combine(app.LogDirectory, "combined.log"),
            text => text.Contains("tokens=23/5", StringComparison.Ordinal));

        var messages = log.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("@m").GetString()!);
        Assert.Contains(messages, m => m.StartsWith("LLM call Expand model=test/primary-model engine=127.0.0.1:test/primary-model outcome=ok in ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CombinedLog_JsonFormat_PathWithLineBreaksAndEscapesStaysOneObject()
    {
        using var client = app.CreateClient();

        using var response = await client.GetPathAsync("/api/probe%0d%0aforged%1b[2J");
        var requestId = response.Header(RequestContext.RequestIdHeader)!;
        var log = await LogFiles.WaitForAsync(
            Path.Combine(app.LogDirectory, "combined.log"),
            text => text.Contains(requestId, StringComparison.Ordinal));

        var line = Assert.Single(log.Split('\n'), l => l.Contains(requestId, StringComparison.Ordinal));
        var request = JsonDocument.Parse(line).RootElement;
        Assert.Equal("/api/probe\r\nforged\u001b[2J", request.GetProperty("RequestPath").GetString());
        Assert.StartsWith("GET /api/probe\r\nforged\u001b[2J 404 in ", request.GetProperty("@m").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', log);
    }
}
