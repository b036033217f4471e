using SoraPromptGenie.Core.Engines;
using SoraPromptGenie.Core.Storyboards;
using SoraPromptGenie.Core.Targets;
using SoraPromptGenie.Prompting;

namespace SoraPromptGenie.Storyboards;

/// <summary>
/// Drafts a storyboard from an idea through the engine pipeline (the LLM, or the offline engine, and the fallback
/// between them): the idea follows auto-generate's rules (three words or more, the configured idea length, no control
/// characters), the target is a known profile, and the shot count and total length are planned with the target's shot
/// lengths (<see cref="ShotLengths"/>) before any model is asked.
/// </summary>
public sealed class StoryboardDrafting(IPromptEngine engine, PromptInput input, TargetCatalog targets)
{
    public const string TooFewWordsMessage = "idea must contain at least 3 words.";

    public async Task<StudioResult<EngineStoryboard>> DraftAsync(
        string? idea, string? targetId, int? shots, int? totalSeconds, CancellationToken cancellationToken)
    {
        if (PromptStudio.CountWords(idea) < PromptLimits.MinBasicPromptWords)
        {
            return StudioResult.Invalid<EngineStoryboard>(TooFewWordsMessage);
        }

        var checkedIdea = input.Idea("idea", idea!.Trim());
        if (checkedIdea.Value is not { } text)
        {
            return StudioResult.Invalid<EngineStoryboard>(checkedIdea.Error!);
        }

        var (target, unknownTarget) = targets.Named(targetId);
        if (unknownTarget is not null)
        {
            return StudioResult.Invalid<EngineStoryboard>(unknownTarget);
        }

        if (shots is < StoryboardLimits.MinShots or > StoryboardLimits.MaxShots)
        {
            return StudioResult.Invalid<EngineStoryboard>("shots must be an integer from 2 to 12.");
        }

        var plan = ShotLengths.For(target).Plan(shots, totalSeconds);
        if (plan.Error is { } planError)
        {
            return StudioResult.Invalid<EngineStoryboard>(planError);
        }

        var drafted = await engine.RunAsync(new StoryboardDraft(text, plan) { Target = target }, cancellationToken);
        IReadOnlyList<string> warnings =
        [
            .. plan.Warnings,
            .. drafted.FallbackReason is { } reason
                ? [$"The language model did not give a usable storyboard ({reason}); the offline engine wrote this one."]
                : Array.Empty<string>(),
            .. drafted.Warnings ?? [],
        ];
        return drafted with { Warnings = warnings };
    }
}
