using SoraPromptGenie.Core.Catalog;
using SoraPromptGenie.Core.Engines;
using SoraPromptGenie.Core.Engines.Prompts;

namespace SoraPromptGenie.Core.Storyboards;

/// <summary>
/// Drafts a storyboard from <see cref="Idea"/>: <see cref="Plan"/>'s shots of its lengths, with continuity, written for
/// <see cref="EngineOperation.Target"/> when set. The offline engine writes it with <see cref="OfflineStoryboardDrafter"/>;
/// the LLM engine asks with <see cref="StoryboardPrompt"/> and reads the answer with <see cref="StoryboardAnswer"/>.
/// </summary>
public sealed record StoryboardDraft(string Idea, ShotPlan Plan) : EngineOperation<EngineStoryboard>, IComposedOperation
{
    public override PromptOperation Operation => PromptOperation.Storyboard;

    public string SystemPrompt => StoryboardPrompt.For(Target);

    public string UserMessage => StoryboardPrompt.BuildUserMessage(Idea, Plan.Seconds);

    public EngineResult WriteOffline(PromptCatalog catalog) =>
        OfflineStoryboardDrafter.For(catalog).Draft(Idea, Plan.Seconds, Target);

    public EngineResult ReadAnswer(string modelText, string engine, EngineUsage? usage)
    {
        var (storyboard, warnings) = StoryboardAnswer.Read(modelText, this);
        return new EngineStoryboard(storyboard, engine, usage, Warnings: warnings.Count > 0 ? warnings : null);
    }
}

/// <summary>A drafted storyboard and which engine wrote it. <see cref="Warnings"/> says what was changed to make it usable.</summary>
public sealed record EngineStoryboard(
    Storyboard Storyboard,
    string Engine,
    EngineUsage? Usage = null,
    string? FallbackReason = null,
    bool Cached = false,
    IReadOnlyList<string>? Warnings = null) : EngineResult(Engine, Usage, FallbackReason, Cached);
