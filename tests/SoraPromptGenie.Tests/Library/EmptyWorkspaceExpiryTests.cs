using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SoraPromptGenie.Data;
using SoraPromptGenie.Data.Entities;
using SoraPromptGenie.Library;
using SoraPromptGenie.Tests.Data;

namespace SoraPromptGenie.Tests.Library;

/// <summary>
/// Before its host starts, the database already holds a workspace that is empty and unused for 31 days, and one that is
/// as old but holds a prompt: the expiry's first sweep at start must remove the first without any request.
/// </summary>
public abstract class SeededExpiryAppFactory(DatabaseProvider provider) : LibraryAppFactory(provider)
{
    public Guid ExpiredWorkspace { get; } = Guid.CreateVersion7();

    public Guid KeptWorkspace { get; } = Guid.CreateVersion7();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Database.MigrateAsync();
        await using var db = Database.CreateContext();
        var old = DateTime.UtcNow.AddDays(-31);
        db.Workspaces.Add(new Workspace { Id = ExpiredWorkspace, KeyHash = [.. Guid.NewGuid().ToByteArray(), .. Guid.NewGuid().ToByteArray()], CreatedAt = old, LastUsedAt = old });
        db.Workspaces.Add(new Workspace { Id = KeptWorkspace, KeyHash = [.. Guid.NewGuid().ToByteArray(), .. Guid.NewGuid().ToByteArray()], CreatedAt = old, LastUsedAt = old });
        db.Prompts.Add(new SavedPrompt { Id = Guid.CreateVersion7(), WorkspaceId = KeptWorkspace, Title = "Kept", Text = "A fox.", CurrentVersion = 1, CreatedAt = old, UpdatedAt = old });
        await db.SaveChangesAsync();
    }
}

public sealed class SqliteSeededExpiryAppFactory() : SeededExpiryAppFactory(DatabaseProvider.Sqlite);

public sealed class PostgresSeededExpiryAppFactory() : SeededExpiryAppFactory(DatabaseProvider.Postgres);

/// <summary>Empty workspaces expire after <c>Library:EmptyWorkspaceRetentionDays</c> (30) without use, on both providers.</summary>
public abstract class EmptyWorkspaceExpiryTests<TFactory, TSeeded>(TFactory factory, TSeeded seeded)
    where TFactory : LibraryAppFactory
    where TSeeded : SeededExpiryAppFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    private EmptyWorkspaceExpiry Expiry => factory.Services.GetServices<IHostedService>().OfType<EmptyWorkspaceExpiry>().Single();

    [Fact]
    public async Task Sweep_DeletesOnlyEmptyWorkspacesUnusedLongerThanTheRetention()
    {
        var expired = await _client.CreateWorkspaceAsync();
        var recent = await _client.CreateWorkspaceAsync();
        var withPrompt = await _client.CreateWorkspaceAsync();
        await _client.CreatePromptAsync(withPrompt.Key, "Kept", "A fox at dawn.");
        await SetLastUsedAsync(expired.WorkspaceId, DateTime.UtcNow.AddDays(-30).AddMinutes(-1));
        await SetLastUsedAsync(recent.WorkspaceId, DateTime.UtcNow.AddDays(-29));
        await SetLastUsedAsync(withPrompt.WorkspaceId, DateTime.UtcNow.AddDays(-400));

        var deleted = await Expiry.SweepAsync(CancellationToken.None);

        await using var db = factory.Database.CreateContext();
        var left = await db.Workspaces.Where(w => w.Id == expired.WorkspaceId || w.Id == recent.WorkspaceId || w.Id == withPrompt.WorkspaceId).Select(w => w.Id).ToListAsync();
        Assert.True(deleted >= 1);
        Assert.Equal([recent.WorkspaceId, withPrompt.WorkspaceId], left.Order());
        using var list = await _client.SendAsync(HttpMethod.Get, "/api/prompts", expired.Key);
        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
    }

    [Fact]
    public async Task KeySent_AfterLongDisuse_MarksTheWorkspaceUsedSoTheSweepKeepsIt()
    {
        var workspace = await _client.CreateWorkspaceAsync();
        await SetLastUsedAsync(workspace.WorkspaceId, DateTime.UtcNow.AddDays(-45));

        using var list = await _client.SendAsync(HttpMethod.Get, "/api/prompts", workspace.Key);
        await Expiry.SweepAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        await using var db = factory.Database.CreateContext();
        var lastUsed = await db.Workspaces.Where(w => w.Id == workspace.WorkspaceId).Select(w => (DateTime?)w.LastUsedAt).SingleOrDefaultAsync();
        Assert.NotNull(lastUsed);
        Assert.InRange(lastUsed.Value, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(5));
    }

    [Fact]
    public async Task KeySent_WithinTheHour_IsNotWrittenAgain()
    {
        var workspace = await _client.CreateWorkspaceAsync();
        var recently = DateTime.UtcNow.AddMinutes(-30);
        await SetLastUsedAsync(workspace.WorkspaceId, recently);

        using var list = await _client.SendAsync(HttpMethod.Get, "/api/prompts", workspace.Key);

        await using var db = factory.Database.CreateContext();
        var lastUsed = await db.Workspaces.Where(w => w.Id == workspace.WorkspaceId).Select(w => w.LastUsedAt).SingleAsync();
        Assert.Equal(recently, lastUsed, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task CreatePrompt_InAWorkspaceTheSweepDeleted_Answers401AndStoresNothing()
    {
        var workspace = await _client.CreateWorkspaceAsync();
        await using var db = factory.Database.CreateContext();
        var library = new LibraryService(db, TimeProvider.System, Options.Create(new LibraryOptions()), new EphemeralDataProtectionProvider());
        await SetLastUsedAsync(workspace.WorkspaceId, DateTime.UtcNow.AddDays(-31));
        await Expiry.SweepAsync(CancellationToken.None);

        var result = await library.CreatePromptAsync(workspace.WorkspaceId, new PromptDraft("Late", "A fox."), CancellationToken.None);

        Assert.Equal(SaveOutcome.NotFound, result.Outcome);
        Assert.False(await db.Prompts.AnyAsync(p => p.WorkspaceId == workspace.WorkspaceId));
    }

    [Fact]
    public async Task Sweep_RetentionZero_DeletesNothing()
    {
        var workspace = await _client.CreateWorkspaceAsync();
        await SetLastUsedAsync(workspace.WorkspaceId, DateTime.UtcNow.AddDays(-3650));
        var off = new EmptyWorkspaceExpiry(
            factory.Services.GetRequiredService<IServiceScopeFactory>(),
            Options.Create(new LibraryOptions { EmptyWorkspaceRetentionDays = 0 }),
            TimeProvider.System,
            NullLogger<EmptyWorkspaceExpiry>.Instance);

        Assert.Equal(0, await off.SweepAsync(CancellationToken.None));
        await using var db = factory.Database.CreateContext();
        Assert.True(await db.Workspaces.AnyAsync(w => w.Id == workspace.WorkspaceId));
    }

    [Fact]
    public async Task HostStart_ExpiredEmptyWorkspaceInTheDatabase_IsDeletedWithoutARequest()
    {
        _ = seeded.Server;
        await using var db = seeded.Database.CreateContext();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await db.Workspaces.AnyAsync(w => w.Id == seeded.ExpiredWorkspace) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.False(await db.Workspaces.AnyAsync(w => w.Id == seeded.ExpiredWorkspace));
        Assert.True(await db.Workspaces.AnyAsync(w => w.Id == seeded.KeptWorkspace));
    }

    [Fact]
    public async Task Migration_WorkspaceFromBeforeLastUse_CountsAsUsedAtTheUpgrade()
    {
        await using var database = await TestDatabase.CreateAsync(factory.Provider);
        await using var db = database.CreateContext();
        var migrator = db.GetService<IMigrator>();
        var migrations = db.Database.GetMigrations().ToList();
        var before = migrations[migrations.FindIndex(m => m.EndsWith("_WorkspaceLastUsedAt", StringComparison.Ordinal)) - 1];
        await migrator.MigrateAsync(before);
        var created = new DateTime(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        var id = Guid.CreateVersion7();

        // EF keeps a Guid as upper-case text on SQLite and as uuid on PostgreSQL.
        object idValue = database.Provider == DatabaseProvider.Sqlite ? id.ToString().ToUpperInvariant() : id;
        await db.Database.ExecuteSqlAsync($"INSERT INTO workspaces (id, key_hash, created_at) VALUES ({idValue}, {new byte[32]}, {created})");

        await migrator.MigrateAsync();

        var workspace = await db.Workspaces.AsNoTracking().SingleAsync();
        Assert.Equal(id, workspace.Id);
        Assert.Equal(created, workspace.CreatedAt);
        Assert.InRange(workspace.LastUsedAt, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(5));
    }

    private async Task SetLastUsedAsync(Guid workspaceId, DateTime lastUsed)
    {
        await using var db = factory.Database.CreateContext();
        var updated = await db.Workspaces.Where(w => w.Id == workspaceId).ExecuteUpdateAsync(s => s.SetProperty(w => w.LastUsedAt, lastUsed));
        Assert.Equal(1, updated);
    }
}

public sealed class EmptyWorkspaceExpirySqliteTests(SqliteAppFactory factory, SqliteSeededExpiryAppFactory seeded)
    : EmptyWorkspaceExpiryTests<SqliteAppFactory, SqliteSeededExpiryAppFactory>(factory, seeded),
    IClassFixture<SqliteAppFactory>,
    IClassFixture<SqliteSeededExpiryAppFactory>;

public sealed class EmptyWorkspaceExpiryPostgresTests(PostgresAppFactory factory, PostgresSeededExpiryAppFactory seeded)
    : EmptyWorkspaceExpiryTests<PostgresAppFactory, PostgresSeededExpiryAppFactory>(factory, seeded),
    IClassFixture<PostgresAppFactory>,
    IClassFixture<PostgresSeededExpiryAppFactory>;
