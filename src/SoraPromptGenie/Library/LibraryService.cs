using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SoraPromptGenie.Data;
using SoraPromptGenie.Data.Entities;

namespace SoraPromptGenie.Library;

/// <summary>
/// The prompt library: workspaces, prompts, their version history and share links. Used in-process by the JSON API
/// and the Blazor UI. Every prompt query is scoped by workspace, so another workspace's id behaves like an unknown one.
/// Writes stop at the caps of <see cref="LibraryOptions"/> with <see cref="SaveOutcome.LimitReached"/>.
/// </summary>
public sealed class LibraryService(AppDbContext db, TimeProvider time, IOptions<LibraryOptions> options, IDataProtectionProvider protection)
{
    private readonly ShareTokens _shareTokens = new(protection);

    public const int MaxPageSize = LibraryQueries.MaxPageSize;
    public const int ExcerptLength = 200;
    private const int KeyBytes = 32;

    /// <summary>The length of a key: <see cref="KeyBytes"/> random bytes in unpadded base64url.</summary>
    public const int KeyLength = (KeyBytes * 4 + 2) / 3;
    private const int MaxKeyLength = 128;
    private const int AppendAttempts = 3;

    /// <summary>A workspace's last use is recorded at most this often, so reading it stays a read.</summary>
    public static readonly TimeSpan LastUsedPrecision = TimeSpan.FromHours(1);

    /// <summary>Whether <paramref name="key"/> has the shape of a key <see cref="CreateWorkspaceAsync"/> hands out: 43 base64url characters.</summary>
    public static bool IsWellFormedKey(string? key) =>
        key is { Length: KeyLength } && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public async Task<CreatedWorkspace> CreateWorkspaceAsync(CancellationToken cancellationToken)
    {
        var key = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(KeyBytes));
        var now = Now();
        var workspace = new Workspace { Id = Guid.CreateVersion7(), KeyHash = ShareTokens.Hash(key), CreatedAt = now, LastUsedAt = now };
        db.Workspaces.Add(workspace);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedWorkspace(workspace.Id, key);
    }

    /// <summary>
    /// The workspace a key opens (from the Authorization header or the <c>spg_workspace</c> cookie), or null; opening it
    /// counts as using it (recorded to within <see cref="LastUsedPrecision"/>), which keeps an empty one from expiring.
    /// </summary>
    public async Task<Guid?> ResolveWorkspaceAsync(string? key, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > MaxKeyLength)
        {
            return null;
        }

        var hash = ShareTokens.Hash(key.Trim());
        var workspace = await db.Workspaces.AsNoTracking()
            .Where(w => w.KeyHash == hash)
            .Select(w => new { w.Id, w.LastUsedAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (workspace is null)
        {
            return null;
        }

        var now = Now();
        if (now - workspace.LastUsedAt < LastUsedPrecision)
        {
            return workspace.Id;
        }

        // None touched: the expiry removed it between the two statements.
        return await db.TouchWorkspaceAsync(workspace.Id, now, cancellationToken) ? workspace.Id : null;
    }

    /// <summary>
    /// Saves a new prompt as version 1, unless the workspace already holds <see cref="LibraryOptions.MaxPromptsPerWorkspace"/>.
    /// The workspace row is updated first (its last use), which serialises concurrent creations in one workspace on both
    /// providers, so the count cannot be raced past the cap; a workspace that expired meanwhile answers NotFound.
    /// </summary>
    public async Task<SaveResult> CreatePromptAsync(Guid workspaceId, PromptDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var now = Now();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await db.TouchWorkspaceAsync(workspaceId, now, cancellationToken))
        {
            return new SaveResult(SaveOutcome.NotFound);
        }

        var limits = options.Value;
        if (await db.Prompts.CountAsync(p => p.WorkspaceId == workspaceId, cancellationToken) >= limits.MaxPromptsPerWorkspace)
        {
            return new SaveResult(SaveOutcome.LimitReached, Problem: limits.PromptLimitMessage);
        }

        var prompt = new SavedPrompt
        {
            Id = Guid.CreateVersion7(),
            WorkspaceId = workspaceId,
            CurrentVersion = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
        Apply(prompt, draft);
        prompt.Versions.Add(Snapshot(prompt, new VersionSource(VersionOperations.Manual), now));
        db.Prompts.Add(prompt);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SaveResult(SaveOutcome.Saved, ToResponse(prompt), prompt.CurrentVersion);
    }

    /// <summary>
    /// Deletes the workspaces that hold no prompt and no storyboard and were last used before <paramref name="cutoff"/>; returns how many.
    /// A workspace being used at the same moment is safe: using it moves its last use past the cut-off first.
    /// </summary>
    public Task<int> DeleteEmptyWorkspacesAsync(DateTime cutoff, CancellationToken cancellationToken) =>
        db.Workspaces
            .Where(w => w.LastUsedAt < cutoff && !db.Prompts.Any(p => p.WorkspaceId == w.Id) && !db.Storyboards.Any(s => s.WorkspaceId == w.Id))
            .ExecuteDeleteAsync(cancellationToken);

    /// <summary>Whether the version cap leaves room for another version of the prompt (false: no such prompt either).</summary>
    public async Task<(bool Exists, bool HasRoom)> CanAddVersionAsync(Guid workspaceId, Guid promptId, CancellationToken cancellationToken)
    {
        var current = await db.Prompts.AsNoTracking()
            .Where(p => p.Id == promptId && p.WorkspaceId == workspaceId)
            .Select(p => (int?)p.CurrentVersion)
            .FirstOrDefaultAsync(cancellationToken);
        return (current is not null, current < options.Value.MaxVersionsPerPrompt);
    }

    /// <summary>Newest first; <paramref name="search"/> matches title or text, case-insensitively.</summary>
    public async Task<PromptPage> ListPromptsAsync(Guid workspaceId, string? search, int page, int pageSize, CancellationToken cancellationToken)
    {
        (page, pageSize) = LibraryQueries.Clamp(page, pageSize);
        var query = db.Prompts.AsNoTracking().Where(p => p.WorkspaceId == workspaceId);
        if (LibraryQueries.LikePattern(search) is { } pattern)
        {
            query = query.Where(p => EF.Functions.Like(p.Title.ToLower(), pattern, LibraryQueries.LikeEscape) || EF.Functions.Like(p.Text.ToLower(), pattern, LibraryQueries.LikeEscape));
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await LibraryQueries.PageAsync(
            query.OrderByDescending(p => p.UpdatedAt).ThenByDescending(p => p.Id)
                .Select(p => new PromptSummary(p.Id, p.Title, p.Text.Substring(0, ExcerptLength), p.CurrentVersion, p.UpdatedAt)),
            total,
            page,
            pageSize,
            cancellationToken);
        return new PromptPage(items, page, pageSize, total);
    }

    public async Task<PromptResponse?> GetPromptAsync(Guid workspaceId, Guid promptId, CancellationToken cancellationToken) =>
        await db.Prompts.AsNoTracking()
            .Where(p => p.Id == promptId && p.WorkspaceId == workspaceId)
            .FirstOrDefaultAsync(cancellationToken) is { } prompt ? ToResponse(prompt) : null;

    /// <summary>A manual edit: saved as a new version only when something changed, and only on top of <paramref name="expectedVersion"/>.</summary>
    public Task<SaveResult> UpdatePromptAsync(
        Guid workspaceId, Guid promptId, int expectedVersion, PromptDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return AppendAsync(workspaceId, promptId, expectedVersion, _ => draft, new VersionSource(VersionOperations.Manual), cancellationToken);
    }

    /// <summary>
    /// Records an AI result as the prompt's new text, keeping its title, Sora parameters, target and target parameters. Without
    /// <paramref name="expectedVersion"/> it lands on top of whatever is newest, retrying if another writer wins the race.
    /// </summary>
    public Task<SaveResult> SaveTextVersionAsync(
        Guid workspaceId, Guid promptId, string text, VersionSource source, int? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var saved = LibraryText.Cleaned(text);
        return AppendAsync(
            workspaceId, promptId, expectedVersion, p => new PromptDraft(p.Title, saved, p.Model, p.Size, p.Seconds, SavedTarget.FromStored(p.Target, p.Parameters)),
            source, cancellationToken);
    }

    /// <summary>Makes version <paramref name="number"/>'s content (with its target and parameters) current again, as a new version.</summary>
    public async Task<SaveResult> RestoreVersionAsync(
        Guid workspaceId, Guid promptId, int number, int? expectedVersion, CancellationToken cancellationToken)
    {
        var old = await db.PromptVersions.AsNoTracking()
            .Where(v => v.PromptId == promptId && v.Number == number && db.Prompts.Any(p => p.Id == promptId && p.WorkspaceId == workspaceId))
            .FirstOrDefaultAsync(cancellationToken);
        if (old is null)
        {
            return new SaveResult(SaveOutcome.NotFound);
        }

        var content = new PromptDraft(old.Title, old.Text, old.Model, old.Size, old.Seconds, SavedTarget.FromStored(old.Target, old.Parameters));

        var source = new VersionSource(VersionOperations.Restore, RestoredFrom: number);
        return await AppendAsync(workspaceId, promptId, expectedVersion, _ => content, source, cancellationToken, forceVersion: true);
    }

    /// <summary>Deletes a prompt with its history; with <paramref name="expectedVersion"/>, only if it is still that version.</summary>
    public async Task<SaveOutcome> DeletePromptAsync(Guid workspaceId, Guid promptId, int? expectedVersion, CancellationToken cancellationToken)
    {
        var query = db.Prompts.Where(p => p.Id == promptId && p.WorkspaceId == workspaceId);
        var deleted = expectedVersion is { } expected
            ? await query.Where(p => p.CurrentVersion == expected).ExecuteDeleteAsync(cancellationToken)
            : await query.ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0)
        {
            return SaveOutcome.Saved;
        }

        return expectedVersion is not null && await query.AnyAsync(cancellationToken) ? SaveOutcome.Stale : SaveOutcome.NotFound;
    }

    /// <summary>A page of the prompt's versions, newest first; <paramref name="search"/> matches their title or text.</summary>
    public async Task<VersionList?> ListVersionsAsync(
        Guid workspaceId, Guid promptId, string? search, int page, int pageSize, CancellationToken cancellationToken)
    {
        (page, pageSize) = LibraryQueries.Clamp(page, pageSize);
        var current = await db.Prompts.AsNoTracking()
            .Where(p => p.Id == promptId && p.WorkspaceId == workspaceId)
            .Select(p => (int?)p.CurrentVersion)
            .FirstOrDefaultAsync(cancellationToken);
        if (current is null)
        {
            return null;
        }

        var query = db.PromptVersions.AsNoTracking().Where(v => v.PromptId == promptId);
        if (LibraryQueries.LikePattern(search) is { } pattern)
        {
            query = query.Where(v => EF.Functions.Like(v.Title.ToLower(), pattern, LibraryQueries.LikeEscape) || EF.Functions.Like(v.Text.ToLower(), pattern, LibraryQueries.LikeEscape));
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await LibraryQueries.PageAsync(query.OrderByDescending(v => v.Number), total, page, pageSize, cancellationToken);
        return new VersionList(promptId, current.Value, [.. rows.Select(ToResponse)], page, pageSize, total);
    }

    /// <summary>Creates a new read-only share token that follows later saves (replacing any previous one); null when the prompt is not in the workspace.</summary>
    public async Task<string?> ShareAsync(Guid workspaceId, Guid promptId, CancellationToken cancellationToken) =>
        (await ShareAsync(workspaceId, promptId, pinned: false, cancellationToken))?.Token;

    /// <summary>
    /// Creates a new read-only share link (the previous one stops working): <paramref name="pinned"/> shows the current
    /// version for good, else the link follows later saves. Null when the prompt is not in the workspace.
    /// </summary>
    public async Task<ShareLink?> ShareAsync(Guid workspaceId, Guid promptId, bool pinned, CancellationToken cancellationToken)
    {
        var (_, hash, kept) = _shareTokens.Create();
        var query = db.Prompts.Where(p => p.Id == promptId && p.WorkspaceId == workspaceId);
        var updated = await query.ExecuteUpdateAsync(
            s => s.SetProperty(p => p.ShareTokenHash, hash)
                .SetProperty(p => p.ShareTokenProtected, kept)
                .SetProperty(p => p.SharePinnedVersion, p => pinned ? p.CurrentVersion : null),
            cancellationToken);
        return updated > 0 ? await GetShareAsync(workspaceId, promptId, cancellationToken) : null;
    }

    /// <summary>
    /// The prompt's share link as its owner sees it: its token (null for a link made before tokens were kept) and the
    /// version it is pinned to. Null when the prompt is not shared or not in the workspace.
    /// </summary>
    public async Task<ShareLink?> GetShareAsync(Guid workspaceId, Guid promptId, CancellationToken cancellationToken)
    {
        var share = await db.Prompts.AsNoTracking()
            .Where(p => p.Id == promptId && p.WorkspaceId == workspaceId && p.ShareTokenHash != null)
            .Select(p => new { p.ShareTokenProtected, p.SharePinnedVersion })
            .FirstOrDefaultAsync(cancellationToken);
        return share is null ? null : new ShareLink(_shareTokens.Unprotect(share.ShareTokenProtected), share.SharePinnedVersion);
    }

    /// <summary>
    /// Keeps the link and changes what it shows: pinned to the current version, or following later saves. Null when the
    /// prompt has no share link (or is not in the workspace).
    /// </summary>
    public async Task<ShareLink?> SetShareModeAsync(Guid workspaceId, Guid promptId, bool pinned, CancellationToken cancellationToken)
    {
        var updated = await db.Prompts
            .Where(p => p.Id == promptId && p.WorkspaceId == workspaceId && p.ShareTokenHash != null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.SharePinnedVersion, p => pinned ? p.CurrentVersion : null), cancellationToken);
        return updated > 0 ? await GetShareAsync(workspaceId, promptId, cancellationToken) : null;
    }

    public async Task<bool> RevokeShareAsync(Guid workspaceId, Guid promptId, CancellationToken cancellationToken) =>
        await db.Prompts
            .Where(p => p.Id == promptId && p.WorkspaceId == workspaceId)
            .ExecuteUpdateAsync(
                s => s.SetProperty(p => p.ShareTokenHash, (byte[]?)null)
                    .SetProperty(p => p.ShareTokenProtected, (string?)null)
                    .SetProperty(p => p.SharePinnedVersion, (int?)null),
                cancellationToken) > 0;

    public async Task<SharedPromptResponse?> GetSharedAsync(string token, CancellationToken cancellationToken)
    {
        if (ShareTokens.LookupHash(token) is not { } hash)
        {
            return null;
        }

        var shared = await db.Prompts.AsNoTracking()
            .Where(p => p.ShareTokenHash == hash)
            .Select(p => new { p.Id, p.Title, p.Text, p.Model, p.Size, p.Seconds, p.CurrentVersion, p.UpdatedAt, p.Target, p.Parameters, p.SharePinnedVersion })
            .FirstOrDefaultAsync(cancellationToken);
        if (shared is null)
        {
            return null;
        }

        if (shared.SharePinnedVersion is not { } pinned)
        {
            return new SharedPromptResponse(
                shared.Title, shared.Text, shared.Model, shared.Size, shared.Seconds, shared.CurrentVersion, shared.UpdatedAt, shared.Target,
                Parameters(shared.Target, shared.Parameters));
        }

        return await db.PromptVersions.AsNoTracking()
            .Where(v => v.PromptId == shared.Id && v.Number == pinned)
            .FirstOrDefaultAsync(cancellationToken) is { } v
            ? new SharedPromptResponse(v.Title, v.Text, v.Model, v.Size, v.Seconds, v.Number, v.CreatedAt, v.Target, Parameters(v.Target, v.Parameters), pinned)
            : null;
    }

    /// <summary>
    /// Appends version n+1 in one transaction: the prompt row's UPDATE is guarded by its concurrency token and the
    /// version row by the unique (prompt, number) index, so of two writers that read version n exactly one commits.
    /// </summary>
    private async Task<SaveResult> AppendAsync(
        Guid workspaceId,
        Guid promptId,
        int? expectedVersion,
        Func<SavedPrompt, PromptDraft> change,
        VersionSource source,
        CancellationToken cancellationToken,
        bool forceVersion = false)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var prompt = await db.Prompts.FirstOrDefaultAsync(p => p.Id == promptId && p.WorkspaceId == workspaceId, cancellationToken);
            if (prompt is null)
            {
                return new SaveResult(SaveOutcome.NotFound);
            }

            if (expectedVersion is { } expected && prompt.CurrentVersion != expected)
            {
                return new SaveResult(SaveOutcome.Stale, CurrentVersion: prompt.CurrentVersion);
            }

            var draft = change(prompt);
            if (!forceVersion && source.Operation == VersionOperations.Manual && SameAs(prompt, draft))
            {
                return new SaveResult(SaveOutcome.Unchanged, ToResponse(prompt), prompt.CurrentVersion);
            }

            // Versions are numbered 1..n without gaps and never deleted one by one, so the number is the count.
            if (prompt.CurrentVersion >= options.Value.MaxVersionsPerPrompt)
            {
                return new SaveResult(SaveOutcome.LimitReached, CurrentVersion: prompt.CurrentVersion, Problem: options.Value.VersionLimitMessage);
            }

            var now = Now();
            Apply(prompt, draft);
            prompt.CurrentVersion++;
            prompt.UpdatedAt = now;
            db.PromptVersions.Add(Snapshot(prompt, source, now));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new SaveResult(SaveOutcome.Saved, ToResponse(prompt), prompt.CurrentVersion);
            }
            catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || DatabaseFailures.IsUniqueViolation(ex))
            {
                if (expectedVersion is not null || attempt == AppendAttempts)
                {
                    db.ChangeTracker.Clear();
                    var current = await db.Prompts.AsNoTracking()
                        .Where(p => p.Id == promptId && p.WorkspaceId == workspaceId)
                        .Select(p => (int?)p.CurrentVersion)
                        .FirstOrDefaultAsync(cancellationToken);
                    return current is null ? new SaveResult(SaveOutcome.NotFound) : new SaveResult(SaveOutcome.Stale, CurrentVersion: current);
                }
            }
        }
    }

    private static bool SameAs(SavedPrompt prompt, PromptDraft draft) =>
        prompt.Title == draft.Title && prompt.Text == draft.Text && prompt.Model == Blank(draft.Model)
        && prompt.Size == Blank(draft.Size) && prompt.Seconds == Blank(draft.Seconds)
        && prompt.Target == draft.Target?.Target && prompt.Parameters == SavedTarget.ParametersJson(draft.Target);

    private static void Apply(SavedPrompt prompt, PromptDraft draft)
    {
        prompt.Title = draft.Title;
        prompt.Text = draft.Text;
        prompt.Model = Blank(draft.Model);
        prompt.Size = Blank(draft.Size);
        prompt.Seconds = Blank(draft.Seconds);
        prompt.Target = draft.Target?.Target;
        prompt.Parameters = SavedTarget.ParametersJson(draft.Target);
    }

    private static PromptVersion Snapshot(SavedPrompt prompt, VersionSource source, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        PromptId = prompt.Id,
        Number = prompt.CurrentVersion,
        Title = prompt.Title,
        Text = prompt.Text,
        Model = prompt.Model,
        Size = prompt.Size,
        Seconds = prompt.Seconds,
        Target = prompt.Target,
        Parameters = prompt.Parameters,
        Operation = source.Operation,
        EnhancementIds = source.EnhancementIds is { Count: > 0 } ids ? string.Join(',', ids) : null,
        Engine = source.Engine,
        RestoredFrom = source.RestoredFrom,
        CreatedAt = now,
    };

    private static PromptResponse ToResponse(SavedPrompt p) => new(
        p.Id,
        p.Title,
        p.Text,
        p.Model,
        p.Size,
        p.Seconds,
        p.CurrentVersion,
        p.ShareTokenHash is not null,
        p.CreatedAt,
        p.UpdatedAt,
        p.Target,
        Parameters(p.Target, p.Parameters));

    private static VersionResponse ToResponse(PromptVersion v) => new(
        v.Number,
        v.Title,
        v.Text,
        v.Model,
        v.Size,
        v.Seconds,
        v.Operation,
        v.EnhancementIds?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [],
        v.Engine,
        v.RestoredFrom,
        v.CreatedAt,
        v.Target,
        Parameters(v.Target, v.Parameters));

    /// <summary>A response carries parameters (maybe none) exactly when it carries a target.</summary>
    private static IReadOnlyDictionary<string, string>? Parameters(string? target, string? json) =>
        SavedTarget.FromStored(target, json)?.Parameters;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private DateTime Now() => LibraryQueries.Now(time);
}
