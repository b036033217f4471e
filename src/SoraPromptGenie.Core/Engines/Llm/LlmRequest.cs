using Microsoft.Extensions.AI;
using SoraPromptGenie.Core.Engines.Prompts;

namespace SoraPromptGenie.Core.Engines.Llm;

/// <summary>
/// What the LLM engine sends for an operation (the operation's system prompt and user message) and how it turns the
/// model's text into the answer. Reading the answer can fail (<see cref="UpstreamException"/>): the engine then counts it
/// as that model's failure. <see cref="Budget"/> is set for a text operation written for a target with a prompt limit.
/// </summary>
internal sealed record LlmRequest(
    PromptOperation Operation,
    IReadOnlyList<ChatMessage> Messages,
    Func<string, string, EngineUsage?, EngineResult> ReadAnswer)
{
    public TargetStyle? Budget { get; init; }

    public static LlmRequest For(EngineOperation operation) => operation switch
    {
        TextOperation.Enhance { Removing.Count: > 0 } revise => Text(
            revise, RevisePrompt.For(revise.Target), RevisePrompt.BuildUserMessage(revise.CurrentPrompt, revise.Removing, revise.Enhancements)),
        TextOperation.Enhance { Enhancements.Count: 0 } =>
            throw new ArgumentException("At least one enhancement is required.", nameof(operation)),

        // One enhancement uses the enhance prompt; several are merged in one call with the merge prompt.
        TextOperation.Enhance { Enhancements: [var single] } enhance => Text(
            enhance, EnhancePrompt.For(enhance.Target), EnhancePrompt.BuildUserMessage(enhance.CurrentPrompt, single)),
        TextOperation.Enhance merge => Text(
            merge, MergePrompt.For(merge.Target), MergePrompt.BuildUserMessage(merge.CurrentPrompt, merge.Enhancements)),
        TextOperation.Expand expand => Text(expand, ExpandPrompt.For(expand.Target), ExpandPrompt.BuildUserMessage(expand.BasicPrompt)),
        TextOperation.Structure structure => Text(
            structure, StructurePrompt.For(structure.Target), StructurePrompt.BuildUserMessage(structure.Prompt)),
        SuggestionRequest suggest => new(
            PromptOperation.Suggest,
            Conversation(suggest, SuggestPrompt.For(suggest.Target), SuggestPrompt.BuildUserMessage(suggest)),
            (text, engine, usage) => new EngineSuggestions(SuggestionParser.Parse(text, suggest.Category.Id, suggest.Count), engine, usage)),
        IComposedOperation composed => new(operation.Operation, Conversation(operation, composed.SystemPrompt, composed.UserMessage), composed.ReadAnswer),
        null => throw new ArgumentNullException(nameof(operation)),
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "Unknown prompt operation."),
    };

    /// <summary>
    /// The conversation that asks the model to shorten <paramref name="draft"/>, its own answer, to the target's limit:
    /// the original messages, the draft as the model's turn, then the request in the limit's unit.
    /// </summary>
    public IReadOnlyList<ChatMessage> ShortenMessages(string draft, int measured)
    {
        var style = Budget ?? throw new InvalidOperationException("The request has no prompt budget.");
        return [.. Messages, new ChatMessage(ChatRole.Assistant, draft), new ChatMessage(ChatRole.User, TargetGuide.ShortenRequest(style, measured))];
    }

    private static LlmRequest Text(TextOperation operation, string system, string user) => new(
        operation.Operation,
        Conversation(operation, system, user),
        (text, engine, usage) => new EngineText(LlmOutputCleaner.Clean(text), engine, usage))
    {
        Budget = operation.Target is { PromptLimit: not null } target ? new TargetStyle(target) : null,
    };

    /// <summary>
    /// The system message carries the prompt version as a property (and, for a target, the target guide's version): it is
    /// not sent to the provider, but response caches that hash the messages then never serve an answer written under
    /// older instructions.
    /// </summary>
    private static List<ChatMessage> Conversation(EngineOperation operation, string system, string user)
    {
        var properties = new AdditionalPropertiesDictionary { [PromptSpec.VersionProperty] = PromptSpec.Version };
        if (operation.Target is not null)
        {
            properties[TargetGuide.VersionProperty] = TargetGuide.Version;
        }

        return
        [
            new ChatMessage(ChatRole.System, system) { AdditionalProperties = properties },
            new ChatMessage(ChatRole.User, user),
        ];
    }
}
