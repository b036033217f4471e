using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SoraPromptGenie.Data;

namespace SoraPromptGenie.Tests.Data;

/// <summary>
/// A database of its own for one fixture: a temp SQLite file, or a fresh <c>spg_test_&lt;guid&gt;</c> database on the
/// PostgreSQL named by <c>TEST_DATABASE_URL</c> (scripts/test.sh starts one). Without that variable the PostgreSQL
/// tests fail, locally and in CI alike, rather than pass without having run.
/// </summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public abstract DatabaseProvider Provider { get; }

    /// <summary>Settings for the app, by the operator's names.</summary>
    public abstract IReadOnlyDictionary<string, string?> AppSettings { get; }

    public abstract AppDbContext CreateContext();

    public abstract ValueTask DisposeAsync();

    public static Task<TestDatabase> CreateAsync(DatabaseProvider provider) => provider == DatabaseProvider.Postgres
        ? PostgresTestDatabase.CreateAsync().ContinueWith(t => (TestDatabase)t.Result, TaskScheduler.Default)
        : Task.FromResult<TestDatabase>(new SqliteTestDatabase());

    public async Task MigrateAsync()
    {
        await using var db = CreateContext();
        await db.Database.MigrateAsync();
    }
}

public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _directory = Directory.CreateTempSubdirectory("spg-db-").FullName;

    public string FilePath => Path.Combine(_directory, "test.db");

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override IReadOnlyDictionary<string, string?> AppSettings => new Dictionary<string, string?>
    {
        ["Database:SqlitePath"] = FilePath,
    };

    public override AppDbContext CreateContext() =>
        new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={FilePath}").Options);

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A connection of a host still shutting down may hold the file; the temp cleaner takes it.
        }

        return ValueTask.CompletedTask;
    }
}

public sealed class PostgresTestDatabase : TestDatabase
{
    private readonly NpgsqlConnectionStringBuilder _server;

    private PostgresTestDatabase(NpgsqlConnectionStringBuilder server, string name)
    {
        _server = server;
        Name = name;
    }

    public string Name { get; }

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    /// <summary>A postgres:// URL, so the app's DATABASE_URL parsing is exercised too.</summary>
    public string Url => $"postgres://{Uri.EscapeDataString(_server.Username!)}:{Uri.EscapeDataString(_server.Password ?? string.Empty)}@{_server.Host}:{_server.Port}/{Name}";

    public string ConnectionString => new NpgsqlConnectionStringBuilder(_server.ConnectionString) { Database = Name }.ConnectionString;

    public NpgsqlConnectionStringBuilder Server => _server;

    public override IReadOnlyDictionary<string, string?> AppSettings => new Dictionary<string, string?>
    {
        ["DATABASE_URL"] = Url,
        ["Database:MigrateOnStartup"] = "true",
    };

    public static string ServerUrl => Environment.GetEnvironmentVariable("TEST_DATABASE_URL") is { Length: > 0 } url
        ? url
        : throw new InvalidOperationException(
            "TEST_DATABASE_URL is not set. Run the tests with scripts/test.sh, which starts a throwaway PostgreSQL (scripts/pg.sh).");

    public static async Task<PostgresTestDatabase> CreateAsync(string? serverUrl = null)
    {
        var server = DatabaseUrl.Parse(serverUrl ?? ServerUrl);
        var name = $"spg_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new PostgresTestDatabase(server, name);
    }

    public override AppDbContext CreateContext() =>
        new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(ConnectionString).Options);

    public override async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException)
        {
            // The server is gone (a fault test stopped it); its data directory is thrown away with it.
        }
    }
}
