using SoraPromptGenie.Core.Targets;
using SoraPromptGenie.Data;
using SoraPromptGenie.Data.Configurations;
using SoraPromptGenie.Ops;
using SoraPromptGenie.Ops.RateLimiting;

namespace SoraPromptGenie.Library;

/// <summary>
/// The studio's library panel state for one circuit: the page of saved prompts, the prompt open in the editor, its
/// versions and share link. Every failure becomes a short message. The library reads the editor; text for it (an opened
/// prompt, a restored version) is returned to the panel, which hands it to the studio, and a failed action returns none.
/// Each write (save, rename, restore, share, revoke, delete) spends the client's general request budget, as the same
/// action through the JSON API does; reading the list and opening a prompt do not.
/// </summary>
public sealed class LibrarySession(
    LibraryService library,
    CircuitWorkspace workspace,
    IPromptEditor editor,
    ClientRateLimiter limiter,
    CircuitClient client,
    TargetCatalog targets,
    TimeProvider time)
{
    public const int PageSize = 10;

    /// <summary>The panel shows the newest versions; older ones stay in the history (and the API pages through them).</summary>
    public const int VersionPageSize = 20;
    public const string UnavailableText = "The library is unavailable right now; your prompt is safe in the editor.";

    public bool SignedIn => workspace.Id is not null;

    public PromptPage? List { get; private set; }

    public string Search { get; private set; } = string.Empty;

    public int Page { get; private set; } = 1;

    public int PageCount => List is null ? 1 : Math.Max(1, (List.Total + PageSize - 1) / PageSize);

    /// <summary>The saved prompt the editor was last opened from or saved to; saving again adds a version to it.</summary>
    public PromptResponse? Open { get; private set; }

    public VersionList? Versions { get; private set; }

    /// <summary>The newest versions (at most <see cref="VersionPageSize"/>), each with what changed since the one before it.</summary>
    public IReadOnlyList<VersionEntry> VersionEntries { get; private set; } = [];

    /// <summary>The site's address share links are made under (the panel sets it from the page it is on).</summary>
    public Uri? SiteAddress { get; set; }

    /// <summary>The open prompt's share link, when it has one that can be copied.</summary>
    public string? ShareUrl => Share is { Token: { } token } && SiteAddress is { } site ? new Uri(site, "p/" + token).ToString() : null;

    /// <summary>The open prompt's share link (its token is null for a link made before tokens were kept), or null.</summary>
    public ShareLink? Share { get; private set; }

    public StudioNotice? Message { get; private set; }

    public bool Busy { get; private set; }

    public void DismissMessage() => Message = null;

    /// <summary>Forgets the open prompt, so the next save creates a new one.</summary>
    public void Close()
    {
        Open = null;
        Versions = null;
        VersionEntries = [];
        Share = null;
    }

    public Task RefreshAsync(CancellationToken cancellationToken) => RunAsync(LoadListAsync, cancellationToken);

    public Task SearchAsync(string? search, CancellationToken cancellationToken)
    {
        Search = search?.Trim() ?? string.Empty;
        Page = 1;
        return RefreshAsync(cancellationToken);
    }

    public Task GoToPageAsync(int page, CancellationToken cancellationToken)
    {
        Page = Math.Clamp(page, 1, PageCount);
        return RefreshAsync(cancellationToken);
    }

    /// <summary>
    /// Saves the editor text with the editor's target and parameters: a new prompt, or a new version of the open one. The
    /// target is checked against its profile as the API checks it. Without a title, a new prompt is named after its first
    /// words (<see cref="DefaultTitle"/>) and an open one keeps its title.
    /// </summary>
    public Task SaveAsync(string? title, CancellationToken cancellationToken) => WriteAsync(
        async ct =>
        {
            var name = !string.IsNullOrWhiteSpace(title) ? title.Trim() : Open?.Title ?? DefaultTitle.For(editor.Text, time.GetUtcNow());
            var (target, targetProblem) = SavedTarget.Check(targets, editor.Target);
            if ((Problem(name, editor.Text) ?? targetProblem) is { } problem)
            {
                Message = StudioNotice.Invalid(problem);
                return;
            }

            if (Open is null)
            {
                var created = await library.CreatePromptAsync(workspace.Id!.Value, new PromptDraft(name!, editor.Text, Target: target), ct);
                if (created.Outcome != SaveOutcome.Saved)
                {
                    Message = created.Outcome == SaveOutcome.LimitReached ? StudioNotice.Invalid(created.Problem!) : Gone();
                    return;
                }

                Open = created.Prompt!;
                Message = new StudioNotice(NoticeKind.Info, $"Saved \u201c{Open.Title}\u201d.");
            }
            else
            {
                var draft = new PromptDraft(name!, editor.Text, Open.Model, Open.Size, Open.Seconds, target);
                if (!await ApplyAsync(await library.UpdatePromptAsync(workspace.Id!.Value, Open.Id, Open.Version, draft, ct)))
                {
                    return;
                }
            }

            await LoadVersionsAsync(ct);
            await LoadListAsync(ct);
        },
        cancellationToken);

    public Task RenameAsync(string? title, CancellationToken cancellationToken) => WriteAsync(
        async ct =>
        {
            if (Open is null)
            {
                return;
            }

            if (Problem(title, Open.Text) is { } problem)
            {
                Message = StudioNotice.Invalid(problem);
                return;
            }

            var draft = new PromptDraft(title!.Trim(), Open.Text, Open.Model, Open.Size, Open.Seconds, SavedTarget.Of(Open.Target, Open.Parameters));
            if (await ApplyAsync(await library.UpdatePromptAsync(workspace.Id!.Value, Open.Id, Open.Version, draft, ct)))
            {
                await LoadVersionsAsync(ct);
                await LoadListAsync(ct);
            }
        },
        cancellationToken);

    /// <summary>Opens a saved prompt; returns its text and target for the editor, or null when it could not be opened.</summary>
    public async Task<EditorText?> OpenAsync(Guid id, CancellationToken cancellationToken)
    {
        EditorText? opened = null;
        await RunAsync(
            async ct =>
            {
                if (await library.GetPromptAsync(workspace.Id!.Value, id, ct) is not { } prompt)
                {
                    Message = Gone();
                    await LoadListAsync(ct);
                    return;
                }

                Open = prompt;
                opened = new EditorText(prompt.Text, "Opened: " + prompt.Title, SavedTarget.Of(prompt.Target, prompt.Parameters));
                await LoadVersionsAsync(ct);
                await LoadShareAsync(ct);
            },
            cancellationToken);
        return opened;
    }

    /// <summary>
    /// Makes <paramref name="id"/> the open prompt again after a page load, without touching the editor (it kept its own
    /// draft), so the next save adds a version to it. False when it is no longer in this library.
    /// </summary>
    public async Task<bool> ReopenAsync(Guid id, CancellationToken cancellationToken)
    {
        await RunAsync(
            async ct =>
            {
                if (Open is null && await library.GetPromptAsync(workspace.Id!.Value, id, ct) is { } prompt)
                {
                    Open = prompt;
                    await LoadVersionsAsync(ct);
                    await LoadShareAsync(ct);
                }
            },
            cancellationToken);
        return Open?.Id == id;
    }

    /// <summary>
    /// The text of a share link for the editor, with or without a library of one's own; the open prompt is closed, so
    /// saving it makes a new prompt in this library. Null (with a message) when the link does not open a prompt.
    /// </summary>
    public async Task<EditorText?> OpenSharedAsync(string token, CancellationToken cancellationToken)
    {
        Message = null;
        try
        {
            if (await library.GetSharedAsync(token, cancellationToken) is not { } shared)
            {
                Message = new StudioNotice(NoticeKind.Warning, "That share link does not open a prompt any more; it may have been revoked.");
                return null;
            }

            Close();
            return new EditorText(shared.Text, "Opened shared prompt: " + shared.Title, SavedTarget.Of(shared.Target, shared.Parameters));
        }
        catch (Exception ex) when (DatabaseFailures.IsOutage(ex))
        {
            Message = new StudioNotice(NoticeKind.Error, "The library is unavailable right now, so the shared prompt could not be opened; try the link again in a minute.");
            return null;
        }
    }

    public Task DeleteAsync(Guid id, CancellationToken cancellationToken) => WriteAsync(
        async ct =>
        {
            var outcome = await library.DeletePromptAsync(workspace.Id!.Value, id, null, ct);
            if (Open?.Id == id)
            {
                Close();
            }

            Message = outcome == SaveOutcome.Saved ? new StudioNotice(NoticeKind.Info, "Deleted.") : Gone();
            await LoadListAsync(ct);
        },
        cancellationToken);

    /// <summary>
    /// Makes an old version current (as a new version); returns its text and target for the editor, or null when it was not
    /// restored.
    /// </summary>
    public async Task<EditorText?> RestoreAsync(int number, CancellationToken cancellationToken)
    {
        EditorText? restored = null;
        await WriteAsync(
            async ct =>
            {
                if (Open is null)
                {
                    return;
                }

                if (await ApplyAsync(await library.RestoreVersionAsync(workspace.Id!.Value, Open.Id, number, Open.Version, ct)))
                {
                    restored = new EditorText(Open.Text, $"Restored version {number}: {Open.Title}", SavedTarget.Of(Open.Target, Open.Parameters));
                    Message = new StudioNotice(NoticeKind.Info, $"Restored version {number} as version {Open.Version}.");
                    await LoadVersionsAsync(ct);
                    await LoadListAsync(ct);
                }
            },
            cancellationToken);
        return restored;
    }

    /// <summary>
    /// Creates a new share link (the previous one stops working) under <paramref name="baseUri"/>: a snapshot of the
    /// current version when <paramref name="pinned"/>, else one that follows later saves.
    /// </summary>
    public Task ShareAsync(Uri baseUri, CancellationToken cancellationToken, bool pinned = false) => WriteAsync(
        async ct =>
        {
            ArgumentNullException.ThrowIfNull(baseUri);
            SiteAddress = baseUri;
            if (Open is null)
            {
                return;
            }

            if (await library.ShareAsync(workspace.Id!.Value, Open.Id, pinned, ct) is not { } share)
            {
                Message = Gone();
                return;
            }

            Share = share;
            Open = Open with { Shared = true };
        },
        cancellationToken);

    /// <summary>Keeps the open prompt's link and changes what it shows: this version for good, or every later save.</summary>
    public Task SetShareModeAsync(bool pinned, CancellationToken cancellationToken) => WriteAsync(
        async ct =>
        {
            if (Open is not { Shared: true })
            {
                return;
            }

            if (await library.SetShareModeAsync(workspace.Id!.Value, Open.Id, pinned, ct) is not { } share)
            {
                Message = Gone();
                return;
            }

            Share = share;
            Message = new StudioNotice(
                NoticeKind.Info,
                share.PinnedVersion is { } version ? $"The link now shows version {version} only." : "The link now follows every later save.");
        },
        cancellationToken);

    public Task RevokeShareAsync(CancellationToken cancellationToken) => WriteAsync(
        async ct =>
        {
            if (Open is null)
            {
                return;
            }

            if (!await library.RevokeShareAsync(workspace.Id!.Value, Open.Id, ct))
            {
                Message = Gone();
                return;
            }

            Share = null;
            Open = Open with { Shared = false };
            Message = new StudioNotice(NoticeKind.Info, "Share link revoked; it no longer opens the prompt.");
        },
        cancellationToken);

    internal static string? Problem(string? title, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "Write a prompt before saving it.";
        }

        if (text.Length > SavedPromptConfiguration.MaxTextLength)
        {
            return $"A saved prompt can hold at most {SavedPromptConfiguration.MaxTextLength:N0} characters.";
        }

        if ((LibraryText.Problem("The prompt", text) ?? LibraryText.Problem("The title", title)) is { } problem)
        {
            return problem;
        }

        if (string.IsNullOrWhiteSpace(title))
        {
            return "Give the prompt a title.";
        }

        return title.Trim().Length > SavedPromptConfiguration.MaxTitleLength
            ? $"A title can be at most {SavedPromptConfiguration.MaxTitleLength} characters."
            : null;
    }

    private static StudioNotice Gone() => new(NoticeKind.Warning, "That prompt is no longer in the library.");

    private async Task<bool> ApplyAsync(SaveResult result)
    {
        switch (result.Outcome)
        {
            case SaveOutcome.Saved:
                Open = result.Prompt;
                Message = new StudioNotice(NoticeKind.Info, $"Saved \u201c{Open!.Title}\u201d as version {Open.Version}.");
                return true;
            case SaveOutcome.Unchanged:
                Open = result.Prompt;
                Message = new StudioNotice(NoticeKind.Info, "Nothing changed since the last save.");
                return false;
            case SaveOutcome.LimitReached:
                Message = StudioNotice.Invalid(result.Problem!);
                return false;
            case SaveOutcome.Stale:
                Open = await library.GetPromptAsync(workspace.Id!.Value, Open!.Id, CancellationToken.None);
                Message = new StudioNotice(NoticeKind.Warning, "This prompt was changed elsewhere; its versions are updated — save again to add yours.");
                await LoadVersionsAsync(CancellationToken.None);
                return false;
            default:
                Close();
                Message = Gone();
                return false;
        }
    }

    private async Task LoadShareAsync(CancellationToken cancellationToken) =>
        Share = Open is { Shared: true } ? await library.GetShareAsync(workspace.Id!.Value, Open.Id, cancellationToken) : null;

    private async Task LoadListAsync(CancellationToken cancellationToken)
    {
        List = await library.ListPromptsAsync(workspace.Id!.Value, Search, Page, PageSize, cancellationToken);
        if (List.Items.Count == 0 && Page > 1)
        {
            Page = PageCount;
            List = await library.ListPromptsAsync(workspace.Id!.Value, Search, Page, PageSize, cancellationToken);
        }
    }

    /// <summary>Loads one version more than the panel shows, so the oldest one shown can be compared with the one before it.</summary>
    private async Task LoadVersionsAsync(CancellationToken cancellationToken)
    {
        var loaded = Open is null ? null : await library.ListVersionsAsync(workspace.Id!.Value, Open.Id, null, 1, VersionPageSize + 1, cancellationToken);
        Versions = loaded is null ? null : loaded with { Items = [.. loaded.Items.Take(VersionPageSize)], PageSize = VersionPageSize };
        VersionEntries = loaded is null ? [] : VersionEntry.Of(loaded.Items, VersionPageSize);
    }

    private Task RunAsync(Func<CancellationToken, Task> action, CancellationToken cancellationToken) =>
        RunAsync(action, spendsBudget: false, cancellationToken);

    /// <summary>A write: refused with the rate-limit notice, before anything is written, when the client's budget is spent.</summary>
    private Task WriteAsync(Func<CancellationToken, Task> action, CancellationToken cancellationToken) =>
        RunAsync(action, spendsBudget: true, cancellationToken);

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
            Message = new StudioNotice(NoticeKind.Error, UnavailableText);
        }
        finally
        {
            Busy = false;
        }
    }
}
