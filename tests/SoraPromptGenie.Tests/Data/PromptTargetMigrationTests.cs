using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;
using SoraPromptGenie.Data;
using SoraPromptGenie.Data.Entities;
using SoraPromptGenie.Library;
using SoraPromptGenie.Tests.Library;

namespace SoraPromptGenie.Tests.Data;

/// <summary>
/// A database of the release before targets, holding a Sora-era prompt with two versions, upgraded by the
/// <c>PromptTarget</c> migration: every value is kept and the new target and parameters are empty. Runs on both providers.
/// </summary>
public abstract class PromptTargetMigrationTests(DatabaseProvider provider)
{
    private static readonly DateTime Created = new(2026, 5, 6, 7, 8, 9, DateTimeKind.Utc);
    private static readonly DateTime Edited = new(2026, 5, 7, 10, 11, 12, DateTimeKind.Utc);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Migration_SoraEraPromptAndVersions_KeepsEveryValueAndLeavesTargetEmpty()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var migrator = db.GetService<IMigrator>();
        var migrations = db.Database.GetMigrations().ToList();
        var targetMigration = migrations.FindIndex(m => m.EndsWith("_PromptTarget", StringComparison.Ordinal));
        Assert.True(targetMigration > 0, "The PromptTarget migration is missing.");
        await migrator.MigrateAsync(migrations[targetMigration - 1]);
        var (workspace, prompt, first, second) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());

        // EF keeps a Guid as upper-case text on SQLite and as uuid on PostgreSQL.
        object Id(Guid id) => provider == DatabaseProvider.Sqlite ? id.ToString().ToUpperInvariant() : id;
        var (workspaceId, promptId, firstId, secondId) = (Id(workspace), Id(prompt), Id(first), Id(second));
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO workspaces (id, key_hash, created_at, last_used_at) VALUES ({workspaceId}, {new byte[32]}, {Created}, {Edited})");
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO prompts (id, workspace_id, title, text, model, size, seconds, current_version, share_token_hash, created_at, updated_at)
            VALUES ({promptId}, {workspaceId}, {"Harbor"}, {"A misty harbor at dawn, lit by lamps."}, {"sora-2-pro"}, {"1792x1024"}, {"12"}, {2}, {new byte[32]}, {Created}, {Edited})
            """);
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO prompt_versions (id, prompt_id, number, title, text, model, size, seconds, operation, enhancement_ids, engine, restored_from, created_at)
            VALUES ({firstId}, {promptId}, {1}, {"Harbor"}, {"A misty harbor at dawn."}, {"sora-2"}, {"1280x720"}, {"8"}, {"manual"}, {null}, {null}, {null}, {Created})
            """);
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO prompt_versions (id, prompt_id, number, title, text, model, size, seconds, operation, enhancement_ids, engine, restored_from, created_at)
            VALUES ({secondId}, {promptId}, {2}, {"Harbor"}, {"A misty harbor at dawn, lit by lamps."}, {"sora-2-pro"}, {"1792x1024"}, {"12"}, {"enhance"}, {"lighting/golden-hour"}, {"offline"}, {null}, {Edited})
            """);

        await migrator.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        var saved = await db.Prompts.AsNoTracking().SingleAsync();
        Assert.Equal(
            (prompt, workspace, "Harbor", "A misty harbor at dawn, lit by lamps.", "sora-2-pro", "1792x1024", "12", 2, Created, Edited),
            (saved.Id, saved.WorkspaceId, saved.Title, saved.Text, saved.Model, saved.Size, saved.Seconds, saved.CurrentVersion, saved.CreatedAt, saved.UpdatedAt));
        Assert.Equal(new byte[32], saved.ShareTokenHash);
        Assert.Null(saved.Target);
        Assert.Null(saved.Parameters);
        var versions = await db.PromptVersions.AsNoTracking().OrderBy(v => v.Number).ToListAsync();
        Assert.Equal(
            [
                (first, 1, "A misty harbor at dawn.", "sora-2", "1280x720", "8", "manual", (string?)null, (string?)null, Created),
                (second, 2, "A misty harbor at dawn, lit by lamps.", "sora-2-pro", "1792x1024", "12", "enhance", "lighting/golden-hour", "offline", Edited),
            ],
            versions.Select(v => (v.Id, v.Number, v.Text, v.Model, v.Size, v.Seconds, v.Operation, v.EnhancementIds, v.Engine, v.CreatedAt)));
        Assert.All(versions, v => Assert.Equal((prompt, "Harbor", (int?)null), (v.PromptId, v.Title, v.RestoredFrom)));
        Assert.All(versions, v => Assert.Equal(((string?)null, (string?)null), (v.Target, v.Parameters)));
        Assert.Equal(workspace, (await db.Workspaces.AsNoTracking().SingleAsync()).Id);

        // The library answers for the upgraded rows exactly as before targets.
        var library = new LibraryService(db, TimeProvider.System, Options.Create(new LibraryOptions()), new EphemeralDataProtectionProvider());
        var answer = (await library.GetPromptAsync(workspace, prompt, CancellationToken.None))!;
        Assert.Equal(("sora-2-pro", "1792x1024", "12", 2), (answer.Model, answer.Size, answer.Seconds, answer.Version));
        Assert.Equal(LibraryWireFields.Prompt, Fields(answer));
        var history = (await library.ListVersionsAsync(workspace, prompt, null, 1, 20, CancellationToken.None))!;
        Assert.All(history.Items, v => Assert.Equal(LibraryWireFields.Version, Fields(v)));
    }

    private static IEnumerable<string> Fields<T>(T answer)
    {
        using var document = JsonDocument.Parse(JsonSerializer.Serialize(answer, Json));
        return [.. document.RootElement.EnumerateObject().Select(p => p.Name)];
    }

    [Fact]
    public async Task Migration_Upgraded_StoresATargetAndRollsBackToTheSchemaBefore()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        await db.Database.MigrateAsync();
        var workspace = new Workspace { Id = Guid.CreateVersion7(), KeyHash = new byte[32], CreatedAt = Created, LastUsedAt = Created };
        db.Workspaces.Add(workspace);
        db.Prompts.Add(new SavedPrompt
        {
            Id = Guid.CreateVersion7(),
            WorkspaceId = workspace.Id,
            Title = "Fox",
            Text = "A fox.",
            Target = "veo-3.1",
            Parameters = new string('x', 2_000),
            CurrentVersion = 1,
            CreatedAt = Created,
            UpdatedAt = Created,
        });
        await db.SaveChangesAsync();
        Assert.Equal("veo-3.1", (await db.Prompts.AsNoTracking().SingleAsync()).Target);

        var migrations = db.Database.GetMigrations().ToList();
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(migrations[migrations.FindIndex(m => m.EndsWith("_PromptTarget", StringComparison.Ordinal)) - 1]);

        Assert.Equal("A fox.", await db.Database.SqlQuery<string>($"SELECT text AS \"Value\" FROM prompts").SingleAsync());
    }
}

public sealed class PromptTargetMigrationSqliteTests() : PromptTargetMigrationTests(DatabaseProvider.Sqlite);

public sealed class PromptTargetMigrationPostgresTests() : PromptTargetMigrationTests(DatabaseProvider.Postgres);
