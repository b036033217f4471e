using Microsoft.Extensions.AI;
using SoraPromptGenie.Core.Engines.Prompts;

namespace SoraPromptGenie.Core.Engines.Llm;

/// <summary>
/// What the LLM engine sends for an operation (the operation's system prompt and user message) and how it turns the
/// model's text into the answer. Reading the answer can fail (<see cref="UpstreamException"/>): the engine then counts it
/// as that model's failure.
/// </summary>
internal sealed record LlmRequest(
    PromptOperation Operation,
    IReadOnlyList<ChatMessage> Messages,
    Func<string, string, EngineUsage?, EngineResult> ReadAnswer)
{
    public static LlmRequest For(EngineOperation operation) => operation switch
    {
        TextOperation.Enhance { Removing.Count: > 0 } revise => Text(
            revise, RevisePrompt.System, RevisePrompt.BuildUserMessage(revise.CurrentPrompt, revise.Removing, revise.Enhancements)),
        TextOperation.Enhance { Enhancements.Count: 0 } =>
            throw new ArgumentException("At least one enhancement is required.", nameof(operation)),

        // One enhancement uses the enhance prompt; several are merged in one call with the merge prompt.
        TextOperation.Enhance { Enhancements: [var single] } enhance => Text(
            enhance, EnhancePrompt.System, EnhancePrompt.BuildUserMessage(enhance.CurrentPrompt, single)),
        TextOperation.Enhance merge => Text(merge, MergePrompt.System, MergePrompt.BuildUserMessage(merge.CurrentPrompt, merge.Enhancements)),
        TextOperation.Expand expand => Text(expand, ExpandPrompt.System, ExpandPrompt.BuildUserMessage(expand.BasicPrompt)),
        TextOperation.Structure structure => Text(structure, StructurePrompt.System, StructurePrompt.BuildUserMessage(structure.Prompt)),
        SuggestionRequest suggest => new(
            PromptOperation.Suggest,
            Conversation(SuggestPrompt.System, SuggestPrompt.BuildUserMessage(suggest)),
            (text, engine, usage) => new EngineSuggestions(SuggestionParser.Parse(text, suggest.Category.Id, suggest.Count), engine, usage)),
        null => throw new ArgumentNullException(nameof(operation)),
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "Unknown prompt operation."),
    };

    private static LlmRequest Text(TextOperation operation, string system, string user) => new(
        operation.Operation,
        Conversation(system, user),
        (text, engine, usage) => new EngineText(LlmOutputCleaner.Clean(text), engine, usage));

    /// <summary>
    /// The system message carries the prompt version as a property: it is not sent to the provider, but response caches
    /// that hash the messages then never serve an answer written under older instructions.
    /// </summary>
    private static List<ChatMessage> Conversation(string system, string user) =>
    [
        new ChatMessage(ChatRole.System, system)
        {
            AdditionalProperties = new() { [PromptSpec.VersionProperty] = PromptSpec.Version },
        },
        new ChatMessage(ChatRole.User, user),
    ];
}
