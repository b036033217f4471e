using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace SoraPromptGenie.Data;

/// <summary>
/// Runs before the server listens. Applies pending migrations where that is allowed (Development, SQLite, or
/// <c>Database:MigrateOnStartup=true</c>); elsewhere it refuses to serve while migrations are pending, because a
/// production schema change is a deliberate step (<c>SoraPromptGenie migrate</c>).
/// </summary>
public sealed partial class DatabaseStartup(
    IServiceScopeFactory scopes,
    IOptions<DatabaseOptions> options,
    IHostEnvironment environment,
    ILogger<DatabaseStartup> logger) : IHostedService
{
    public const string MigrateCommand = "migrate";

    private readonly Lock _gate = new();
    private Task? _check;

    /// <summary>
    /// Starts the check on the thread pool while the host is still mapping endpoints; <see cref="StartAsync"/> waits
    /// for it, so the server still never listens before the schema is known to be current.
    /// </summary>
    public void Begin()
    {
        lock (_gate)
        {
            _check ??= Task.Run(() => CheckAsync(CancellationToken.None));
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Begin();
        return _check!.WaitAsync(cancellationToken);
    }

    private async Task CheckAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        try
        {
            if (settings.ShouldMigrateOnStartup(environment))
            {
                var applied = await MigrateAsync(db, settings, environment.ContentRootPath, cancellationToken);
                if (applied.Count > 0)
                {
                    var names = string.Join(", ", applied);
                    MigrationsApplied(logger, applied.Count, names);
                }

                return;
            }

            var pending = await PendingMigrationsAsync(db, cancellationToken);
            if (pending.Count > 0)
            {
                throw new DatabaseStartupException(
                    $"The database has {pending.Count} pending migration(s) ({string.Join(", ", pending)}); " +
                    $"run `dotnet SoraPromptGenie.dll {MigrateCommand}` (see docs/database.md), then start again.");
            }
        }
        catch (Exception ex) when (DatabaseFailures.IsOutage(ex))
        {
            throw new DatabaseStartupException($"The database is unreachable ({ex.GetType().Name}: {ex.Message}).", ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Applies pending migrations and returns their names (none: nothing is touched); SQLite also switches to WAL for
    /// concurrent readers when it migrates.
    /// </summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(
        AppDbContext db, DatabaseOptions settings, string contentRoot, CancellationToken cancellationToken)
    {
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            var file = Path.GetFullPath(settings.SqlitePath, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        }

        // A fresh server has no application database yet; the migration command creates it, as EF's own migrator would.
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken))
        {
            await creator.CreateAsync(cancellationToken);
        }

        var pending = await PendingMigrationsAsync(db, cancellationToken);
        if (pending.Count == 0)
        {
            // The usual start: EF's migrator would still build and diff its migrations model (a few hundred ms).
            return pending;
        }

        // On an empty database EF's migrator first queries the missing history table and logs that at error level;
        // creating the table up front keeps the operator's migration output free of false alarms.
        if (!await HistoryExistsAsync(db, cancellationToken))
        {
            await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), cancellationToken);
        }

        await db.Database.MigrateAsync(cancellationToken);
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        return pending;
    }

    /// <summary>
    /// Like GetPendingMigrationsAsync, but an empty database (no history table yet) does not make EF log a failed
    /// query at error level, which would read as a fault in the operator's migration output.
    /// </summary>
    public static async Task<IReadOnlyList<string>> PendingMigrationsAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await HistoryExistsAsync(db, cancellationToken)
            ? [.. await db.Database.GetPendingMigrationsAsync(cancellationToken)]
            : [.. db.Database.GetMigrations()];
    }

    /// <summary>Asks the catalog, because EF's own check (on Npgsql) queries the table and logs the failure as an error.</summary>
    private static async Task<bool> HistoryExistsAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var sql = db.Database.IsNpgsql()
            ? "SELECT COUNT(*)::int AS \"Value\" FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = '__EFMigrationsHistory'"
            : "SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'";
        return await db.Database.SqlQueryRaw<int>(sql).SingleAsync(cancellationToken) > 0;
    }

    /// <summary>The <c>migrate</c> command: apply, print one line, exit 0; or print the reason and exit 1.</summary>
    public static async Task<int> RunMigrateCommandAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var settings = scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var environment = scope.ServiceProvider.GetRequiredService<IHostEnvironment>();
        try
        {
            var applied = await MigrateAsync(db, settings, environment.ContentRootPath, CancellationToken.None);
            await Console.Out.WriteLineAsync(applied.Count == 0
                ? "The database schema is up to date; no migrations to apply."
                : $"Applied {applied.Count} migration(s): {string.Join(", ", applied)}.");
            return 0;
        }
        catch (Exception ex) when (DatabaseFailures.IsOutage(ex) || ex is InvalidOperationException or System.Data.Common.DbException)
        {
            await Console.Error.WriteLineAsync($"Migration failed: {ex.GetType().Name}: {ex.Message}");
            return 1;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied {Count} database migration(s): {Migrations}")]
    private static partial void MigrationsApplied(ILogger logger, int count, string migrations);
}
