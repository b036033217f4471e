using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using SoraPromptGenie.Core.Storyboards;

namespace SoraPromptGenie.Studio.StoryboardView;

public sealed partial class StoryboardPage
{
    /// <summary>The storyboard this browser is writing, kept after every change so a reload or a closed tab loses nothing.</summary>
    public const string StorageKey = "spg.storyboard";

    private const int MaxStoredBytes = 256 * 1024;
    private const int IdeaMaxLength = 2_000;

    private static readonly JsonSerializerOptions Wire = new(JsonSerializerDefaults.Web);

    private readonly CancellationTokenSource _closing = new();
    private CancellationTokenSource? _running;
    private IJSObjectReference? _studio;
    private IJSObjectReference? _module;
    private int _storedVersion = -1;
    private bool interactive;
    private string? idea;
    private int shotCount = 4;
    private int? dragKey;

    /// <summary>A share link's token from "open in studio" on the shared page: its storyboard opens here as a new one.</summary>
    [SupplyParameterFromQuery(Name = "shared")]
    public string? SharedToken { get; set; }
    private int? overKey;

    public async ValueTask DisposeAsync()
    {
        Session.Updated -= OnUpdated;
        await _closing.CancelAsync();
        _closing.Dispose();
        try
        {
            foreach (var module in new[] { _studio, _module })
            {
                if (module is not null)
                {
                    await module.DisposeAsync();
                }
            }
        }
        catch (JSDisconnectedException)
        {
            // The tab is gone, and its modules with it.
        }
    }

    protected override void OnInitialized() => Session.Updated += OnUpdated;

    private void OnUpdated() => _ = InvokeAsync(StateHasChanged);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            await StoreAsync();
            return;
        }

        _studio = await JS.InvokeAsync<IJSObjectReference>("import", "./js/studio.js");
        _module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/storyboard.js");
        Session.Selection.Remember(await _studio.InvokeAsync<string?>("getPreference", _closing.Token, TargetSelection.ParametersPreference));
        Session.Selection.Select(await _studio.InvokeAsync<string?>("getPreference", _closing.Token, TargetSelection.TargetPreference));
        if (SharedToken is { Length: > 0 } token && await Shelf.OpenSharedAsync(token, _closing.Token) is { } shared)
        {
            Session.Load(shared);
            Session.Selection.Select(shared.Target);
        }
        else if (Session.Board is null)
        {
            await RestoreAsync(_studio);
        }

        _storedVersion = Session.Version;
        interactive = true;
        StateHasChanged();
    }

    private async Task RestoreAsync(IJSObjectReference studio)
    {
        if (!await studio.InvokeAsync<bool>("hasDraft", _closing.Token, StorageKey))
        {
            return;
        }

        try
        {
            await using var stored = await studio.InvokeAsync<IJSStreamReference>("loadDraft", _closing.Token, StorageKey);
            if (stored.Length > MaxStoredBytes)
            {
                return;
            }

            await using var stream = await stored.OpenReadStreamAsync(MaxStoredBytes, _closing.Token);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            if (Read(await reader.ReadToEndAsync(_closing.Token)) is { } board)
            {
                Session.Load(board);
                Session.Selection.Select(board.Target);
            }
        }
        catch (Exception ex) when (ex is JSException or IOException)
        {
            // A stored storyboard the browser cannot hand over must not stop the page; the next change replaces it.
        }
    }

    /// <summary>A stored storyboard, or null when it cannot be read or no longer passes the storyboard checks.</summary>
    private static Storyboard? Read(string json)
    {
        try
        {
            var board = JsonSerializer.Deserialize<Storyboard>(json, Wire);
            return board is not null && board.Continuity is not null && board.Shots is { Count: >= StoryboardLimits.MinShots and <= StoryboardLimits.MaxShots }
                ? board
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task StoreAsync()
    {
        if (_studio is null || !interactive || Session.Version == _storedVersion || Session.Board is not { } board)
        {
            return;
        }

        _storedVersion = Session.Version;
        try
        {
            await _studio.InvokeVoidAsync("saveDraft", StorageKey, JsonSerializer.Serialize(board, Wire));
        }
        catch (JSDisconnectedException)
        {
            // The tab is gone; what it stored last is what the next visit restores.
        }
    }

    private async Task ChooseTargetAsync(string? id)
    {
        if (Session.ChooseTarget(id) && _studio is not null)
        {
            await _studio.InvokeVoidAsync("setPreference", TargetSelection.TargetPreference, Session.Target.Id);
        }
    }

    private void StartBlank() => Session.StartBlank();

    /// <summary>
    /// Moves a shot with its Earlier/Later buttons and keeps the keyboard on it: on the button pressed, or on the other one
    /// when the shot reached the end that disables it.
    /// </summary>
    private async Task MoveAsync((int Key, int To) move)
    {
        var earlier = move.To < Session.IndexOf(move.Key);
        Session.Move(move.Key, move.To);
        var last = Session.Keys.Count - 1;
        var button = earlier ? (move.To == 0 ? "shot-later" : "shot-earlier") : (move.To == last ? "shot-earlier" : "shot-later");
        StateHasChanged();
        if (_module is not null)
        {
            await Task.Yield();
            await _module.InvokeVoidAsync("focusIn", $"[data-testid='shot'][data-key='{move.Key}']", $"[data-testid='{button}']");
        }
    }

    private Task DropAsync(int onto)
    {
        if (dragKey is { } dragged && dragged != onto)
        {
            Session.Move(dragged, Session.IndexOf(onto));
        }

        EndDrag();
        return Task.CompletedTask;
    }

    private void EndDrag()
    {
        dragKey = null;
        overKey = null;
    }

    private async Task RunAsync(Func<CancellationToken, Task> action)
    {
        if (Session.Busy is not null)
        {
            return;
        }

        using var running = CancellationTokenSource.CreateLinkedTokenSource(_closing.Token);
        _running = running;
        try
        {
            var task = action(running.Token);
            StateHasChanged();
            await task;
        }
        finally
        {
            _running = null;
        }
    }

    private async Task CopyAsync(string text)
    {
        if (_studio is not null)
        {
            await _studio.InvokeAsync<bool>("copyText", text);
        }
    }

    private void CancelRunning() => _running?.Cancel();
}
