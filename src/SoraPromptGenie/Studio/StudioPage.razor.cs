using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using SoraPromptGenie.Core.Catalog;

namespace SoraPromptGenie.Studio;

public enum CopyTarget
{
    None,
    Prompt,
    RequestJson,
    Curl,
    Poll,
}

public sealed partial class StudioPage
{
    private const string ModePreference = "spg.mode";

    /// <summary>How long after the last key the page stores typed text in the draft.</summary>
    private const int TypedTextDelayMs = 300;
    private static readonly TimeSpan LintDelay = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan TypingPause = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan CopiedFor = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource _closing = new();

    /// <summary>The action in progress, cancelled by its Cancel button or when the circuit closes.</summary>
    private CancellationTokenSource? _running;
    private ITimer? _lintTimer;
    private ITimer? _typingTimer;
    private ITimer? _copiedTimer;
    private IJSObjectReference? _module;
    private IJSObjectReference? _shortcuts;
    private IJSObjectReference? _typedText;
    private DotNetObjectReference<StudioPage>? _self;
    private ElementReference promptArea;
    private int _storedDraftVersion = -1;
    private bool interactive;
    private CopyTarget copied;

    /// <summary>What the workspace form post did (see <see cref="Library.WorkspaceSession"/>).</summary>
    [SupplyParameterFromQuery(Name = Library.WorkspaceOutcomes.QueryName)]
    public string? WorkspaceOutcome { get; set; }

    [JSInvokable]
    public Task OnShortcut(string name) => name switch
    {
        "undo" => InvokeAsync(() => { Undo(); StateHasChanged(); }),
        "redo" => InvokeAsync(() => { Redo(); StateHasChanged(); }),
        "auto-generate" => RunAsync(Session.AutoGenerateAsync),
        _ => Task.CompletedTask,
    };

    public async ValueTask DisposeAsync()
    {
        Session.StreamUpdated -= OnStreamUpdated;
        await _closing.CancelAsync();
        _closing.Dispose();
        _lintTimer?.Dispose();
        _typingTimer?.Dispose();
        _copiedTimer?.Dispose();
        try
        {
            foreach (var listener in new[] { _shortcuts, _typedText })
            {
                if (listener is not null)
                {
                    await listener.InvokeVoidAsync("dispose");
                    await listener.DisposeAsync();
                }
            }

            if (_module is not null)
            {
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is already gone (tab closed): the browser dropped the listeners with the page.
        }

        _self?.Dispose();
    }

    protected override void OnInitialized() => Session.StreamUpdated += OnStreamUpdated;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            await StoreDraftAsync();
            return;
        }

        _module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/studio.js");
        _self = DotNetObjectReference.Create(this);
        _shortcuts = await _module.InvokeAsync<IJSObjectReference>("registerShortcuts", _self);
        if (await _module.InvokeAsync<string?>("getPreference", ModePreference) is { } stored && Enum.TryParse<StudioMode>(stored, out var mode))
        {
            Session.Mode = mode;
        }

        await RestoreTargetAsync(_module);
        await RestoreDraftAsync(_module);
        _typedText = await _module.InvokeAsync<IJSObjectReference>("keepTypedText", StudioDraft.StorageKey, promptArea, TypedTextDelayMs);
        interactive = true;
        StateHasChanged();
    }

    /// <summary>The target and parameters this browser chose before; an id the catalog no longer has keeps the default.</summary>
    private async Task RestoreTargetAsync(IJSObjectReference module)
    {
        Session.Selection.Remember(await module.InvokeAsync<string?>("getPreference", _closing.Token, TargetSelection.ParametersPreference));
        Session.ChooseTarget(await module.InvokeAsync<string?>("getPreference", _closing.Token, TargetSelection.TargetPreference));
    }

    private async Task StoreTargetAsync()
    {
        if (_module is null)
        {
            return;
        }

        try
        {
            await _module.InvokeVoidAsync("setPreference", TargetSelection.TargetPreference, Session.Target.Id);
            await _module.InvokeVoidAsync("setPreference", TargetSelection.ParametersPreference, Session.Selection.RememberedJson());
        }
        catch (JSDisconnectedException)
        {
            // The tab is gone; the choice stays what it stored last.
        }
    }

    /// <summary>
    /// Brings back the draft this browser kept (reload, the library's sign-in form post). A draft that cannot be read
    /// leaves the studio empty and is overwritten by the next store, which the unchanged version forces.
    /// </summary>
    private async Task RestoreDraftAsync(IJSObjectReference module)
    {
        if (!await module.InvokeAsync<bool>("hasDraft", _closing.Token, StudioDraft.StorageKey))
        {
            _storedDraftVersion = Session.DraftVersion;
            return;
        }

        try
        {
            await using var stored = await module.InvokeAsync<IJSStreamReference>("loadDraft", _closing.Token, StudioDraft.StorageKey);
            if (stored.Length <= StudioDraft.MaxBytes)
            {
                await using var stream = await stored.OpenReadStreamAsync(StudioDraft.MaxBytes, _closing.Token);
                using var reader = new StreamReader(stream, Encoding.UTF8);
                if (StudioDraft.FromJson(await reader.ReadToEndAsync(_closing.Token)) is { } draft && Session.RestoreDraft(draft))
                {
                    _storedDraftVersion = Session.DraftVersion;
                }
            }
        }
        catch (Exception ex) when (ex is JSException or IOException)
        {
            // A draft the browser cannot hand over must not stop the studio from starting; the next store replaces it.
        }
    }

    /// <summary>Writes the draft to the browser after a change of history, cards or recorded text.</summary>
    private async Task StoreDraftAsync()
    {
        if (_module is null || !interactive || Session.DraftVersion == _storedDraftVersion)
        {
            return;
        }

        _storedDraftVersion = Session.DraftVersion;
        try
        {
            await _module.InvokeVoidAsync("saveDraft", StudioDraft.StorageKey, Session.CaptureDraft().ToJson());
        }
        catch (JSDisconnectedException)
        {
            // The tab is gone; what it stored last is what the next page restores.
        }
    }

    private void OnStreamUpdated() => _ = InvokeAsync(StateHasChanged);

    private void OnInput(string? text)
    {
        Session.Edit(text);
        _lintTimer ??= Time.CreateTimer(_ => _ = InvokeAsync(() => { Session.RefreshLint(); StateHasChanged(); }), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _typingTimer ??= Time.CreateTimer(_ => _ = InvokeAsync(() => { if (Session.CommitTyping()) { StateHasChanged(); } }), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _lintTimer.Change(LintDelay, Timeout.InfiniteTimeSpan);
        _typingTimer.Change(TypingPause, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Renders the busy state at once, then again when the action is done.</summary>
    private async Task RunAsync(Func<CancellationToken, Task> action)
    {
        if (Session.Busy is not null)
        {
            // One action at a time: cards and presets stay focusable while one runs, so a press must do nothing.
            return;
        }

        _typingTimer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        using var running = CancellationTokenSource.CreateLinkedTokenSource(_closing.Token);
        _running = running;
        var task = action(running.Token);
        StateHasChanged();
        try
        {
            await task;
        }
        catch (OperationCanceledException) when (_closing.IsCancellationRequested)
        {
            // The circuit is closing: nobody is left to show the result to.
            return;
        }
        finally
        {
            _running = null;
        }

        if (!_closing.IsCancellationRequested)
        {
            StateHasChanged();
        }
    }

    /// <summary>The categories the enhancements pane shows in its mode, in the order it shows them.</summary>
    private IEnumerable<Category> VisibleCategories => Session.Mode == StudioMode.Simple
        ? Session.Catalog.Categories.Where(c => c.Core)
        : Session.Catalog.Groups.SelectMany(g => g.Categories).Select(Session.Catalog.FindCategory).OfType<Category>();

    /// <summary>Stops the running action (the Cancel button); the prompt stays as it was.</summary>
    private void CancelRunning() => _running?.Cancel();

    private void Undo() => Session.Undo();

    private void Redo() => Session.Redo();

    private void Clear() => Session.Clear();

    private void UseStarter(StarterPrompt starter) => Session.UseStarter(starter);

    private void RestoreHistory(int index) => Session.RestoreHistory(index);

    /// <summary>Text from the library comes with the target it was saved for, which the picker and the export then show.</summary>
    private async Task OpenFromLibraryAsync(Library.EditorText text)
    {
        var retargeted = text.Target is { } choice && Session.ApplyTarget(choice);
        Session.OpenText(text.Text, text.Label);
        if (retargeted)
        {
            await StoreTargetAsync();
        }
    }

    private async Task ChooseTargetAsync(string? id)
    {
        if (Session.ChooseTarget(id))
        {
            await StoreTargetAsync();
        }
    }

    private async Task ChooseParameterAsync((string Name, string? Value) choice)
    {
        Session.ChooseParameter(choice.Name, choice.Value);
        await StoreTargetAsync();
    }

    private async Task SetModeAsync(StudioMode mode)
    {
        Session.Mode = mode;
        if (_module is not null)
        {
            await _module.InvokeVoidAsync("setPreference", ModePreference, mode.ToString());
        }
    }

    private Task CopyExportAsync((string Text, CopyTarget Target) request) => CopyAsync(request.Text, request.Target);

    private async Task CopyAsync(string text, CopyTarget target)
    {
        if (_module is null)
        {
            return;
        }

        if (await _module.InvokeAsync<bool>("copyText", text))
        {
            copied = target;
            _copiedTimer ??= Time.CreateTimer(_ => _ = InvokeAsync(() => { copied = CopyTarget.None; StateHasChanged(); }), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _copiedTimer.Change(CopiedFor, Timeout.InfiniteTimeSpan);
        }
        else
        {
            copied = CopyTarget.None;
        }
    }
}
