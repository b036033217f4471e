using Microsoft.EntityFrameworkCore;
using SoraPromptGenie.Data;
using SoraPromptGenie.Data.Entities;
using SoraPromptGenie.Tests.Data;
using SoraPromptGenie.Usage;

namespace SoraPromptGenie.Tests.Usage;

public sealed class LedgerRowInserterTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task InsertAsync_StoresEachColumnExactlyAsSaveChangesDoes(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.MigrateAsync();
        var viaEf = new[] { Row(1, full: true), Row(2, full: false) };
        var viaInserter = new[] { Row(3, full: true), Row(4, full: false) };

        await using (var db = database.CreateContext())
        {
            db.LlmCalls.AddRange(viaEf);
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateContext())
        {
            await LedgerRowInserter.InsertAsync(db, viaInserter, CancellationToken.None);
        }

        await using (var db = database.CreateContext())
        {
            var stored = await RawRowsAsync(db);
            Assert.Equal(4, stored.Count);
            Assert.Equal(stored[0], stored[2]);
            Assert.Equal(stored[1], stored[3]);

            var read = await db.LlmCalls.AsNoTracking().OrderBy(c => c.LatencyMs).ToListAsync();
            Assert.Equal(viaEf.Concat(viaInserter).Select(Describe), read.Select(Describe));
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task InsertAsync_DuplicateKeyInTheBatch_StoresNoneOfIt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.MigrateAsync();
        var first = Row(1, full: true);
        var duplicate = Row(2, full: true);
        duplicate.Id = first.Id;

        await using (var db = database.CreateContext())
        {
            await Assert.ThrowsAnyAsync<Exception>(() => LedgerRowInserter.InsertAsync(db, [first, Row(3, full: false), duplicate], CancellationToken.None));
        }

        await using (var db = database.CreateContext())
        {
            Assert.Equal(0, await db.LlmCalls.CountAsync());
        }
    }

    /// <summary>Every column but the id and the latency (which tell the rows apart) as the provider returns it.</summary>
    private static async Task<List<string>> RawRowsAsync(AppDbContext db)
    {
        var rows = new List<string>();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "SELECT * FROM llm_calls ORDER BY latency_ms";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var columns = Enumerable.Range(0, reader.FieldCount)
                .Where(i => reader.GetName(i) is not ("id" or "latency_ms"))
                .Select(i => $"{reader.GetName(i)}={reader.GetValue(i)} ({reader.GetValue(i).GetType().Name})");
            rows.Add(string.Join("; ", columns));
        }

        return rows;
    }

    private static string Describe(LlmCall c) =>
        $"{c.Id} {c.Timestamp:O} {c.Timestamp.Kind} {c.Operation} {c.Model} {c.Engine} {c.Outcome} {c.StatusCode} {c.LatencyMs} {c.PromptTokens} " +
        $"{c.CompletionTokens} {c.Cost} {c.Cached} {c.Offline} {c.RequestId}";

    // A microsecond timestamp: PostgreSQL keeps microseconds, so both paths round-trip it unchanged.
    private static LlmCall Row(int n, bool full) => new()
    {
        Id = Guid.CreateVersion7(new DateTimeOffset(2026, 11, 28, 12, 0, n, TimeSpan.Zero)),
        Timestamp = new DateTime(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc).AddTicks(full ? 1_234_560L : 7_654_320L),
        Operation = "enhance",
        Model = "test/model",
        Engine = full ? "openrouter:test/model" : "offline",
        Outcome = full ? "ok" : "upstream_timeout",
        StatusCode = full ? 200 : null,
        LatencyMs = n * 10,
        PromptTokens = full ? 1_234 : null,
        CompletionTokens = full ? 567 : null,
        Cost = full ? 0.00012345m : null,
        Cached = full,
        Offline = !full,
        RequestId = full ? "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01" : null,
    };
}
