using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SoraPromptGenie.Data.Entities;
using SoraPromptGenie.Tests.Infrastructure;
using SoraPromptGenie.Tests.Library;
using SoraPromptGenie.Tests.Ops;
using SoraPromptGenie.Tests.Prompting;
using SoraPromptGenie.Usage;

namespace SoraPromptGenie.Tests.Usage;

/// <summary>The usage report and the ledger behind it, on SQLite and PostgreSQL.</summary>
public abstract class UsageEndpointsTests<TFactory>(TFactory factory)
    where TFactory : LibraryAppFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-token-0123456789")]
    public async Task GetUsage_WithoutAdminToken_Returns401(string? token)
    {
        using var response = await _client.SendAsync(HttpMethod.Get, "/api/usage", token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("unauthorized", await response.ErrorCodeAsync());
    }

    [Fact]
    public async Task GetUsage_KnownRows_AggregatesByOperationAndModel()
    {
        var day = new DateTime(2001, 2, 3, 0, 0, 0, DateTimeKind.Utc);
        await using (var db = factory.Database.CreateContext())
        {
            for (var i = 1; i <= 20; i++)
            {
                db.LlmCalls.Add(Row(day.AddMinutes(i), "enhance", "m/a", i * 10, i == 20 ? "upstream_timeout" : "ok", 0.01m));
            }

            db.LlmCalls.Add(Row(day.AddMinutes(30), "expand", "offline", 4, "ok", null, offline: true));
            db.LlmCalls.Add(Row(day.AddDays(2), "enhance", "m/a", 99_999, "ok", 5m));
            await db.SaveChangesAsync();
        }

        using var response = await _client.SendAsync(HttpMethod.Get, "/api/usage?from=2001-02-03T00:00:00Z&to=2001-02-04T00:00:00Z", LibraryAppFactory.AdminToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.ReadAsync<UsageReport>();
        Assert.Equal((21, 1, 1), (report.Totals.Calls, report.Totals.Errors, report.Totals.OfflineCalls));
        var enhance = Assert.Single(report.Groups, g => g.Operation == "enhance");
        Assert.Equal(("m/a", 20, 1, 0.20m, 100L, 190L), (enhance.Model, enhance.Calls, enhance.Errors, enhance.Cost, enhance.P50LatencyMs, enhance.P95LatencyMs));
        Assert.Equal((200L, 400L), (enhance.PromptTokens, enhance.CompletionTokens));
        var expand = Assert.Single(report.Groups, g => g.Operation == "expand");
        Assert.Equal(("offline", 1, 1), (expand.Model, expand.Calls, expand.OfflineCalls));
    }

    [Fact]
    public async Task AiCall_Always_WritesALedgerRowWithTheRequestId()
    {
        var requestId = $"ledger-{Guid.NewGuid():N}";
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/auto-generate-prompt", UriKind.Relative))
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { basicPrompt = "a red kite over hills" }),
        };
        request.Headers.Add("X-Request-Id", requestId);

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = await WaitForRowAsync(requestId);
        Assert.Equal(("expand", "ok", false), (row.Operation, row.Outcome, row.Offline));
        Assert.Equal("test/primary-model", row.Model);
    }

    private async Task<LlmCall> WaitForRowAsync(string requestId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            await using var db = factory.Database.CreateContext();
            if (await db.LlmCalls.AsNoTracking().FirstOrDefaultAsync(c => c.RequestId == requestId) is { } row)
            {
                return row;
            }

            Assert.True(DateTime.UtcNow < deadline, "No ledger row within 10 s.");
            await Task.Delay(50);
        }
    }

    private static LlmCall Row(DateTime at, string operation, string model, long latency, string outcome, decimal? cost, bool offline = false) => new()
    {
        Id = Guid.CreateVersion7(),
        Timestamp = at,
        Operation = operation,
        Model = model,
        Engine = offline ? "offline" : $"openrouter:{model}",
        Outcome = outcome,
        LatencyMs = latency,
        PromptTokens = 10,
        CompletionTokens = 20,
        Cost = cost,
        Offline = offline,
    };
}

public sealed class UsageEndpointsSqliteTests(SqliteAppFactory factory)
    : UsageEndpointsTests<SqliteAppFactory>(factory), IClassFixture<SqliteAppFactory>;

public sealed class UsageEndpointsPostgresTests(PostgresAppFactory factory)
    : UsageEndpointsTests<PostgresAppFactory>(factory), IClassFixture<PostgresAppFactory>;

/// <summary>Offline mode and no ADMIN_TOKEN: the ledger marks offline calls, and the usage report does not exist.</summary>
public sealed class OfflineWithoutAdminToken : IAppSettings
{
    public static IReadOnlyDictionary<string, string?> Values { get; } = new Dictionary<string, string?>(OfflineMode.Values)
    {
        ["ADMIN_TOKEN"] = null,
    };
}

public sealed class UsageWithoutAdminTokenTests(SqliteAppFactory<OfflineWithoutAdminToken> factory)
    : IClassFixture<SqliteAppFactory<OfflineWithoutAdminToken>>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task GetUsage_NoAdminTokenConfigured_Returns404()
    {
        using var response = await _client.SendAsync(HttpMethod.Get, "/api/usage", "anything-at-all-0123456789");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("not_found", await response.ErrorCodeAsync());
    }

    [Fact]
    public async Task AiCall_OfflineEngine_IsMarkedOfflineInTheLedger()
    {
        using var response = await _client.SendAsync(HttpMethod.Post, "/api/structure-prompt", null, new { currentPrompt = "A fox in the snow at dusk" });
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var ledger = factory.Services.GetRequiredService<UsageLedger>();

        Assert.Equal("offline", body.RootElement.GetProperty("engine").GetString());
        var deadline = DateTime.UtcNow.AddSeconds(10);
        LlmCall? row = null;
        while (row is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            await using var db = factory.Database.CreateContext();
            row = await db.LlmCalls.AsNoTracking().FirstOrDefaultAsync(c => c.RequestId == response.Headers.GetValues("X-Request-Id").First());
        }

        Assert.NotNull(row);
        Assert.True(row.Offline);
        Assert.Equal(("structure", "offline"), (row.Operation, row.Engine));
        Assert.Equal(0, ledger.DroppedCount);
    }

    [Fact]
    public async Task StreamedAiCall_OfflineEngine_IsRecordedInTheLedger()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/structure-prompt")
        {
            Content = JsonContent.Create(new { currentPrompt = "A heron waits in the reeds at dawn" }),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await _client.SendAsync(request);
        var events = await PromptStreamingTests.ReadEventsAsync(response);

        Assert.Equal("done", events[^1].Name);
        var row = await WaitForRowAsync(response.Headers.GetValues("X-Request-Id").First());
        Assert.NotNull(row);
        Assert.Equal(("structure", "offline", "ok", true), (row.Operation, row.Engine, row.Outcome, row.Offline));
    }

    private async Task<LlmCall?> WaitForRowAsync(string requestId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        LlmCall? row = null;
        while (row is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            await using var db = factory.Database.CreateContext();
            row = await db.LlmCalls.AsNoTracking().FirstOrDefaultAsync(c => c.RequestId == requestId);
        }

        return row;
    }
}
