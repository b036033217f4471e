using SoraPromptGenie.Core.Catalog;
using SoraPromptGenie.Core.Engines;
using SoraPromptGenie.Core.Storyboards;
using SoraPromptGenie.Core.Targets;
using SoraPromptGenie.Library;
using SoraPromptGenie.Ops;
using SoraPromptGenie.Ops.RateLimiting;
using SoraPromptGenie.Prompting;
using SoraPromptGenie.Storyboards;

namespace SoraPromptGenie.Studio.StoryboardView;

/// <summary>
/// The storyboard view's state for one circuit: the storyboard being edited, a stable key per shot (so a moved shot keeps
/// its focus), the running AI action and what it had to say, and where it said it (a shot, or the page).
/// </summary>
public sealed class StoryboardSession(
    PromptStudio studio,
    StoryboardDrafting drafting,
    StoryboardLinter linter,
    StoryboardExporter exporter,
    PromptCatalog catalog,
    TargetSelection selection,
    ClientRateLimiter limiter,
    CircuitClient client)
{
    public const string EnhancePath = "/api/enhance-prompt";
    public const string StructurePath = "/api/structure-prompt";
    public const string DraftPath = "/api/storyboards/draft";

    private StoryboardLintReport? _lint;
    private int _lintVersion = -1;

    private List<int> _keys = [];
    private int _nextKey;

    public PromptCatalog Catalog => catalog;

    /// <summary>Raised after every change, so the whole view renders whichever part of it made the change.</summary>
    public event Action? Updated;

    public TargetSelection Selection => selection;

    public TargetProfile Target => selection.Target;

    /// <summary>The storyboard being edited; null until one is drafted, started or opened.</summary>
    public Storyboard? Board { get; private set; }

    /// <summary>One key per shot, in shot order, that follows a shot through moves.</summary>
    public IReadOnlyList<int> Keys => _keys;

    /// <summary>Counts changes, so the page stores the storyboard in the browser only when it changed.</summary>
    public int Version { get; private set; }

    public string? Busy { get; private set; }

    public StudioNotice? Notice { get; private set; }

    /// <summary>The key of the shot the notice is about; null: about the whole storyboard.</summary>
    public int? NoticeShot { get; private set; }

    /// <summary>What the last move did, for the page's live region: "Shot 3 moved to position 1 of 4."</summary>
    public string? Announcement { get; private set; }

    /// <summary>What made the last change (<c>manual</c>, <c>draft</c>, <c>enhance</c>, <c>structure</c>), saved with the next version.</summary>
    public string LastOperation { get; private set; } = VersionOperations.Manual;

    /// <summary>The engine of the last change when an AI operation made it.</summary>
    public string? LastEngine { get; private set; }

    public bool CanAdd => Board is { } board && ShotList.CanAdd(board);

    public bool CanDelete => Board is { } board && ShotList.CanDelete(board);

    public int IndexOf(int key) => _keys.IndexOf(key);

    /// <summary>Starts (or replaces) the storyboard being edited.</summary>
    public void Load(Storyboard board)
    {
        ArgumentNullException.ThrowIfNull(board);
        Board = board;
        _keys = [.. board.Shots.Select(_ => _nextKey++)];
        Notice = null;
        Announcement = null;
        Changed();
    }

    /// <summary>Two shots to write by hand, carrying nothing yet.</summary>
    public void StartBlank() => Load(new Storyboard(
        [new StoryboardShot(string.Empty, ShotList.DefaultSeconds), new StoryboardShot(string.Empty, ShotList.DefaultSeconds)],
        new StoryboardContinuity([])));

    public void SetTitle(string? title) => Apply(b => b with { Title = string.IsNullOrWhiteSpace(title) ? null : title });

    public void EditPrompt(int key, string? text) => ApplyShot(key, s => s with { Prompt = text ?? string.Empty });

    public void EditSeconds(int key, int seconds) =>
        ApplyShot(key, s => s with { Seconds = Math.Clamp(seconds, StoryboardLimits.MinShotSeconds, StoryboardLimits.MaxShotSeconds) });

    public void EditCamera(int key, string? camera) => ApplyShot(key, s => s with { Camera = Blank(camera) });

    public void EditTransition(int key, string? transition) => ApplyShot(key, s => s with { Transition = Blank(transition) });

    public void AddAfter(int key)
    {
        if (Board is null || !CanAdd)
        {
            return;
        }

        var index = key < 0 ? Board.Shots.Count - 1 : IndexOf(key);
        if (index < 0)
        {
            return;
        }

        Board = ShotList.AddAfter(Board, index);
        _keys.Insert(index + 1, _nextKey++);
        Announcement = $"Shot {index + 2} added.";
        Changed();
    }

    public void Duplicate(int key)
    {
        var index = IndexOf(key);
        if (Board is null || index < 0 || !CanAdd)
        {
            return;
        }

        Board = ShotList.Duplicate(Board, index);
        _keys.Insert(index + 1, _nextKey++);
        Announcement = $"Shot {index + 1} duplicated as shot {index + 2}.";
        Changed();
    }

    public void Delete(int key)
    {
        var index = IndexOf(key);
        if (Board is null || index < 0 || !CanDelete)
        {
            return;
        }

        Board = ShotList.Delete(Board, index);
        _keys.RemoveAt(index);
        Announcement = $"Shot {index + 1} deleted; {Board.Shots.Count} shots left.";
        Changed();
    }

    /// <summary>Moves the shot with <paramref name="key"/> to position <paramref name="to"/> (0-based).</summary>
    public void Move(int key, int to)
    {
        var from = IndexOf(key);
        if (Board is null || from < 0 || to < 0 || to >= Board.Shots.Count || from == to)
        {
            return;
        }

        Board = ShotList.Move(Board, from, to);
        _keys.RemoveAt(from);
        _keys.Insert(to, key);
        Announcement = $"Shot {from + 1} moved to position {to + 1} of {Board.Shots.Count}.";
        Changed();
    }

    public void SetCharacter(string name, string description)
    {
        if (!string.IsNullOrWhiteSpace(name) && !string.IsNullOrWhiteSpace(description))
        {
            Apply(b => b.WithCharacter(name.Trim(), description.Trim()));
        }
    }

    public void RemoveCharacter(string name) => Apply(b => b with
    {
        Continuity = b.Continuity with { Characters = [.. b.Continuity.Characters.Where(c => c.Name != name)] },
    });

    public void SetSetting(string? setting) => Apply(b => b.WithSetting(setting?.Trim() ?? string.Empty));

    public void SetLook(string? look) => Apply(b => b.WithLook(look?.Trim() ?? string.Empty));

    public bool ChooseTarget(string? id)
    {
        if (!selection.Select(id))
        {
            return false;
        }

        Apply(b => b with { Target = selection.Target.Id });
        return true;
    }

    /// <summary>Writes one catalog card into one shot, with the engine the rest of the studio uses.</summary>
    public Task EnhanceShotAsync(int key, Enhancement card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        var input = new EnhancementInput { Title = card.Title, Description = card.Description, Category = card.Category };
        return RunOnShotAsync(key, "enhance", EnhancePath, (prompt, ct) => studio.EnhanceAsync(prompt, [input], ct, target: Target), cancellationToken);
    }

    public Task StructureShotAsync(int key, CancellationToken cancellationToken) =>
        RunOnShotAsync(key, "structure", StructurePath, (prompt, ct) => studio.StructureAsync(prompt, ct, target: Target), cancellationToken);

    public bool IsBusy(int key, string what) => Busy == $"{what}:{key}";

    /// <summary>The storyboard's lint for the chosen target, worked out again after each change.</summary>
    public StoryboardLintReport? Lint
    {
        get
        {
            if (Board is null)
            {
                return null;
            }

            if (_lintVersion != Version)
            {
                _lint = linter.Lint(Board, Target);
                _lintVersion = Version;
            }

            return _lint;
        }
    }

    /// <summary>The requests and shot list for the chosen target, with its chosen parameters; the errors when it cannot be made.</summary>
    public StoryboardExportResult? Export() =>
        Board is null ? null : exporter.Export(Board, Target.Id, selection.Parameters.ToDictionary(p => p.Key, string? (p) => p.Value));

    /// <summary>Drafts a storyboard of <paramref name="shots"/> shots from <paramref name="idea"/> for the chosen target, replacing the one on the page.</summary>
    public Task DraftAsync(string? idea, int shots, CancellationToken cancellationToken) => RunAsync(
        "draft",
        shot: null,
        DraftPath,
        ct => drafting.DraftAsync(idea, Target.Id, shots, null, ct),
        drafted =>
        {
            Load(drafted.Storyboard);
            (LastOperation, LastEngine) = (StoryboardOperations.Draft, drafted.Engine);
            return drafted.Warnings is { Count: > 0 } warnings ? StudioNotice.Changed(warnings) : null;
        },
        cancellationToken);

    public void DismissNotice() => Notice = null;

    private Task RunOnShotAsync(
        int key, string what, string path, Func<string, CancellationToken, Task<StudioResult<EngineText>>> call, CancellationToken cancellationToken)
    {
        var index = IndexOf(key);
        if (Board is null || index < 0)
        {
            return Task.CompletedTask;
        }

        var prompt = Board.Shots[index].Prompt;
        return RunAsync(
            $"{what}:{key}",
            key,
            path,
            ct => call(prompt, ct),
            text =>
            {
                ApplyShot(key, s => s with { Prompt = text.Text });
                (LastOperation, LastEngine) = (what, text.Engine);
                return text.FallbackReason is { } reason ? StudioNotice.Fallback(reason)
                    : text.Warnings is { Count: > 0 } warnings ? StudioNotice.Changed(warnings)
                    : null;
            },
            cancellationToken);
    }

    /// <summary>
    /// Runs an AI action against the client's AI budget; <paramref name="accept"/> applies its result and says what to tell
    /// the person. Whatever goes wrong becomes the notice, shown on <paramref name="shot"/> (null: on the page).
    /// </summary>
    private async Task RunAsync<T>(
        string busy,
        int? shot,
        string path,
        Func<CancellationToken, Task<StudioResult<T>>> call,
        Func<T, StudioNotice?> accept,
        CancellationToken cancellationToken)
    {
        if (Busy is not null)
        {
            return;
        }

        Busy = busy;
        NoticeShot = shot;
        Notice = null;
        try
        {
            var decision = await limiter.HitAiAsync(path, client.Address, cancellationToken);
            if (!decision.Allowed)
            {
                Notice = StudioNotice.RateLimited(decision.Reset);
                return;
            }

            var result = await call(cancellationToken);
            Notice = result.Value is { } value ? accept(value) : StudioNotice.Invalid(result.Error!);
        }
        catch (UpstreamException failure)
        {
            Notice = StudioNotice.Upstream(failure);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Notice = StudioNotice.Stopped;
        }
        finally
        {
            Busy = null;
            Updated?.Invoke();
        }
    }

    private void ApplyShot(int key, Func<StoryboardShot, StoryboardShot> change)
    {
        var index = IndexOf(key);
        if (index >= 0)
        {
            Apply(b => ShotList.Edit(b, index, change));
        }
    }

    private void Apply(Func<Storyboard, Storyboard> change)
    {
        if (Board is null)
        {
            return;
        }

        Board = change(Board);
        (LastOperation, LastEngine) = (VersionOperations.Manual, null);
        Changed();
    }

    private void Changed()
    {
        Version++;
        Updated?.Invoke();
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
