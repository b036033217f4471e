using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using SoraPromptGenie.Core.Engines;
using SoraPromptGenie.Data;
using SoraPromptGenie.Data.Entities;
using SoraPromptGenie.Library;
using SoraPromptGenie.Usage;

// Persistence benchmark against a real PostgreSQL: saving a version, listing 50 of 10,000 prompts in one workspace, and
// what the usage ledger adds to an AI request. Usage: dotnet run -c Release --project bench/Persistence [-- <server url>]
// (default: DATABASE_URL, else scripts/pg.sh's server). It creates and drops its own database spg_bench_<guid>.
var serverUrl = args.FirstOrDefault() ?? Environment.GetEnvironmentVariable("DATABASE_URL") ?? "postgres://postgres:sora-dev@127.0.0.1:55432/postgres";
var server = DatabaseUrl.Parse(serverUrl);
var name = $"spg_bench_{Guid.NewGuid():N}";
var admin = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;
await Sql.ExecuteAsync(admin, $"CREATE DATABASE \"{name}\"");
var connectionString = DatabaseUrl.ToConnectionString(new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name }.ConnectionString);
var options = new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(connectionString).Options;
var rows = new List<(string Name, int Count, double P50, double P99, string Unit)>();

try
{
    await using (var db = new PostgresAppDbContext(options))
    {
        await db.Database.MigrateAsync();
    }

    const int PromptCount = 10_000;
    const int Iterations = 1_000;

    // The benchmark's workspace holds more than the product's default caps allow, so it runs with caps that fit it.
    var libraryOptions = Options.Create(new LibraryOptions { MaxPromptsPerWorkspace = PromptCount, MaxVersionsPerPrompt = Iterations + 1 });
    var protection = new EphemeralDataProtectionProvider();
    var workspace = await Seed.WorkspaceWithPromptsAsync(options, connectionString, PromptCount);
    Console.WriteLine($"Seeded one workspace with {PromptCount:N0} prompts on PostgreSQL ({server.Host}:{server.Port}).");

    // Saving a version: a manual edit with If-Match semantics (read, guarded UPDATE, INSERT of the version, one transaction).
    var promptId = workspace.FirstPromptId;
    var version = 1;
    var save = await Measure.RunAsync(Iterations, async i =>
    {
        await using var db = new PostgresAppDbContext(options);
        var library = new LibraryService(db, TimeProvider.System, libraryOptions, protection);
        var result = await library.UpdatePromptAsync(workspace.Id, promptId, version, new PromptDraft("Bench", $"Edit number {i}"), CancellationToken.None);
        version = result.Prompt!.Version;
    });
    rows.Add(("save a version (PUT)", Iterations, save.P50, save.P99, "ms"));

    var list = await Measure.RunAsync(Iterations, async _ =>
    {
        await using var db = new PostgresAppDbContext(options);
        var page = await new LibraryService(db, TimeProvider.System, libraryOptions, protection).ListPromptsAsync(workspace.Id, null, 1, 50, CancellationToken.None);
        if (page.Items.Count != 50 || page.Total != PromptCount)
        {
            throw new InvalidOperationException("Unexpected page.");
        }
    });
    rows.Add(("list 50 of 10,000 (page 1)", Iterations, list.P50, list.P99, "ms"));

    var deep = await Measure.RunAsync(200, async _ =>
    {
        await using var db = new PostgresAppDbContext(options);
        await new LibraryService(db, TimeProvider.System, libraryOptions, protection).ListPromptsAsync(workspace.Id, null, 100, 50, CancellationToken.None);
    });
    rows.Add(("list 50 of 10,000 (page 100)", 200, deep.P50, deep.P99, "ms"));

    var search = await Measure.RunAsync(200, async _ =>
    {
        await using var db = new PostgresAppDbContext(options);
        await new LibraryService(db, TimeProvider.System, libraryOptions, protection).ListPromptsAsync(workspace.Id, "harbor 42", 1, 50, CancellationToken.None);
    });
    rows.Add(("search + list 50 of 10,000", 200, search.P50, search.P99, "ms"));

    // The ledger on the request path is one TryWrite into a bounded channel; the writer stores batches in the background.
    var (ledgerCost, baseline, written, dropped) = await LedgerBench.RunAsync(options, 50_000);
    rows.Add(("AI request: observer without ledger", 50_000, baseline.P50, baseline.P99, "µs"));
    rows.Add(("AI request: observer with ledger", 50_000, ledgerCost.P50, ledgerCost.P99, "µs"));
    rows.Add(("AI request: ledger mean per call (vs none)", 50_000, ledgerCost.Mean, baseline.Mean, "µs (mean with | mean without)"));
    rows.Add(($"ledger rows written in background: {written:N0}, dropped: {dropped:N0}", 1, 0, 0, "-"));
}
finally
{
    NpgsqlConnection.ClearAllPools();
    await Sql.ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
}

Console.WriteLine();
Console.WriteLine("| measurement | n | p50 | p99 | unit |");
Console.WriteLine("|---|---:|---:|---:|---|");
foreach (var (label, count, p50, p99, unit) in rows)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {label} | {count} | {p50:F3} | {p99:F3} | {unit} |"));
}

internal static class Sql
{
    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

internal sealed record SeededWorkspace(Guid Id, Guid FirstPromptId);

internal static class Seed
{
    public static async Task<SeededWorkspace> WorkspaceWithPromptsAsync(DbContextOptions<PostgresAppDbContext> options, string connectionString, int count)
    {
        var workspaceId = Guid.CreateVersion7();
        var start = DateTime.UtcNow.AddDays(-30);
        await using (var db = new PostgresAppDbContext(options))
        {
            db.Workspaces.Add(new Workspace { Id = workspaceId, KeyHash = Guid.NewGuid().ToByteArray().Concat(Guid.NewGuid().ToByteArray()).ToArray(), CreatedAt = start });
            await db.SaveChangesAsync();
        }

        Guid first = default;
        for (var batch = 0; batch < count; batch += 1_000)
        {
            await using var db = new PostgresAppDbContext(options);
            for (var i = batch; i < Math.Min(count, batch + 1_000); i++)
            {
                var at = start.AddSeconds(i * 10);
                var prompt = new SavedPrompt
                {
                    Id = Guid.CreateVersion7(),
                    WorkspaceId = workspaceId,
                    Title = $"Prompt {i}",
                    Text = $"A slow dolly shot over harbor {i} at dawn, mist on the water, 35mm, soft backlight. " + new string('x', 400),
                    CurrentVersion = 1,
                    CreatedAt = at,
                    UpdatedAt = at,
                };
                prompt.Versions.Add(new PromptVersion
                {
                    Id = Guid.CreateVersion7(),
                    PromptId = prompt.Id,
                    Number = 1,
                    Title = prompt.Title,
                    Text = prompt.Text,
                    Operation = VersionOperations.Manual,
                    CreatedAt = at,
                });
                db.Prompts.Add(prompt);
                first = first == default ? prompt.Id : first;
            }

            await db.SaveChangesAsync();
        }

        await Sql.ExecuteAsync(connectionString, "ANALYZE");
        return new SeededWorkspace(workspaceId, first);
    }
}

internal readonly record struct Percentiles(double P50, double P99, double Mean = 0);

internal static class Measure
{
    /// <summary>Runs a warm-up of 20, then <paramref name="iterations"/> timed calls; milliseconds.</summary>
    public static async Task<Percentiles> RunAsync(int iterations, Func<int, Task> action)
    {
        for (var i = 0; i < 20; i++)
        {
            await action(-i - 1);
        }

        var samples = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await action(i);
            samples[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        return Of(samples);
    }

    public static Percentiles Of(double[] samples)
    {
        Array.Sort(samples);
        return new Percentiles(At(samples, 0.50), At(samples, 0.99));
    }

    private static double At(double[] sorted, double fraction) => sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];
}

internal static class LedgerBench
{
    /// <summary>
    /// Times the observer call an AI request makes after each engine call, with the ledger (writer running against
    /// PostgreSQL) and without it; microseconds.
    /// </summary>
    public static async Task<(Percentiles WithLedger, Percentiles Without, long Written, long Dropped)> RunAsync(DbContextOptions<PostgresAppDbContext> options, int calls)
    {
        var services = new ServiceCollection()
            .AddSingleton(options)
            .AddScoped<AppDbContext>(sp => new PostgresAppDbContext(sp.GetRequiredService<DbContextOptions<PostgresAppDbContext>>()));
        await using var provider = services.BuildServiceProvider();
        var ledger = new UsageLedger(TimeProvider.System);
        var writer = new UsageLedgerWriter(ledger, provider.GetRequiredService<IServiceScopeFactory>(), NullLogger<UsageLedgerWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);

        var record = new LlmCallRecord(PromptOperation.Enhance, "bench/model", "openrouter:bench/model", CallOutcome.Ok, 200, 850, 120, 240, 0.0002m, false);
        var none = new NoObserver();
        var without = Time(calls, () => none.OnCall(record));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Timer resolution: {1e6 / Stopwatch.Frequency:F3} µs per tick."));
        var with = new double[calls];
        for (var i = 0; i < calls; i++)
        {
            var started = Stopwatch.GetTimestamp();
            ledger.OnCall(record);
            with[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;

            // Bursts of 500 calls every 50 ms (10,000 calls/s): far above a real server's LLM call rate.
            if (i % 500 == 499)
            {
                await Task.Delay(50);
            }
        }

        await writer.StopAsync(CancellationToken.None);
        var mean = with.Average();
        return (Measure.Of(with) with { Mean = mean }, Measure.Of(without) with { Mean = without.Average() }, writer.WrittenCount, ledger.DroppedCount);
    }

    private static double[] Time(int calls, Action action)
    {
        var samples = new double[calls];
        for (var i = 0; i < calls; i++)
        {
            var started = Stopwatch.GetTimestamp();
            action();
            samples[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
        }

        return samples;
    }

    private sealed class NoObserver : ILlmCallObserver
    {
        public void OnCall(LlmCallRecord record)
        {
        }
    }
}
