using System.Diagnostics;
using System.Net;
using System.Text.Json;
using SoraPromptGenie.Data;
using SoraPromptGenie.Library;
using SoraPromptGenie.Tests.Library;

namespace SoraPromptGenie.Tests.Data;

/// <summary>
/// The app on a PostgreSQL of its own (port 55433, never the shared test server), which the test stops and starts.
/// </summary>
public sealed class FaultPostgresAppFactory() : LibraryAppFactory(DatabaseProvider.Postgres)
{
    public static readonly IReadOnlyDictionary<string, string?> ServerEnvironment = new Dictionary<string, string?>
    {
        ["PGPORT"] = "55433",
        ["PGDATA_DIR"] = "/tmp/spg-fault-pg",
    };

    public static Task<HostProcess.Result> ServerAsync(string command) => HostProcess.RunScriptAsync("scripts/pg.sh", ServerEnvironment, command);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await ServerAsync("destroy");
    }

    protected override async Task<TestDatabase> CreateDatabaseAsync()
    {
        var started = await ServerAsync("start");
        Assert.True(started.ExitCode == 0, started.Output + started.Error);
        var url = await ServerAsync("url");
        return await PostgresTestDatabase.CreateAsync(url.Output.Trim());
    }
}

public sealed class DatabaseOutageTests(FaultPostgresAppFactory factory) : IClassFixture<FaultPostgresAppFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task PostgresStoppedMidRun_LibraryAnswers503FastAndAiKeepsWorking_ThenRecovers()
    {
        var workspace = await _client.CreateWorkspaceAsync();
        var prompt = await _client.CreatePromptAsync(workspace.Key, "Durable", "Written before the outage");
        using var shared = await _client.SendAsync(HttpMethod.Post, $"/api/prompts/{prompt.Id}/share", workspace.Key);
        var sharePage = $"/p/{(await shared.ReadAsync<ShareResponse>()).Token}";

        var stopped = await FaultPostgresAppFactory.ServerAsync("stop");
        var clock = Stopwatch.StartNew();
        using var list = await _client.SendAsync(HttpMethod.Get, "/api/prompts", workspace.Key);
        var listElapsed = clock.Elapsed;
        using var create = await _client.PostAsync(new Uri("/api/workspaces", UriKind.Relative), null);
        using var ready = await _client.GetAsync(new Uri("/api/health/ready", UriKind.Relative));
        using var live = await _client.GetAsync(new Uri("/api/health", UriKind.Relative));
        using var ai = await _client.SendAsync(HttpMethod.Post, "/api/auto-generate-prompt", null, new { basicPrompt = "waves crash on rocks" });
        using var page = await _client.GetAsync(new Uri(sharePage, UriKind.Relative));

        Assert.Equal(0, stopped.ExitCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, list.StatusCode);
        Assert.Equal("database_unavailable", await list.ErrorCodeAsync());
        Assert.True(listElapsed < TimeSpan.FromSeconds(5), $"503 took {listElapsed.TotalSeconds:F1} s");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, create.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        using (var readiness = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()))
        {
            Assert.Equal("unhealthy", readiness.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        }

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ai.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(60), page.Headers.RetryAfter?.Delta);
        Assert.Contains("The library is unavailable right now", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var restarted = await FaultPostgresAppFactory.ServerAsync("start");
        Assert.Equal(0, restarted.ExitCode);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        HttpStatusCode status;
        do
        {
            using var again = await _client.SendAsync(HttpMethod.Get, $"/api/prompts/{prompt.Id}", workspace.Key);
            status = again.StatusCode;
            if (status == HttpStatusCode.OK)
            {
                Assert.Equal(prompt with { Shared = true }, await again.ReadAsync<PromptResponse>());
                break;
            }

            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Equal(HttpStatusCode.OK, status);
        using var readyAgain = await _client.GetAsync(new Uri("/api/health/ready", UriKind.Relative));
        using var pageAgain = await _client.GetAsync(new Uri(sharePage, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, readyAgain.StatusCode);
        Assert.Equal(HttpStatusCode.OK, pageAgain.StatusCode);
        Assert.Contains("Written before the outage", await pageAgain.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
