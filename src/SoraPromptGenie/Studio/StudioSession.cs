using System.Text;
using SoraPromptGenie.Core.Catalog;
using SoraPromptGenie.Core.Engines;
using SoraPromptGenie.Core.Engines.Offline;
using SoraPromptGenie.Core.Lint;
using SoraPromptGenie.Core.Targets;
using SoraPromptGenie.Library;
using SoraPromptGenie.Ops;
using SoraPromptGenie.Ops.RateLimiting;
using SoraPromptGenie.Prompting;

namespace SoraPromptGenie.Studio;

public enum StudioMode
{
    Simple,
    Advanced,
}

/// <summary>
/// The state of one person's studio (one per circuit): the prompt, its history and applied cards, lint, the last engine,
/// fresh suggestions and the message to show. Every AI action goes through the same <see cref="PromptStudio"/> as the API
/// (the text operations stream, as the API's event-stream form does) and is first counted against the client's AI limit
/// for the matching API path. The prompt only changes on success. The video model it writes for (<see cref="Target"/>)
/// and that model's export parameters (<see cref="Selection"/>) drive every AI action, the lint and the length meter.
/// </summary>
public sealed class StudioSession(
    PromptStudio studio,
    PromptCatalog catalog,
    PromptLinter linter,
    PromptInput input,
    TargetSelection selection,
    ClientRateLimiter limiter,
    CircuitClient client,
    TimeProvider time)
{
    public const string EnhancePath = "/api/enhance-prompt";
    public const string SuggestPath = "/api/generate-suggestions";
    public const string ExpandPath = "/api/auto-generate-prompt";
    public const string StructurePath = "/api/structure-prompt";
    public const int FreshSuggestionCount = 4;

    private readonly Dictionary<string, IReadOnlyList<StudioCard>> _fresh = new(StringComparer.Ordinal);

    public PromptCatalog Catalog => catalog;

    public PromptHistory History { get; } = new(time);

    public string Prompt { get; private set; } = string.Empty;

    private ((string Before, string After) Step, IReadOnlyList<TextChange> Changes)? _lastChange;

    /// <summary>Where the running action was started from (see <see cref="NoticePlace"/>).</summary>
    private string? _actionPlace;

    private StudioNotice? _notice;

    /// <summary>
    /// What the last recorded step changed, word by word (what a phone shows above the cards after a tap); empty before a
    /// second step or while the text differs from the last recorded step (typing, streaming).
    /// </summary>
    public IReadOnlyList<TextChange> LastChange
    {
        get
        {
            if (History.CurrentIndex == 0 || Streaming is not null || Prompt != History.Current.Text)
            {
                return [];
            }

            var step = (History.Entries[History.CurrentIndex - 1].Text, History.Current.Text);
            if (_lastChange is not { } known || known.Step != step)
            {
                _lastChange = (step, VersionChanges.Between(step.Item1, step.Item2));
            }

            return _lastChange.Value.Changes;
        }
    }

    /// <summary>Nothing written yet (or only blanks): the studio shows a first step instead of a score.</summary>
    public bool IsEmpty => string.IsNullOrWhiteSpace(Prompt);

    public AppliedSet Applied { get; private set; } = AppliedSet.Empty;

    public LintReport Lint { get; private set; } = linter.Lint(string.Empty, selection.Target);

    /// <summary>The chosen target and its export parameters.</summary>
    public TargetSelection Selection => selection;

    /// <summary>The video model the prompt is written for.</summary>
    public TargetProfile Target => selection.Target;

    /// <summary>The prompt's length in its target's unit, against the target's limit.</summary>
    /// <summary>The length of what the editor shows, so it follows an answer as it streams in.</summary>
    public PromptMeter Meter => PromptMeter.For(DisplayedPrompt, Target);

    /// <summary>The most the editor takes, as configured (<c>Prompting:MaxPromptChars</c>).</summary>
    public int MaxPromptChars => input.MaxPromptChars;

    /// <summary>The engine label of the last AI result: a model (<c>openrouter:&lt;model&gt;</c>) or <c>offline</c>.</summary>
    public string? EngineLabel { get; private set; }

    /// <summary>The <see cref="NoticePlace"/> of an action started from the presets.</summary>
    public const string PresetsPlace = "presets";

    /// <summary>The message to show; <see cref="NoticePlace"/> says next to what.</summary>
    public StudioNotice? Notice
    {
        get => _notice;
        private set
        {
            _notice = value;
            NoticePlace = value is null ? null : _actionPlace;
        }
    }

    /// <summary>
    /// Where the notice belongs: next to what was clicked (<see cref="PresetsPlace"/> or a category id) or, when null, in
    /// the editor.
    /// </summary>
    public string? NoticePlace { get; private set; }

    /// <summary>What is running: <c>auto-generate</c>, <c>structure</c>, <c>card:{id}</c>, <c>preset:{id}</c> or <c>suggest:{category}</c>.</summary>
    public string? Busy { get; private set; }

    public StudioMode Mode { get; set; } = StudioMode.Simple;

    /// <summary>Text arriving from the running text operation; the final, cleaned answer replaces it.</summary>
    public string? Streaming { get; private set; }

    /// <summary>Raised on the circuit's dispatcher whenever <see cref="Streaming"/> grows.</summary>
    public event Action? StreamUpdated;

    /// <summary>What the editor shows: the arriving text while an operation streams, else the prompt.</summary>
    public string DisplayedPrompt => Streaming ?? Prompt;

    public IReadOnlyDictionary<string, IReadOnlyList<StudioCard>> Fresh => _fresh;

    /// <summary>
    /// Grows whenever the history, the applied cards or a recorded text change, so the page knows when to store the
    /// draft again. Typing alone does not count: the page keeps typed text in the draft itself.
    /// </summary>
    public int DraftVersion { get; private set; }

    public int WordCount => PromptStudio.CountWords(DisplayedPrompt);

    public int CharacterCount => Prompt.Length;

    public bool CanAutoGenerate => Busy is null && WordCount >= PromptLimits.MinBasicPromptWords && Prompt.Length <= input.MaxBasicPromptChars;

    public bool CanStructure => Busy is null && !string.IsNullOrWhiteSpace(Prompt);

    public bool IsBusy(string what) => Busy == what;

    /// <summary>Typing changes the text only; a pause in typing turns it into a history entry (<see cref="CommitTyping"/>).</summary>
    public void Edit(string? text)
    {
        var value = text ?? string.Empty;
        Prompt = value.Length > MaxPromptChars ? value[..MaxPromptChars] : value;
    }

    /// <summary>Writes for the target <paramref name="id"/>; an unknown id changes nothing. Returns whether it was taken.</summary>
    public bool ChooseTarget(string? id)
    {
        if (!selection.Select(id))
        {
            return false;
        }

        RefreshLint();
        return true;
    }

    /// <summary>Chooses an export parameter of the current target; only its allowed values are taken.</summary>
    public void ChooseParameter(string name, string? value) => selection.Choose(name, value);

    /// <summary>Writes for the target a saved prompt was written for, with its parameters; an unknown target changes nothing.</summary>
    public bool ApplyTarget(TargetChoice choice)
    {
        ArgumentNullException.ThrowIfNull(choice);
        if (!selection.Apply(choice.Target, choice.Parameters))
        {
            return false;
        }

        RefreshLint();
        return true;
    }

    public bool CommitTyping()
    {
        if (!History.Record(Prompt, Applied, "Edited"))
        {
            return false;
        }

        DraftVersion++;
        return true;
    }

    /// <summary>The state to keep in the browser: the text on screen and the history with its applied cards.</summary>
    public StudioDraft CaptureDraft() => new(Prompt, History.Entries, History.CurrentIndex);

    /// <summary>
    /// Brings back a draft kept in the browser, when nothing has happened in this studio yet (a fresh page): the text,
    /// the history and the cards applied at its current entry. Returns whether it was taken.
    /// </summary>
    public bool RestoreDraft(StudioDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (History.Entries.Count > 1 || Prompt.Length > 0 || Busy is not null)
        {
            return false;
        }

        if (draft.History.Count > 0)
        {
            History.Reload(draft.History, draft.CurrentIndex);
            Applied = History.Current.Applied;
        }

        Prompt = draft.Text;
        DraftVersion++;
        RefreshLint();
        return true;
    }

    public void RefreshLint() => Lint = linter.Lint(Prompt, Target);

    public void DismissNotice() => Notice = null;

    public void Undo()
    {
        CommitTyping();
        Load(History.Undo());
    }

    public void Redo()
    {
        if (Prompt != History.Current.Text)
        {
            // Typed text after the current entry is a new branch: there is nothing to redo over it.
            CommitTyping();
            return;
        }

        Load(History.Redo());
    }

    public void RestoreHistory(int index)
    {
        CommitTyping();
        Load(History.Restore(index));
    }

    public void Clear()
    {
        CommitTyping();
        SetPrompt(string.Empty, AppliedSet.Empty, "Cleared");
    }

    /// <summary>Puts a saved prompt into the editor as a new history entry, so undo goes back to what was there.</summary>
    public void OpenText(string text, string label)
    {
        ArgumentNullException.ThrowIfNull(text);
        CommitTyping();
        SetPrompt(text, AppliedSet.Empty, label);
    }

    public void UseStarter(StarterPrompt starter)
    {
        ArgumentNullException.ThrowIfNull(starter);
        CommitTyping();
        SetPrompt(starter.Prompt, AppliedSet.Empty, "Starter: " + starter.Title);
    }

    public async Task AutoGenerateAsync(CancellationToken cancellationToken)
    {
        if (!CanAutoGenerate)
        {
            return;
        }

        var idea = Prompt;
        var target = Target;
        var result = await StreamAsync("auto-generate", ExpandPath, ct => studio.StreamExpand(idea, ct, target: target), cancellationToken);
        if (result is not null)
        {
            // A generated prompt is a new scene: the cards it applied are the ones written into it, not those of the idea.
            var written = WrittenCards.In(result.Text, catalog).Select(StudioCard.From);
            Accept(result, AppliedSet.Of(written), "Auto-generated");
        }
    }

    public async Task StructureAsync(CancellationToken cancellationToken)
    {
        if (!CanStructure)
        {
            return;
        }

        var prompt = Prompt;
        var target = Target;
        var result = await StreamAsync("structure", StructurePath, ct => studio.StreamStructure(prompt, ct, target: target), cancellationToken);
        if (result is not null)
        {
            Accept(result, Applied, "Structured");
        }
    }

    /// <summary>
    /// Applies a card, swaps it for the card of its category, or (when it is applied) takes it out. Every change is made
    /// to the prompt as it is now: only that card's contribution changes, other cards and hand edits stay.
    /// </summary>
    public Task ToggleCardAsync(StudioCard card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        return AtAsync(card.CategoryId, () => ToggleCardHereAsync(card, cancellationToken));
    }

    private async Task ToggleCardHereAsync(StudioCard card, CancellationToken cancellationToken)
    {
        if (Busy is not null)
        {
            return;
        }

        if (Applied.IsApplied(card.Id))
        {
            await RemoveAsync(card, cancellationToken);
            return;
        }

        var replaced = Applied.ForCategory(card.CategoryId);
        var label = replaced is null ? card.Title : $"{card.Title} (replaced {replaced.Title})";
        await ApplyAsync("card:" + card.Id, [card], label, cancellationToken);
    }

    /// <summary>A preset's enhancements are merged in one request and marked applied together; cards already applied stay as they are.</summary>
    public Task ApplyPresetAsync(Preset preset, CancellationToken cancellationToken) =>
        AtAsync(PresetsPlace, () => ApplyPresetHereAsync(preset, cancellationToken));

    private async Task ApplyPresetHereAsync(Preset preset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(preset);
        if (Busy is not null)
        {
            return;
        }

        var cards = preset.Enhancements.Select(catalog.FindEnhancement).OfType<Enhancement>().Select(StudioCard.From)
            .Where(c => !Applied.IsApplied(c.Id)).ToList();
        if (cards.Count == 0)
        {
            Notice = new StudioNotice(NoticeKind.Info, $"Every card of {preset.Name} is already applied.");
            return;
        }

        await ApplyAsync("preset:" + preset.Id, cards, "Preset " + preset.Name, cancellationToken);
    }

    public Task RefreshSuggestionsAsync(string categoryId, CancellationToken cancellationToken) =>
        AtAsync(categoryId, () => RefreshSuggestionsHereAsync(categoryId, cancellationToken));

    private async Task RefreshSuggestionsHereAsync(string categoryId, CancellationToken cancellationToken)
    {
        var prompt = Prompt;
        var target = Target;
        var result = await RunAsync(
            "suggest:" + categoryId, SuggestPath, ct => studio.SuggestAsync(categoryId, FreshSuggestionCount, prompt, ct, target: target), cancellationToken);
        if (result is not null)
        {
            _fresh[categoryId] = [.. result.Suggestions.Select(StudioCard.From)];
            EngineLabel = result.Engine;
            if (result.FallbackReason is { } reason)
            {
                Notice = StudioNotice.Fallback(reason);
            }
        }
    }

    /// <summary>Merges <paramref name="cards"/> into the current prompt, asking for the cards they replace to be taken out.</summary>
    private async Task ApplyAsync(string busy, IReadOnlyList<StudioCard> cards, string label, CancellationToken cancellationToken)
    {
        CommitTyping();
        var prompt = Prompt;
        var target = Target;
        var applied = Applied;
        var replaced = applied.ReplacedBy(cards);
        var result = await StreamAsync(
            busy, EnhancePath, ct => studio.StreamRevise(prompt, Inputs(cards), Inputs(replaced), ct, target), cancellationToken);
        if (result is not null)
        {
            Accept(result, applied.With(cards), label);
        }
    }

    /// <summary>Takes one card's contribution out of the current prompt; the rest of the text stays.</summary>
    private async Task RemoveAsync(StudioCard card, CancellationToken cancellationToken)
    {
        CommitTyping();
        var prompt = Prompt;
        var target = Target;
        var applied = Applied;
        var result = await StreamAsync(
            "card:" + card.Id, EnhancePath, ct => studio.StreamRevise(prompt, [], [card.ToInput()], ct, target), cancellationToken);
        if (result is null)
        {
            return;
        }

        Accept(result, applied.Without(card.CategoryId), "Removed " + card.Title);
        if (result.Text == prompt && Notice is null)
        {
            // The card's wording was already edited away by hand; say so rather than leave the person guessing.
            Notice = StudioNotice.NothingToRemove(card.Title);
        }
    }

    /// <summary>Runs an action started from <paramref name="place"/>, so what it has to say is shown there.</summary>
    private async Task AtAsync(string place, Func<Task> action)
    {
        if (Busy is not null)
        {
            return;
        }

        _actionPlace = place;
        try
        {
            await action();
        }
        finally
        {
            _actionPlace = null;
        }
    }

    private static List<EnhancementInput> Inputs(IEnumerable<StudioCard> cards) => [.. cards.Select(c => c.ToInput())];

    /// <summary>Runs a streamed text operation, showing the text as it arrives; its result is the final chunk's text.</summary>
    private Task<EngineText?> StreamAsync(
        string busy,
        string endpointPath,
        Func<CancellationToken, StudioResult<IAsyncEnumerable<EngineStreamChunk>>> start,
        CancellationToken cancellationToken) =>
        RunAsync(busy, endpointPath, async ct =>
        {
            var started = start(ct);
            if (started.Value is not { } chunks)
            {
                return StudioResult.Invalid<EngineText>(started.Error!);
            }

            var arrived = new StringBuilder();
            try
            {
                await foreach (var chunk in chunks)
                {
                    if (chunk.Final is { } final)
                    {
                        return final;
                    }

                    arrived.Append(chunk.Delta);
                    Streaming = arrived.ToString();
                    Lint = linter.Lint(Streaming, Target);
                    StreamUpdated?.Invoke();
                }
            }
            finally
            {
                Streaming = null;
                RefreshLint();
            }

            return StudioResult.Invalid<EngineText>("The answer stopped before it was complete. Your prompt is unchanged — try again.");
        }, cancellationToken);

    private async Task<T?> RunAsync<T>(string busy, string endpointPath, Func<CancellationToken, Task<StudioResult<T>>> call, CancellationToken cancellationToken)
        where T : class
    {
        if (Busy is not null)
        {
            return null;
        }

        // Text typed just before the action becomes its own entry, so undo returns to it rather than past it.
        CommitTyping();
        Busy = busy;
        Notice = null;
        try
        {
            var decision = await limiter.HitAiAsync(endpointPath, client.Address, cancellationToken);
            if (!decision.Allowed)
            {
                Notice = StudioNotice.RateLimited(decision.Reset);
                return null;
            }

            var result = await call(cancellationToken);
            if (!result.Succeeded)
            {
                Notice = StudioNotice.Invalid(result.Error!);
                return null;
            }

            return result.Value;
        }
        catch (UpstreamException failure)
        {
            Notice = StudioNotice.Upstream(failure);
            return null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Notice = StudioNotice.Stopped;
            return null;
        }
        finally
        {
            Busy = null;
        }
    }

    private void Accept(EngineText result, AppliedSet applied, string label)
    {
        EngineLabel = result.Engine;
        if (result.FallbackReason is { } reason)
        {
            Notice = StudioNotice.Fallback(reason);
        }
        else if (result.Warnings is { Count: > 0 } warnings)
        {
            Notice = StudioNotice.Changed(warnings);
        }

        SetPrompt(result.Text, applied, label);
    }

    private void SetPrompt(string text, AppliedSet applied, string label)
    {
        Prompt = text;
        Applied = applied;
        History.Record(text, applied, label);
        DraftVersion++;
        RefreshLint();
    }

    private void Load(HistoryEntry? entry)
    {
        if (entry is not null)
        {
            Prompt = entry.Text;
            Applied = entry.Applied;
            DraftVersion++;
            RefreshLint();
        }
    }
}
