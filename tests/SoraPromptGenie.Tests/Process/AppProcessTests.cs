using System.Diagnostics;
using System.Net;
using System.Text;
using SoraPromptGenie.FakeUpstream;
using SoraPromptGenie.Tests.Infrastructure;
using SoraPromptGenie.Tests.Ops;
using SoraPromptGenie.Tests.Ops.Logging;

// Not ".Process": a namespace of that name would hide System.Diagnostics.Process from every other test namespace.
namespace SoraPromptGenie.Tests.Processes;

/// <summary>
/// The app as an operator runs it: a separate process on a real port, configured by environment variables, stopped by
/// SIGTERM. One class, so the processes never race each other for the build output.
/// </summary>
public sealed class AppProcessTests : IAsyncLifetime
{
    private static readonly TimeSpan ShutdownBudget = TimeSpan.FromSeconds(10);

    private readonly string _directory = Directory.CreateTempSubdirectory("spg-process-").FullName;
    private FakeUpstreamServer _upstream = null!;

    private string LogDirectory => Path.Combine(_directory, "logs");

    public async Task InitializeAsync() => _upstream = await FakeUpstreamServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _upstream.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task DotnetRun_ServesHealthAndAiThenSigterm_ExitsZeroWithRequestLinesInLogs()
    {
        _upstream.Enqueue(FakeReply.Text("A red fox crosses a snowy road at night under a sodium lamp."));
        await using var app = AppProcess.StartDotnetRun(AppProcess.FreePort(), Variables());
        await app.WaitForHealthAsync(TimeSpan.FromMinutes(4));
        using var client = new HttpClient { BaseAddress = app.BaseUrl };

        using var health = await client.GetPathAsync("/api/health");
        using var expand = await client.PostJsonAsync("/api/auto-generate-prompt", """{"basicPrompt":"a red fox crossing a road"}""");
        var expanded = await expand.ReadJsonAsync();
        AppProcess.SendSigterm(app.FindAppChild());
        var exited = await app.WaitForExitAsync(ShutdownBudget);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Development", (await health.ReadJsonAsync()).GetProperty("environment").GetString());
        Assert.Equal(HttpStatusCode.OK, expand.StatusCode);
        Assert.Equal("127.0.0.1:test/primary-model", expanded.GetProperty("engine").GetString());
        Assert.True(exited, $"dotnet run did not exit within {ShutdownBudget} of SIGTERM:\n{app.Output}");
        Assert.True(app.ExitCode == 0, $"exit code {app.ExitCode}:\n{app.Output}");
        var combined = LogFiles.Read(Path.Combine(LogDirectory, "combined.log"));
        Assert.Matches(@"GET /api/health 200 in \d+ms", combined);
        Assert.Matches(@"POST /api/auto-generate-prompt 200 in \d+ms", combined);
        Assert.Contains("LLM call Expand model=test/primary-model", combined, StringComparison.Ordinal);
        Assert.DoesNotContain(AppFactory.ApiKey[..10], LogFiles.ReadAll(LogDirectory) + app.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sigterm_DuringInFlightAiRequest_RequestCompletesAndProcessExitsZero()
    {
        _upstream.Enqueue(FakeReply.Text("A red fox at dusk.") with { Delay = TimeSpan.FromSeconds(2) });
        await using var app = AppProcess.StartBuilt(AppProcess.FreePort(), Variables());
        await app.WaitForHealthAsync(TimeSpan.FromMinutes(1));
        using var client = new HttpClient { BaseAddress = app.BaseUrl };

        var inFlight = client.PostJsonAsync("/api/auto-generate-prompt", """{"basicPrompt":"a red fox crossing a road"}""");
        await WaitUntilAsync(() => _upstream.RequestCount > 0, TimeSpan.FromSeconds(10));
        var signalled = Stopwatch.StartNew();
        AppProcess.SendSigterm(app.ProcessId);
        using var response = await inFlight;
        var body = await response.ReadJsonAsync();
        var exited = await app.WaitForExitAsync(ShutdownBudget);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("A red fox at dusk.", body.GetProperty("generatedPrompt").GetString());
        Assert.True(exited, $"did not exit within {ShutdownBudget} of SIGTERM:\n{app.Output}");
        Assert.True(signalled.Elapsed < ShutdownBudget);
        Assert.True(app.ExitCode == 0, $"exit code {app.ExitCode}:\n{app.Output}");
        Assert.Matches(@"POST /api/auto-generate-prompt 200 in \d+ms", LogFiles.Read(Path.Combine(LogDirectory, "combined.log")));
    }

    [Fact]
    public async Task ChunkedBodyOver64KiB_RealServer_Returns413()
    {
        await using var app = AppProcess.StartBuilt(AppProcess.FreePort(), Variables());
        await app.WaitForHealthAsync(TimeSpan.FromMinutes(1));
        using var client = new HttpClient { BaseAddress = app.BaseUrl };
        var json = Encoding.UTF8.GetBytes($$$"""{"currentPrompt":"{{{new string('a', 70 * 1024)}}}","enhancement":{"title":"T","category":"lighting"}}""");
        using var content = new StreamContent(new UnknownLengthStream(json));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        using var response = await client.PostAsync(new Uri("/api/enhance-prompt", UriKind.Relative), content);

        Assert.Null(response.RequestMessage?.Content?.Headers.ContentLength);
        await response.AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        Assert.Equal(0, _upstream.RequestCount);
    }

    [Fact]
    public async Task ProductionStart_NoKey_ExitsNonZeroNamingTheVariable()
    {
        var environment = Variables();
        environment.Remove("OPENROUTER_API_KEY");
        await using var app = AppProcess.StartBuilt(AppProcess.FreePort(), environment);

        var exited = await app.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(exited, app.Output);
        Assert.NotEqual(0, app.ExitCode);
        Assert.Contains("OPENROUTER_API_KEY: is required in Production unless LLM_MODE=offline.", app.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", app.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProductionStart_BadPortAndTimeout_ExitsNonZeroWithOneLineEachAndNoKey()
    {
        var environment = Variables();
        environment["LLM_TIMEOUT_SECONDS"] = "soon";
        environment["PORT"] = "70000";
        await using var app = AppProcess.StartBuilt(AppProcess.FreePort(), environment);

        var exited = await app.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(exited, app.Output);
        Assert.Equal(1, app.ExitCode);
        Assert.Contains("PORT: '70000' is not a port number from 1 to 65535.", app.Output, StringComparison.Ordinal);
        Assert.Contains("LLM_TIMEOUT_SECONDS: 'soon' is not a whole number from 1 to 600.", app.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(AppFactory.ApiKey[..10], app.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProductionStart_OfflineModeWithoutKey_ServesOfflineAnswers()
    {
        var environment = Variables();
        environment.Remove("OPENROUTER_API_KEY");
        environment["LLM_MODE"] = "offline";
        await using var app = AppProcess.StartBuilt(AppProcess.FreePort(), environment);
        await app.WaitForHealthAsync(TimeSpan.FromMinutes(1));
        using var client = new HttpClient { BaseAddress = app.BaseUrl };

        using var response = await client.PostJsonAsync("/api/auto-generate-prompt", """{"basicPrompt":"a red fox crossing a road"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("offline", (await response.ReadJsonAsync()).GetProperty("engine").GetString());
        Assert.Equal(0, _upstream.RequestCount);
    }

    private Dictionary<string, string> Variables() => new(StringComparer.Ordinal)
    {
        ["OPENROUTER_API_KEY"] = AppFactory.ApiKey,
        ["OPENROUTER_BASE_URL"] = _upstream.BaseUrl.ToString().TrimEnd('/'),
        ["OPENROUTER_MODEL"] = "test/primary-model",
        ["LOG_DIR"] = LogDirectory,
    };

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            await Task.Delay(20);
        }
    }

    /// <summary>A readable stream that does not report its length, so HttpClient sends it chunked.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
