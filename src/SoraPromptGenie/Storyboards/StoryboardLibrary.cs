using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SoraPromptGenie.Core.Storyboards;
using SoraPromptGenie.Data;
using SoraPromptGenie.Data.Entities;
using SoraPromptGenie.Library;

namespace SoraPromptGenie.Storyboards;

/// <summary>
/// Saved storyboards with version history and share links, under the prompt library's rules: every query is scoped by
/// workspace (another workspace's id behaves like an unknown one), versions are numbered without gaps under optimistic
/// concurrency, an unchanged manual save writes nothing, and writes stop at the caps of <see cref="LibraryOptions"/>.
/// </summary>
public sealed class StoryboardLibrary(AppDbContext db, TimeProvider time, IOptions<LibraryOptions> options, IDataProtectionProvider protection)
{
    private const int AppendAttempts = 3;

    /// <summary>The document column holds the storyboard in the API's own JSON shape.</summary>
    private static readonly JsonSerializerOptions DocumentJson = new(JsonSerializerDefaults.Web);

    private readonly ShareTokens _shareTokens = new(protection);

    /// <summary>
    /// Saves a new storyboard as version 1, unless the workspace already holds <see cref="LibraryOptions.MaxStoryboardsPerWorkspace"/>.
    /// As for prompts, touching the workspace row first serialises concurrent creations in one workspace.
    /// </summary>
    public async Task<StoryboardSaveResult> CreateAsync(Guid workspaceId, StoryboardSaveDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var now = Now();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await db.TouchWorkspaceAsync(workspaceId, now, cancellationToken))
        {
            return new StoryboardSaveResult(SaveOutcome.NotFound);
        }

        var limits = options.Value;
        if (await db.Storyboards.CountAsync(s => s.WorkspaceId == workspaceId, cancellationToken) >= limits.MaxStoryboardsPerWorkspace)
        {
            return new StoryboardSaveResult(SaveOutcome.LimitReached, Problem: limits.StoryboardLimitMessage);
        }

        var storyboard = draft.Storyboard with { Title = draft.Storyboard.Title ?? DefaultTitle.For(draft.Storyboard.Shots[0].Prompt, now, "Untitled storyboard") };
        var saved = new SavedStoryboard { Id = Guid.CreateVersion7(), WorkspaceId = workspaceId, CurrentVersion = 1, CreatedAt = now, UpdatedAt = now };
        Apply(saved, storyboard);
        saved.Versions.Add(Snapshot(saved, draft.Source, now));
        db.Storyboards.Add(saved);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new StoryboardSaveResult(SaveOutcome.Saved, ToResponse(saved), saved.CurrentVersion);
    }

    /// <summary>Newest first; <paramref name="search"/> matches the title, case-insensitively.</summary>
    public async Task<StoryboardListPage> ListAsync(Guid workspaceId, string? search, int page, int pageSize, CancellationToken cancellationToken)
    {
        (page, pageSize) = LibraryQueries.Clamp(page, pageSize);
        var query = db.Storyboards.AsNoTracking().Where(s => s.WorkspaceId == workspaceId);
        if (LibraryQueries.LikePattern(search) is { } pattern)
        {
            query = query.Where(s => EF.Functions.Like(s.Title.ToLower(), pattern, LibraryQueries.LikeEscape));
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await LibraryQueries.PageAsync(
            query.OrderByDescending(s => s.UpdatedAt).ThenByDescending(s => s.Id)
                .Select(s => new StoryboardSummary(s.Id, s.Title, s.ShotCount, s.TotalSeconds, s.Target, s.CurrentVersion, s.UpdatedAt)),
            total,
            page,
            pageSize,
            cancellationToken);
        return new StoryboardListPage(items, page, pageSize, total);
    }

    public async Task<StoryboardResponse?> GetAsync(Guid workspaceId, Guid storyboardId, CancellationToken cancellationToken) =>
        await db.Storyboards.AsNoTracking()
            .FirstOrDefaultAsync(s => s.Id == storyboardId && s.WorkspaceId == workspaceId, cancellationToken) is { } saved
            ? ToResponse(saved)
            : null;

    /// <summary>
    /// Saves <paramref name="draft"/> as the next version, on top of <paramref name="expectedVersion"/>, or of whatever is
    /// newest without one. A manual save that changes nothing answers <see cref="SaveOutcome.Unchanged"/> and writes nothing.
    /// </summary>
    public Task<StoryboardSaveResult> SaveAsync(
        Guid workspaceId, Guid storyboardId, int? expectedVersion, StoryboardSaveDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return AppendAsync(
            workspaceId, storyboardId, expectedVersion, saved => draft.Storyboard with { Title = draft.Storyboard.Title ?? saved.Title }, draft.Source, cancellationToken);
    }

    /// <summary>Makes version <paramref name="number"/> current again, as a new version.</summary>
    public async Task<StoryboardSaveResult> RestoreVersionAsync(
        Guid workspaceId, Guid storyboardId, int number, int? expectedVersion, CancellationToken cancellationToken)
    {
        var old = await VersionsOf(workspaceId, storyboardId).FirstOrDefaultAsync(v => v.Number == number, cancellationToken);
        if (old is null)
        {
            return new StoryboardSaveResult(SaveOutcome.NotFound);
        }

        var content = Read(old.Document);
        var source = new VersionSource(VersionOperations.Restore, RestoredFrom: number);
        return await AppendAsync(workspaceId, storyboardId, expectedVersion, _ => content, source, cancellationToken, forceVersion: true);
    }

    /// <summary>Deletes a storyboard with its history; with <paramref name="expectedVersion"/>, only if it is still that version.</summary>
    public async Task<SaveOutcome> DeleteAsync(Guid workspaceId, Guid storyboardId, int? expectedVersion, CancellationToken cancellationToken)
    {
        var query = Owned(workspaceId, storyboardId);
        var deleted = expectedVersion is { } expected
            ? await query.Where(s => s.CurrentVersion == expected).ExecuteDeleteAsync(cancellationToken)
            : await query.ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0)
        {
            return SaveOutcome.Saved;
        }

        return expectedVersion is not null && await query.AnyAsync(cancellationToken) ? SaveOutcome.Stale : SaveOutcome.NotFound;
    }

    /// <summary>A page of the storyboard's versions, newest first; <paramref name="search"/> matches their title. Null when it is not in the workspace.</summary>
    public async Task<StoryboardVersionList?> ListVersionsAsync(
        Guid workspaceId, Guid storyboardId, string? search, int page, int pageSize, CancellationToken cancellationToken)
    {
        (page, pageSize) = LibraryQueries.Clamp(page, pageSize);
        var current = await Owned(workspaceId, storyboardId).AsNoTracking().Select(s => (int?)s.CurrentVersion).FirstOrDefaultAsync(cancellationToken);
        if (current is null)
        {
            return null;
        }

        var query = db.StoryboardVersions.AsNoTracking().Where(v => v.StoryboardId == storyboardId);
        if (LibraryQueries.LikePattern(search) is { } pattern)
        {
            query = query.Where(v => EF.Functions.Like(v.Title.ToLower(), pattern, LibraryQueries.LikeEscape));
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await LibraryQueries.PageAsync(query.OrderByDescending(v => v.Number), total, page, pageSize, cancellationToken);
        return new StoryboardVersionList(storyboardId, current.Value, [.. rows.Select(ToResponse)], page, pageSize, total);
    }

    /// <summary>
    /// Creates a new read-only share link (the previous one stops working): <paramref name="pinned"/> shows the current
    /// version for good, else the link follows later saves. Null when the storyboard is not in the workspace.
    /// </summary>
    public async Task<ShareLink?> ShareAsync(Guid workspaceId, Guid storyboardId, bool pinned, CancellationToken cancellationToken)
    {
        var (_, hash, kept) = _shareTokens.Create();
        var updated = await Owned(workspaceId, storyboardId).ExecuteUpdateAsync(
            s => s.SetProperty(b => b.ShareTokenHash, hash)
                .SetProperty(b => b.ShareTokenProtected, kept)
                .SetProperty(b => b.SharePinnedVersion, b => pinned ? b.CurrentVersion : null),
            cancellationToken);
        return updated > 0 ? await GetShareAsync(workspaceId, storyboardId, cancellationToken) : null;
    }

    /// <summary>The storyboard's share link as its owner sees it, to copy again; null when it is not shared or not in the workspace.</summary>
    public async Task<ShareLink?> GetShareAsync(Guid workspaceId, Guid storyboardId, CancellationToken cancellationToken)
    {
        var share = await Owned(workspaceId, storyboardId).AsNoTracking()
            .Where(s => s.ShareTokenHash != null)
            .Select(s => new { s.ShareTokenProtected, s.SharePinnedVersion })
            .FirstOrDefaultAsync(cancellationToken);
        return share is null ? null : new ShareLink(_shareTokens.Unprotect(share.ShareTokenProtected), share.SharePinnedVersion);
    }

    public async Task<bool> RevokeShareAsync(Guid workspaceId, Guid storyboardId, CancellationToken cancellationToken) =>
        await Owned(workspaceId, storyboardId).ExecuteUpdateAsync(
            s => s.SetProperty(b => b.ShareTokenHash, (byte[]?)null)
                .SetProperty(b => b.ShareTokenProtected, (string?)null)
                .SetProperty(b => b.SharePinnedVersion, (int?)null),
            cancellationToken) > 0;

    /// <summary>What the share link <paramref name="token"/> shows: the current storyboard, or its pinned version; null when there is no such link.</summary>
    public async Task<SharedStoryboardResponse?> GetSharedAsync(string token, CancellationToken cancellationToken)
    {
        if (ShareTokens.LookupHash(token) is not { } hash)
        {
            return null;
        }

        var shared = await db.Storyboards.AsNoTracking()
            .Where(s => s.ShareTokenHash == hash)
            .Select(s => new { s.Id, s.Title, s.Document, s.ShotCount, s.TotalSeconds, s.CurrentVersion, s.UpdatedAt, s.SharePinnedVersion })
            .FirstOrDefaultAsync(cancellationToken);
        if (shared is null)
        {
            return null;
        }

        if (shared.SharePinnedVersion is not { } pinned)
        {
            return new SharedStoryboardResponse(
                shared.Title, Read(shared.Document), shared.ShotCount, shared.TotalSeconds, shared.CurrentVersion, shared.UpdatedAt);
        }

        return await db.StoryboardVersions.AsNoTracking()
            .FirstOrDefaultAsync(v => v.StoryboardId == shared.Id && v.Number == pinned, cancellationToken) is { } version
            ? ToShared(version, pinned)
            : null;
    }

    /// <summary>
    /// Appends version n+1 in one transaction: the storyboard row's UPDATE is guarded by its concurrency token and the
    /// version row by the unique (storyboard, number) index, so of two writers that read version n exactly one commits.
    /// </summary>
    private async Task<StoryboardSaveResult> AppendAsync(
        Guid workspaceId,
        Guid storyboardId,
        int? expectedVersion,
        Func<SavedStoryboard, Storyboard> change,
        VersionSource source,
        CancellationToken cancellationToken,
        bool forceVersion = false)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var saved = await Owned(workspaceId, storyboardId).FirstOrDefaultAsync(cancellationToken);
            if (saved is null)
            {
                return new StoryboardSaveResult(SaveOutcome.NotFound);
            }

            if (expectedVersion is { } expected && saved.CurrentVersion != expected)
            {
                return new StoryboardSaveResult(SaveOutcome.Stale, CurrentVersion: saved.CurrentVersion);
            }

            var storyboard = change(saved);
            if (!forceVersion && source.Operation == VersionOperations.Manual && saved.Title == storyboard.Title && saved.Document == Write(storyboard))
            {
                return new StoryboardSaveResult(SaveOutcome.Unchanged, ToResponse(saved), saved.CurrentVersion);
            }

            // Versions are numbered 1..n without gaps and never deleted one by one, so the number is the count.
            if (saved.CurrentVersion >= options.Value.MaxVersionsPerPrompt)
            {
                return new StoryboardSaveResult(
                    SaveOutcome.LimitReached, CurrentVersion: saved.CurrentVersion, Problem: options.Value.StoryboardVersionLimitMessage);
            }

            var now = Now();
            Apply(saved, storyboard);
            saved.CurrentVersion++;
            saved.UpdatedAt = now;
            db.StoryboardVersions.Add(Snapshot(saved, source, now));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new StoryboardSaveResult(SaveOutcome.Saved, ToResponse(saved), saved.CurrentVersion);
            }
            catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || DatabaseFailures.IsUniqueViolation(ex))
            {
                if (expectedVersion is not null || attempt == AppendAttempts)
                {
                    db.ChangeTracker.Clear();
                    var current = await Owned(workspaceId, storyboardId).AsNoTracking().Select(s => (int?)s.CurrentVersion).FirstOrDefaultAsync(cancellationToken);
                    return current is null
                        ? new StoryboardSaveResult(SaveOutcome.NotFound)
                        : new StoryboardSaveResult(SaveOutcome.Stale, CurrentVersion: current);
                }
            }
        }
    }

    private IQueryable<SavedStoryboard> Owned(Guid workspaceId, Guid storyboardId) =>
        db.Storyboards.Where(s => s.Id == storyboardId && s.WorkspaceId == workspaceId);

    private IQueryable<StoryboardVersion> VersionsOf(Guid workspaceId, Guid storyboardId) =>
        db.StoryboardVersions.AsNoTracking()
            .Where(v => v.StoryboardId == storyboardId && db.Storyboards.Any(s => s.Id == storyboardId && s.WorkspaceId == workspaceId));

    /// <summary>The document keeps the title, so a version read back is the whole storyboard as it was saved.</summary>
    private static void Apply(SavedStoryboard saved, Storyboard storyboard)
    {
        saved.Title = storyboard.Title!;
        saved.Document = Write(storyboard);
        saved.Target = storyboard.Target;
        saved.ShotCount = storyboard.Shots.Count;
        saved.TotalSeconds = storyboard.TotalSeconds;
    }

    private static StoryboardVersion Snapshot(SavedStoryboard saved, VersionSource source, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        StoryboardId = saved.Id,
        Number = saved.CurrentVersion,
        Title = saved.Title,
        Document = saved.Document,
        Operation = source.Operation,
        Engine = source.Engine,
        RestoredFrom = source.RestoredFrom,
        CreatedAt = now,
    };

    public static string Write(Storyboard storyboard) => JsonSerializer.Serialize(storyboard, DocumentJson);

    public static Storyboard Read(string document) => JsonSerializer.Deserialize<Storyboard>(document, DocumentJson)!;

    private static StoryboardResponse ToResponse(SavedStoryboard s) => new(
        s.Id, s.Title, Read(s.Document), s.ShotCount, s.TotalSeconds, s.CurrentVersion, s.ShareTokenHash is not null, s.CreatedAt, s.UpdatedAt, s.Target);

    private static StoryboardVersionResponse ToResponse(StoryboardVersion v)
    {
        var storyboard = Read(v.Document);
        return new(v.Number, v.Title, storyboard, storyboard.Shots.Count, storyboard.TotalSeconds, v.Operation, v.Engine, v.RestoredFrom, v.CreatedAt);
    }

    private static SharedStoryboardResponse ToShared(StoryboardVersion v, int pinned)
    {
        var storyboard = Read(v.Document);
        return new(v.Title, storyboard, storyboard.Shots.Count, storyboard.TotalSeconds, v.Number, v.CreatedAt, pinned);
    }

    private DateTime Now() => LibraryQueries.Now(time);
}
