using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SoraPromptGenie.Core.Engines;
using SoraPromptGenie.Data;
using SoraPromptGenie.Tests.Data;
using SoraPromptGenie.Usage;

namespace SoraPromptGenie.Tests.Usage;

public sealed class UsageLedgerTests : IAsyncLifetime, IDisposable
{
    private readonly SqliteTestDatabase _database = new();

    public Task InitializeAsync() => _database.MigrateAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _database.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Fact]
    public void OnCall_QueueFull_DropsAndCountsWithoutBlocking()
    {
        var ledger = new UsageLedger(TimeProvider.System, capacity: 10);

        for (var i = 0; i < 25; i++)
        {
            ledger.OnCall(Record(i));
        }

        Assert.Equal(10, ledger.QueueLength);
        Assert.Equal(15, ledger.DroppedCount);
    }

    // What a record costs the request is measured by bench/Persistence (ledger cost per AI request), not timed here.
    [Fact]
    public void OnCall_NoWriterRunning_QueuesEveryRecordWithoutWaitingForTheDatabase()
    {
        var ledger = new UsageLedger(TimeProvider.System);
        var record = Record(1);

        for (var i = 0; i < 10_000; i++)
        {
            ledger.OnCall(record);
        }

        Assert.Equal(10_000, ledger.QueueLength);
        Assert.Equal(0, ledger.DroppedCount);
    }

    [Fact]
    public async Task Writer_Running_StoresEveryFieldOfTheRecord()
    {
        var (services, ledger, writer) = Build(_database.FilePath);
        await writer.StartAsync(CancellationToken.None);

        ledger.OnCall(new LlmCallRecord(PromptOperation.Expand, "test/model", "openrouter:test/model", CallOutcome.Ok, 200, 321, 11, 22, 0.0015m, Cached: true));
        ledger.OnCall(new LlmCallRecord(PromptOperation.Structure, "offline", "offline", CallOutcome.Ok, null, 3, null, null, null, false));
        await WaitForRowsAsync(2);
        await writer.StopAsync(CancellationToken.None);
        await services.DisposeAsync();

        await using var db = _database.CreateContext();
        var rows = await db.LlmCalls.OrderBy(c => c.Operation).ToListAsync();
        Assert.Equal(
            ("expand", "test/model", "openrouter:test/model", "ok", 200, 321L, 11L, 22L, 0.0015m, true, false),
            (rows[0].Operation, rows[0].Model, rows[0].Engine, rows[0].Outcome, rows[0].StatusCode, rows[0].LatencyMs, rows[0].PromptTokens, rows[0].CompletionTokens, rows[0].Cost, rows[0].Cached, rows[0].Offline));
        Assert.True(rows[1].Offline);
    }

    [Fact]
    public async Task StopAsync_WithQueuedRecords_DrainsThemAll()
    {
        var (services, ledger, writer) = Build(_database.FilePath);
        await writer.StartAsync(CancellationToken.None);

        for (var i = 0; i < 1_234; i++)
        {
            ledger.OnCall(Record(i));
        }

        await writer.StopAsync(CancellationToken.None);
        ledger.OnCall(Record(9_999));
        await services.DisposeAsync();

        await using var db = _database.CreateContext();
        Assert.Equal(1_234, await db.LlmCalls.CountAsync());
        Assert.Equal(1, ledger.DroppedCount);
    }

    [Fact]
    public async Task Writer_DatabaseDownThenBack_RetriesAndWritesTheBatch()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"spg-ledger-{Guid.NewGuid():N}");
        var file = Path.Combine(missing, "ledger.db");
        var (services, ledger, writer) = Build(file);
        await writer.StartAsync(CancellationToken.None);
        try
        {
            ledger.OnCall(Record(1));
            await Task.Delay(700);
            Assert.Equal(0, writer.WrittenCount);

            Directory.CreateDirectory(missing);
            await using (var setup = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={file};Pooling=False").Options))
            {
                await setup.Database.MigrateAsync();
            }

            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (writer.WrittenCount == 0 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            Assert.Equal(1, writer.WrittenCount);
        }
        finally
        {
            await writer.StopAsync(CancellationToken.None);
            await services.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(missing, recursive: true);
        }
    }

    private async Task WaitForRowsAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            await using var db = _database.CreateContext();
            if (await db.LlmCalls.CountAsync() >= count)
            {
                return;
            }

            await Task.Delay(50);
        }
    }

    private static (ServiceProvider Services, UsageLedger Ledger, UsageLedgerWriter Writer) Build(string sqliteFile)
    {
        var services = new ServiceCollection()
            .AddDbContext<AppDbContext, SqliteAppDbContext>(o => o.UseSqlite($"Data Source={sqliteFile};Mode=ReadWrite"))
            .BuildServiceProvider();
        var ledger = new UsageLedger(TimeProvider.System);
        var writer = new UsageLedgerWriter(ledger, services.GetRequiredService<IServiceScopeFactory>(), LoggerFactory.Create(b => b.AddConsole()).CreateLogger<UsageLedgerWriter>());
        return (services, ledger, writer);
    }

    private static LlmCallRecord Record(int i) =>
        new(PromptOperation.Enhance, "test/model", "openrouter:test/model", CallOutcome.Ok, 200, i % 500, 10, 20, null, false);
}
