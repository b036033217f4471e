using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace SoraPromptGenie.Library.Components;

public sealed partial class LibraryPanel
{
    /// <summary>Where this browser remembers the prompt open in the panel, so a reload keeps saving versions of it.</summary>
    public const string OpenPromptStorageKey = "spg.library.open";

    /// <summary>
    /// The fragment parameter the shared page's "Open in studio" link carries the share token in (<c>/#from=token</c>): a
    /// fragment is never sent to the server, so the token stays out of request logs and error reports.
    /// </summary>
    public const string SharedFragmentName = "from";

    public const string KeyFileName = "sora-prompt-genie-library-key.txt";

    private const int ExcerptChars = 120;
    private readonly CancellationTokenSource _closing = new();
    private IJSObjectReference? _module;
    private IJSObjectReference? _library;
    private ElementReference newKeyBox;
    private ElementReference cancelSignOut;
    private string? title;
    private string? search;
    private bool copied;
    private bool downloadFailed;
    private bool pinNewLink;
    private bool confirmingSignOut;
    private bool focusCancel;
    private bool started;
    private Guid? storedOpenId;

    /// <summary>The <c>workspace</c> query value the sign-in form post redirected with.</summary>
    [Parameter]
    public string? Outcome { get; set; }

    /// <summary>Raised with the text for the editor when a prompt was opened or a version restored.</summary>
    [Parameter]
    public EventCallback<EditorText> TextOpened { get; set; }

    private CancellationToken Closing => _closing.Token;

    private string? OutcomeText => Outcome switch
    {
        WorkspaceOutcomes.SignedIn => "Signed in to your library.",
        WorkspaceOutcomes.SignedOut => "Signed out. The library stays available with its key.",
        WorkspaceOutcomes.InvalidKey => "That key opens no library. Check it and try again.",
        WorkspaceOutcomes.Unavailable => LibrarySession.UnavailableText,
        _ => null,
    };

    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync();
        _closing.Dispose();
        try
        {
            if (_module is not null)
            {
                await _module.DisposeAsync();
            }

            if (_library is not null)
            {
                await _library.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is already gone along with the page.
        }
    }

    internal static string VersionLabel(VersionResponse version) => version.Operation switch
    {
        VersionOperations.Restore when version.RestoredFrom is { } from => $"restored from v{from}",
        VersionOperations.Restore => "restored",
        VersionOperations.Manual => "saved",
        VersionOperations.Enhance => version.EnhancementIds.Count > 1 ? $"enhanced with {version.EnhancementIds.Count} cards" : "enhanced with a card",
        VersionOperations.Preset => "preset applied",
        VersionOperations.AutoGenerate => "auto-generated",
        VersionOperations.Structure => "structured",
        var operation => operation.Replace('-', ' '),
    };

    /// <summary>The downloaded key file: the key on a line of its own and how to use it.</summary>
    internal static string KeyFile(string key, Uri site) =>
        $"""
        Sora Prompt Genie library key

        {key}

        To open your library in another browser, or after signing out: go to {site}, find "Sign in with key" in the Library panel and paste the key.
        Without this key nobody, not even us, can open this library again; it is not stored anywhere else.
        Keep this file private: anyone with the key can read, change and delete the prompts in the library.

        """.ReplaceLineEndings("\n");

    internal static string Excerpt(string text) => text.Length <= ExcerptChars ? text : text[..ExcerptChars] + "…";

    protected override async Task OnInitializedAsync()
    {
        if (Library.SignedIn && Library.List is null)
        {
            await Library.RefreshAsync(Closing);
        }

        title = Library.Open?.Title;
        Library.SiteAddress ??= new Uri(Navigation.BaseUri);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            await StartAsync();
            return;
        }

        if (!started)
        {
            return;
        }

        if (focusCancel)
        {
            focusCancel = false;
            await cancelSignOut.FocusAsync();
        }

        await RememberOpenPromptAsync();
    }

    /// <summary>
    /// Runs once the circuit is attached: shows a new key, opens the text of a share link the studio was opened with, or
    /// reopens the prompt this browser had open.
    /// </summary>
    private async Task StartAsync()
    {
        try
        {
            _library = await JS.InvokeAsync<IJSObjectReference>("import", Closing, "./js/library.js");
            if (Workspace.NewKey is not null)
            {
                await _library.InvokeVoidAsync("scrollIntoView", Closing, newKeyBox);
            }

            var stored = await _library.InvokeAsync<string?>("getOpenPrompt", Closing, OpenPromptStorageKey);
            storedOpenId = Guid.TryParse(stored, out var id) ? id : null;
            if (await _library.InvokeAsync<string?>("takeFragmentParameter", Closing, SharedFragmentName) is { Length: > 0 } token)
            {
                if (await Library.OpenSharedAsync(token, Closing) is { } shared)
                {
                    title = null;
                    await TextOpened.InvokeAsync(shared);
                }
            }
            else if (Library.SignedIn && Library.Open is null && storedOpenId is { } open && await Library.ReopenAsync(open, Closing))
            {
                title = Library.Open?.Title;
            }

            started = true;
            await RememberOpenPromptAsync();
            StateHasChanged();
        }
        catch (JSDisconnectedException)
        {
            // The tab closed while the panel started: nothing is left to show.
        }
        catch (OperationCanceledException) when (Closing.IsCancellationRequested)
        {
            // The circuit is closing.
        }
    }

    /// <summary>Keeps the browser's note of the open prompt in step with the panel (signed out: nothing to remember yet).</summary>
    private async Task RememberOpenPromptAsync()
    {
        if (_library is null || !Library.SignedIn || Library.Open?.Id == storedOpenId)
        {
            return;
        }

        storedOpenId = Library.Open?.Id;
        try
        {
            await _library.InvokeVoidAsync("setOpenPrompt", OpenPromptStorageKey, storedOpenId?.ToString());
        }
        catch (JSDisconnectedException)
        {
            // The tab is gone; it remembered the prompt open before.
        }
    }

    private void AskSignOut()
    {
        confirmingSignOut = true;
        focusCancel = true;
    }

    private async Task DownloadKeyAsync(string key)
    {
        try
        {
            _library ??= await JS.InvokeAsync<IJSObjectReference>("import", "./js/library.js");
            await _library.InvokeVoidAsync("downloadText", KeyFileName, KeyFile(key, new Uri(Navigation.BaseUri)));
        }
        catch (JSException)
        {
            downloadFailed = true;
        }
    }

    private async Task SaveAsync()
    {
        await Library.SaveAsync(title, Closing);
        title = Library.Open?.Title ?? title;
    }

    private async Task OpenAsync(Guid id)
    {
        var opened = await Library.OpenAsync(id, Closing);
        title = Library.Open?.Title ?? title;
        if (opened is not null)
        {
            await TextOpened.InvokeAsync(opened);
        }
    }

    private async Task RestoreAsync(int number)
    {
        if (await Library.RestoreAsync(number, Closing) is { } restored)
        {
            await TextOpened.InvokeAsync(restored);
        }
    }

    private void CloseOpen()
    {
        Library.Close();
        title = null;
    }

    /// <summary>Before a link exists, the choice waits for "Create share link"; after, it changes the link in place.</summary>
    private bool SharePinned => Library.Share is { } share ? share.PinnedVersion is not null : pinNewLink;

    private Task ShareAsync() => Library.ShareAsync(new Uri(Navigation.BaseUri), Closing, SharePinned);

    private async Task ChooseShareModeAsync(bool pinned)
    {
        pinNewLink = pinned;
        if (Library.Share is not null)
        {
            await Library.SetShareModeAsync(pinned, Closing);
        }
    }

    private async Task CopyAsync(string text)
    {
        try
        {
            _module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./js/studio.js");
            copied = await _module.InvokeAsync<bool>("copyText", text);
        }
        catch (JSException)
        {
            copied = false;
        }
    }
}
