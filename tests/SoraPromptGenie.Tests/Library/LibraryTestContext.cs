using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SoraPromptGenie.Data;
using SoraPromptGenie.Library;
using SoraPromptGenie.Tests.Data;
using SoraPromptGenie.Tests.Studio;

namespace SoraPromptGenie.Tests.Library;

/// <summary>The studio's services plus the library over a migrated SQLite file of its own, signed in to a fresh workspace.</summary>
public abstract class LibraryTestContext : StudioTestContext, IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();

    protected LibraryTestContext()
    {
        Services.AddSingleton(Options.Create(Limits));
        Services.AddSingleton<IDataProtectionProvider>(Protection);
    }

    /// <summary>The key ring of the session's library and of <see cref="Direct"/>, so both read the same share tokens.</summary>
    protected EphemeralDataProtectionProvider Protection { get; } = new();

    /// <summary>The library's caps for this test; change them before the first library call.</summary>
    protected LibraryOptions Limits { get; } = new();

    protected Guid WorkspaceId { get; private set; }

    protected string WorkspaceKey { get; private set; } = string.Empty;

    protected LibrarySession Library => Services.GetRequiredService<LibrarySession>();

    protected CircuitWorkspace Workspace => Services.GetRequiredService<CircuitWorkspace>();

    public async Task InitializeAsync()
    {
        await _database.MigrateAsync();
        Services.AddScoped<AppDbContext>(_ => _database.CreateContext());
        await using var db = _database.CreateContext();
        var created = await new LibraryService(db, TimeProvider.System, Options.Create(Limits), Protection).CreateWorkspaceAsync(CancellationToken.None);
        (WorkspaceId, WorkspaceKey) = (created.WorkspaceId, created.Key);
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    protected void SignIn(string? newKey = null) => Workspace.Capture(WorkspaceId, newKey, unavailable: false);

    /// <summary>A context of its own on the test's database, to change rows behind the session's back.</summary>
    protected AppDbContext CreateDbContext() => _database.CreateContext();

    /// <summary>A second service on the same database, to look behind the session's back.</summary>
    protected LibraryService Direct() => new(_database.CreateContext(), TimeProvider.System, Options.Create(Limits), Protection);
}
