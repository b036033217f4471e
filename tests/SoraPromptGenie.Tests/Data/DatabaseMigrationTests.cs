using Microsoft.EntityFrameworkCore;

namespace SoraPromptGenie.Tests.Data;

/// <summary>The production migration path: the <c>migrate</c> command of the built host, and refusing to start with pending migrations.</summary>
public sealed class DatabaseMigrationTests
{
    [Fact]
    public async Task MigrateCommand_EmptyPostgresDatabase_LeavesNoPendingMigrationsOrModelChanges()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();

        var first = await HostProcess.RunHostAsync(new Dictionary<string, string?> { ["DATABASE_URL"] = database.Url }, "migrate");
        var second = await HostProcess.RunHostAsync(new Dictionary<string, string?> { ["DATABASE_URL"] = database.Url }, "migrate");

        Assert.True(first.ExitCode == 0, first.Output + first.Error);
        Assert.Contains("Applied", first.Output, StringComparison.Ordinal);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("up to date", second.Output, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges());
        Assert.Equal(0, await db.Prompts.CountAsync());
    }

    [Fact]
    public async Task Start_PendingMigrationsInProduction_RefusesToServeWithOneClearLine()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();

        var result = await HostProcess.RunHostAsync(new Dictionary<string, string?> { ["DATABASE_URL"] = database.Url });

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("pending migration", line, StringComparison.Ordinal);
        Assert.Contains("migrate", line, StringComparison.Ordinal);
        Assert.DoesNotContain(database.Server.Password!, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_UnreachableDatabase_ExitsWithOneLineWithoutThePassword()
    {
        var result = await HostProcess.RunHostAsync(new Dictionary<string, string?> { ["DATABASE_URL"] = "postgres://app:s3cret-pass@127.0.0.1:1/none" });

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("unreachable", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pass", result.Error + result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MigrateCommand_NewSqliteFile_CreatesTheSchema()
    {
        await using var database = new SqliteTestDatabase();

        var result = await HostProcess.RunHostAsync(new Dictionary<string, string?> { ["Database__SqlitePath"] = database.FilePath }, "migrate");

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        await using var db = database.CreateContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public async Task Start_MalformedDatabaseUrl_IsRejectedWithoutThePassword()
    {
        var result = await HostProcess.RunHostAsync(new Dictionary<string, string?> { ["DATABASE_URL"] = "postgres://app:hunter2@db:notaport/x" });

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("DATABASE_URL: ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", result.Error + result.Output, StringComparison.Ordinal);
    }
}
