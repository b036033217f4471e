using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace SoraPromptGenie.Library.Components;

public sealed partial class LibraryPanel
{
    private const int ExcerptChars = 120;
    private readonly CancellationTokenSource _closing = new();
    private IJSObjectReference? _module;
    private string? title;
    private string? search;
    private bool copied;

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
        }
        catch (JSDisconnectedException)
        {
            // The circuit is already gone along with the page.
        }
    }

    internal static string VersionLabel(VersionResponse version) => version.Operation switch
    {
        VersionOperations.Restore when version.RestoredFrom is { } from => $"restored from v{from}",
        VersionOperations.Manual => "saved",
        var operation => operation.Replace('-', ' '),
    };

    internal static string Excerpt(string text) => text.Length <= ExcerptChars ? text : text[..ExcerptChars] + "…";

    protected override async Task OnInitializedAsync()
    {
        if (Library.SignedIn && Library.List is null)
        {
            await Library.RefreshAsync(Closing);
        }

        title = Library.Open?.Title;
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

    private Task ShareAsync() => Library.ShareAsync(new Uri(Navigation.BaseUri), Closing);

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
