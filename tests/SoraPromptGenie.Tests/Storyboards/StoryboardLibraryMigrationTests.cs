using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;
using SoraPromptGenie.Core.Storyboards;
using SoraPromptGenie.Data;
using SoraPromptGenie.Data.Entities;
using SoraPromptGenie.Library;
using SoraPromptGenie.Storyboards;
using SoraPromptGenie.Tests.Data;

namespace SoraPromptGenie.Tests.Storyboards;

/// <summary>
/// A database of the release before storyboards, holding a workspace with a shared prompt, upgraded by the
/// <c>Storyboards</c> migration: the prompt is kept, storyboards can be saved in the same workspace, deleting the workspace
/// deletes them, and the migration rolls back. Runs on both providers.
/// </summary>
public abstract class StoryboardLibraryMigrationTests(DatabaseProvider provider)
{
    private static readonly DateTime Created = new(2026, 5, 6, 7, 8, 9, DateTimeKind.Utc);

    [Fact]
    public async Task Migration_DatabaseHoldingPrompts_KeepsThemAndSavesStoryboardsBesideThem()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var migrator = db.GetService<IMigrator>();
        var migrations = db.Database.GetMigrations().ToList();
        var storyboards = migrations.FindIndex(m => m.EndsWith("_Storyboards", StringComparison.Ordinal));
        Assert.True(storyboards > 0, "The Storyboards migration is missing.");
        await migrator.MigrateAsync(migrations[storyboards - 1]);
        var workspace = new Workspace { Id = Guid.CreateVersion7(), KeyHash = new byte[32], CreatedAt = Created, LastUsedAt = Created };
        db.Workspaces.Add(workspace);
        var prompt = new SavedPrompt
        {
            Id = Guid.CreateVersion7(),
            WorkspaceId = workspace.Id,
            Title = "Harbor",
            Text = "A misty harbor at dawn.",
            Target = "sora-2",
            CurrentVersion = 1,
            ShareTokenHash = new byte[32],
            CreatedAt = Created,
            UpdatedAt = Created,
        };
        prompt.Versions.Add(new PromptVersion { Id = Guid.CreateVersion7(), Number = 1, Title = "Harbor", Text = "A misty harbor at dawn.", Operation = "manual", CreatedAt = Created });
        db.Prompts.Add(prompt);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        await migrator.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges());
        var kept = await db.Prompts.AsNoTracking().Include(p => p.Versions).SingleAsync();
        Assert.Equal((prompt.Id, "Harbor", "A misty harbor at dawn.", "sora-2", 1, Created), (kept.Id, kept.Title, kept.Text, kept.Target, Assert.Single(kept.Versions).Number, kept.UpdatedAt));
        var library = new StoryboardLibrary(db, TimeProvider.System, Options.Create(new LibraryOptions()), new EphemeralDataProtectionProvider());
        var board = new Storyboard(
            [new StoryboardShot("A misty harbor at dawn.", 4), new StoryboardShot("Gulls lift off the pier.", 5)], new StoryboardContinuity([]), "Harbor");
        var saved = await library.CreateAsync(workspace.Id, new StoryboardSaveDraft(board, new VersionSource(VersionOperations.Manual)), CancellationToken.None);
        Assert.Equal(SaveOutcome.Saved, saved.Outcome);
        Assert.Equal(board.Shots, (await library.GetAsync(workspace.Id, saved.Storyboard!.Id, CancellationToken.None))!.Storyboard.Shots);

        await db.Workspaces.Where(w => w.Id == workspace.Id).ExecuteDeleteAsync();

        Assert.Equal(0, await db.Storyboards.CountAsync());
        Assert.Equal(0, await db.StoryboardVersions.CountAsync());
        Assert.Equal(0, await db.Prompts.CountAsync());
    }

    [Fact]
    public async Task Migration_RolledBack_LeavesTheSchemaBeforeWithItsPrompts()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        await db.Database.MigrateAsync();
        var workspace = new Workspace { Id = Guid.CreateVersion7(), KeyHash = new byte[32], CreatedAt = Created, LastUsedAt = Created };
        db.Workspaces.Add(workspace);
        db.Prompts.Add(new SavedPrompt { Id = Guid.CreateVersion7(), WorkspaceId = workspace.Id, Title = "Fox", Text = "A fox.", CurrentVersion = 1, CreatedAt = Created, UpdatedAt = Created });
        await db.SaveChangesAsync();

        var migrations = db.Database.GetMigrations().ToList();
        await db.GetService<IMigrator>().MigrateAsync(migrations[migrations.FindIndex(m => m.EndsWith("_Storyboards", StringComparison.Ordinal)) - 1]);

        Assert.Equal("A fox.", await db.Database.SqlQuery<string>($"SELECT text AS \"Value\" FROM prompts").SingleAsync());
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.SqlQuery<int>($"SELECT count(*) AS \"Value\" FROM storyboards").SingleAsync());
    }
}

public sealed class StoryboardLibraryMigrationSqliteTests() : StoryboardLibraryMigrationTests(DatabaseProvider.Sqlite);

public sealed class StoryboardLibraryMigrationPostgresTests() : StoryboardLibraryMigrationTests(DatabaseProvider.Postgres);
