using System.Net;
using SoraPromptGenie.Tests.Ops.Logging;

namespace SoraPromptGenie.Tests.Ops.Errors;

/// <summary>An unexpected exception is a 500 internal_error without its text or stack in Production, but logged.</summary>
public sealed class InternalErrorTests(FaultyEngineAppFactory app) : IClassFixture<FaultyEngineAppFactory>
{
    [Fact]
    public async Task AutoGenerate_EngineThrowsUnexpectedly_500WithoutExceptionDetailInProduction()
    {
        using var client = app.CreateClient();

        using var response = await client.PostJsonAsync("/api/auto-generate-prompt", """{"basicPrompt":"a red fox crossing"}""");
        var text = await response.Content.ReadAsStringAsync();

        await response.AssertErrorAsync(HttpStatusCode.InternalServerError, "internal_error");
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain(".cs:line", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AutoGenerate_EngineThrowsUnexpectedly_ExceptionIsInErrorLogWithRequestId()
    {
        using var client = app.CreateClient();

        using var response = await client.PostJsonAsync("/api/auto-generate-prompt", """{"basicPrompt":"a red fox crossing"}""");
        var requestId = response.Header(SoraPromptGenie.Ops.RequestContext.RequestIdHeader)!;
        var errors = await LogFiles.WaitForAsync(
            Path.Combine(app.LogDirectory, "error.log"),
            log => log.Contains(requestId, StringComparison.Ordinal) && log.Contains("InvalidOperationException", StringComparison.Ordinal));

        Assert.Contains("InvalidOperationException", errors, StringComparison.Ordinal);
        Assert.Contains(requestId, errors, StringComparison.Ordinal);
    }
}
