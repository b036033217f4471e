namespace SoraPromptGenie.Core.Engines;

/// <summary>
/// The prompt operations. Implementations: the LLM engine over <c>IChatClient</c>, the deterministic offline
/// engine, and the fallback engine that answers from the offline one when the LLM fails.
/// Upstream failures surface as <see cref="UpstreamException"/>.
/// </summary>
public interface IPromptEngine
{
    /// <summary>Merges one or more enhancements (at most one per category) into <paramref name="currentPrompt"/>.</summary>
    Task<EngineText> EnhanceAsync(string currentPrompt, IReadOnlyList<EnhancementSpec> enhancements, CancellationToken cancellationToken);

    Task<EngineSuggestions> SuggestAsync(SuggestionRequest request, CancellationToken cancellationToken);

    /// <summary>Expands a basic idea (three words or more) into a full cinematic prompt.</summary>
    Task<EngineText> ExpandAsync(string basicPrompt, CancellationToken cancellationToken);

    /// <summary>Restructures a prompt into the Sora 2 template. Empty in, empty out (no upstream call).</summary>
    Task<EngineText> StructureAsync(string prompt, CancellationToken cancellationToken);

    /// <summary>Streams a text operation (enhance, expand or structure): deltas, then one chunk with the final result.</summary>
    IAsyncEnumerable<EngineStreamChunk> StreamAsync(TextOperation operation, CancellationToken cancellationToken);
}

/// <summary>A text-producing operation with its input, for streaming.</summary>
public abstract record TextOperation
{
    /// <summary>The operation as the log, metrics and ledger name it: merging several enhancements is its own operation.</summary>
    public PromptOperation Operation => this switch
    {
        Enhance enhance => EnhanceOperation(enhance.Enhancements.Count),
        Expand => PromptOperation.Expand,
        _ => PromptOperation.Structure,
    };

    public static PromptOperation EnhanceOperation(int enhancementCount) =>
        enhancementCount > 1 ? PromptOperation.Merge : PromptOperation.Enhance;

    /// <summary>
    /// Merges <see cref="Enhancements"/> into <see cref="CurrentPrompt"/>. <see cref="Removing"/> lists cards whose
    /// contribution is already in the prompt and has to come out: a card of the same category in
    /// <see cref="Enhancements"/> takes its place, and without one the card is removed. With nothing to remove,
    /// <see cref="Enhancements"/> holds at least one card; everything else in the prompt stays as it is.
    /// </summary>
    public sealed record Enhance(string CurrentPrompt, IReadOnlyList<EnhancementSpec> Enhancements) : TextOperation
    {
        public IReadOnlyList<EnhancementSpec> Removing { get; init; } = [];
    }

    public sealed record Expand(string BasicPrompt) : TextOperation;

    public sealed record Structure(string Prompt) : TextOperation;
}
