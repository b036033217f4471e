using SoraPromptGenie.Core.Storyboards;
using SoraPromptGenie.Core.Targets;
using SoraPromptGenie.Data;
using SoraPromptGenie.Library;
using SoraPromptGenie.Ops;
using SoraPromptGenie.Ops.RateLimiting;
using SoraPromptGenie.Storyboards;

namespace SoraPromptGenie.Studio.StoryboardView;

/// <summary>
/// The storyboard view's library for one circuit: the workspace's saved storyboards, the one open, its versions and share
/// link. Same rules as the prompt library panel: a write spends the client's general request budget, a stale save is
/// refused without losing the storyboard on screen, and every failure becomes a short message.
/// </summary>
public sealed class StoryboardShelf(
    StoryboardLibrary library,
    CircuitWorkspace workspace,
    ClientRateLimiter limiter,
    CircuitClient client,
    TargetCatalog targets)
{
    public const int PageSize = 10;
    public const int VersionPageSize = 20;
    private const string Unavailable = "The library is unavailable right now; your storyboard is safe on this page.";

    public bool SignedIn => workspace.Id is not null;

    public StoryboardListPage? List { get; private set; }

    public StoryboardResponse? Open { get; private set; }

    public StoryboardVersionList? Versions { get; private set; }

    public ShareLink? Share { get; private set; }

    public StudioNotice? Message { get; private set; }

    public bool Busy { get; private set; }

    public void DismissMessage() => Message = null;

    /// <summary>Leaves the open storyboard: the next save makes a new one.</summary>
    public void Close()
    {
        Open = null;
        Versions = null;
        Share = null;
    }

    public Task RefreshAsync(CancellationToken cancellationToken) => RunAsync(LoadListAsync, spendsBudget: false, cancellationToken);

    /// <summary>Saves <paramref name="board"/>: a new storyboard, or a new version of the open one.</summary>
    public Task SaveAsync(Storyboard board, string operation, string? engine, CancellationToken cancellationToken) => RunAsync(
        async ct =>
        {
            var request = new StoryboardSaveRequest { Storyboard = board, Operation = operation, Engine = engine };
            var (draft, problem) = request.ToDraft(targets);
            if (draft is null)
            {
                Message = StudioNotice.Invalid(problem!);
                return;
            }

            var result = Open is null
                ? await library.CreateAsync(workspace.Id!.Value, draft, ct)
                : await library.SaveAsync(workspace.Id!.Value, Open.Id, Open.Version, draft, ct);
            if (Accept(result, Open is null ? "Saved" : "Saved version"))
            {
                await LoadVersionsAsync(ct);
                await LoadListAsync(ct);
            }
        },
        spendsBudget: true,
        cancellationToken);

    /// <summary>Opens a saved storyboard; its content, or null when it is gone.</summary>
    public async Task<Storyboard?> OpenAsync(Guid id, CancellationToken cancellationToken)
    {
        Storyboard? opened = null;
        await RunAsync(
            async ct =>
            {
                Open = await library.GetAsync(workspace.Id!.Value, id, ct);
                if (Open is null)
                {
                    Message = StudioNotice.Invalid("That storyboard is no longer in this library.");
                    await LoadListAsync(ct);
                    return;
                }

                opened = Open.Storyboard;
                await LoadVersionsAsync(ct);
            },
            spendsBudget: false,
            cancellationToken);
        return opened;
    }

    /// <summary>Makes version <paramref name="number"/> current again (as a new version); its content, or null when nothing changed.</summary>
    public async Task<Storyboard?> RestoreAsync(int number, CancellationToken cancellationToken)
    {
        Storyboard? restored = null;
        await RunAsync(
            async ct =>
            {
                if (Open is null)
                {
                    return;
                }

                var result = await library.RestoreVersionAsync(workspace.Id!.Value, Open.Id, number, Open.Version, ct);
                if (Accept(result, $"Restored version {number} as version"))
                {
                    restored = Open.Storyboard;
                    await LoadVersionsAsync(ct);
                    await LoadListAsync(ct);
                }
            },
            spendsBudget: true,
            cancellationToken);
        return restored;
    }

    /// <summary>Makes a share link for the open storyboard: a snapshot of this version when <paramref name="pinned"/>, else it follows saves.</summary>
    public Task ShareAsync(bool pinned, CancellationToken cancellationToken) => RunAsync(
        async ct =>
        {
            if (Open is null)
            {
                return;
            }

            Share = await library.ShareAsync(workspace.Id!.Value, Open.Id, pinned, ct);
            Message = Share is null ? StudioNotice.Invalid("That storyboard is no longer in this library.") : null;
        },
        spendsBudget: true,
        cancellationToken);

    /// <summary>The content a share link shows, to open in the view as a new storyboard; null when the link is gone.</summary>
    public async Task<Storyboard?> OpenSharedAsync(string token, CancellationToken cancellationToken)
    {
        try
        {
            var shared = await library.GetSharedAsync(token, cancellationToken);
            if (shared is null)
            {
                Message = StudioNotice.Invalid("That share link no longer works.");
                return null;
            }

            Close();
            return shared.Storyboard with { Title = shared.Title };
        }
        catch (Exception ex) when (DatabaseFailures.IsOutage(ex))
        {
            Message = new StudioNotice(NoticeKind.Error, Unavailable);
            return null;
        }
    }

    private bool Accept(StoryboardSaveResult result, string said)
    {
        switch (result.Outcome)
        {
            case SaveOutcome.Saved:
                Open = result.Storyboard!;
                Message = new StudioNotice(NoticeKind.Info, said == "Saved" ? $"Saved \u201c{Open.Title}\u201d." : $"{said} {Open.Version}.");
                return true;
            case SaveOutcome.Unchanged:
                Message = new StudioNotice(NoticeKind.Info, "Nothing changed since the last save.");
                return false;
            case SaveOutcome.Stale:
                Message = StudioNotice.Invalid(
                    $"This storyboard was saved elsewhere (now version {result.CurrentVersion}). Yours is still on this page: reopen it to see theirs, or save yours as a new storyboard.");
                return false;
            case SaveOutcome.LimitReached:
                Message = StudioNotice.Invalid(result.Problem!);
                return false;
            default:
                Message = StudioNotice.Invalid("That storyboard is no longer in this library.");
                Close();
                return false;
        }
    }

    private async Task LoadListAsync(CancellationToken cancellationToken) =>
        List = await library.ListAsync(workspace.Id!.Value, null, 1, PageSize, cancellationToken);

    private async Task LoadVersionsAsync(CancellationToken cancellationToken)
    {
        Versions = Open is null ? null : await library.ListVersionsAsync(workspace.Id!.Value, Open.Id, null, 1, VersionPageSize, cancellationToken);
        Share = Open is null ? null : await library.GetShareAsync(workspace.Id!.Value, Open.Id, cancellationToken);
    }

    private async Task RunAsync(Func<CancellationToken, Task> action, bool spendsBudget, CancellationToken cancellationToken)
    {
        if (!SignedIn || Busy)
        {
            return;
        }

        Busy = true;
        Message = null;
        try
        {
            var decision = spendsBudget ? await limiter.HitGeneralAsync(client.Address, cancellationToken) : null;
            if (decision is { Allowed: false })
            {
                Message = StudioNotice.RateLimited(decision.Reset);
                return;
            }

            await action(cancellationToken);
        }
        catch (Exception ex) when (DatabaseFailures.IsOutage(ex))
        {
            Message = new StudioNotice(NoticeKind.Error, Unavailable);
        }
        finally
        {
            Busy = false;
        }
    }
}
