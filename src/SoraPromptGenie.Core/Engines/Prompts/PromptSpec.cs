using SoraPromptGenie.Core.Targets;

namespace SoraPromptGenie.Core.Engines.Prompts;

/// <summary>
/// Identifies the wording of every system prompt. Bump <see cref="Version"/> whenever any prompt text or user-message
/// layout changes: response caches key on it, so stale answers written under old instructions are never served.
/// </summary>
public static class PromptSpec
{
    public const string Version = "2026-11.1";

    /// <summary>Name of the system message property that carries <see cref="Version"/>.</summary>
    public const string VersionProperty = "prompt_version";

    /// <summary>The system prompt of an operation.</summary>
    public static string SystemPromptFor(PromptOperation operation) => operation switch
    {
        PromptOperation.Enhance => EnhancePrompt.System,
        PromptOperation.Merge => MergePrompt.System,
        PromptOperation.Suggest => SuggestPrompt.System,
        PromptOperation.Expand => ExpandPrompt.System,
        PromptOperation.Structure => StructurePrompt.System,
        PromptOperation.Storyboard => StoryboardPrompt.System,
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "Unknown prompt operation."),
    };

    /// <summary>The system prompt of an operation written for <paramref name="target"/> (see <see cref="TargetGuide"/>); without one, the same as <see cref="SystemPromptFor(PromptOperation)"/>.</summary>
    public static string SystemPromptFor(PromptOperation operation, TargetProfile? target) => operation switch
    {
        PromptOperation.Enhance => EnhancePrompt.For(target),
        PromptOperation.Merge => MergePrompt.For(target),
        PromptOperation.Suggest => SuggestPrompt.For(target),
        PromptOperation.Expand => ExpandPrompt.For(target),
        PromptOperation.Structure => StructurePrompt.For(target),
        PromptOperation.Storyboard => StoryboardPrompt.For(target),
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "Unknown prompt operation."),
    };
}
