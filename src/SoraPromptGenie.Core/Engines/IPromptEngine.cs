using SoraPromptGenie.Core.Targets;

namespace SoraPromptGenie.Core.Engines;

/// <summary>
/// Runs the prompt operations. Implementations: the LLM engine over <c>IChatClient</c> and the deterministic offline
/// engine; decorators add the fallback from one to the other, the response cache and the offline engine's usage records,
/// each once over these two methods. Upstream failures surface as <see cref="UpstreamException"/>.
/// </summary>
public interface IPromptEngine
{
    /// <summary>Answers <paramref name="operation"/> in one piece.</summary>
    Task<TResult> RunAsync<TResult>(EngineOperation<TResult> operation, CancellationToken cancellationToken)
        where TResult : EngineResult;

    /// <summary>Streams a text operation (enhance, expand or structure): deltas, then one chunk with the final result.</summary>
    IAsyncEnumerable<EngineStreamChunk> StreamAsync(TextOperation operation, CancellationToken cancellationToken);
}

/// <summary>
/// One prompt operation with its input: <see cref="TextOperation.Enhance"/> (one card, several merged, or cards taken
/// out), <see cref="TextOperation.Expand"/>, <see cref="TextOperation.Structure"/> and <see cref="SuggestionRequest"/>.
/// </summary>
public abstract record EngineOperation
{
    /// <summary>The operation as the log, metrics and ledger name it: merging several enhancements is its own operation.</summary>
    public abstract PromptOperation Operation { get; }

    /// <summary>Asks for a new answer instead of a stored one; the new answer is still stored.</summary>
    public bool Fresh { get; init; }

    /// <summary>
    /// The video model the prompt is written for. Null writes for the Sora 2 guide the product started from, as the
    /// original API does.
    /// </summary>
    public TargetProfile? Target { get; init; }
}

/// <summary>An operation whose answer is a <typeparamref name="TResult"/>.</summary>
public abstract record EngineOperation<TResult> : EngineOperation
    where TResult : EngineResult;

/// <summary>An operation that writes prompt text; these can also be streamed.</summary>
public abstract record TextOperation : EngineOperation<EngineText>
{
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

        public override PromptOperation Operation => EnhanceOperation(Enhancements.Count);
    }

    /// <summary>Expands a basic idea (three words or more) into a full cinematic prompt.</summary>
    public sealed record Expand(string BasicPrompt) : TextOperation
    {
        public override PromptOperation Operation => PromptOperation.Expand;
    }

    /// <summary>Restructures a prompt into the Sora 2 template. Empty in, empty out (no upstream call).</summary>
    public sealed record Structure(string Prompt) : TextOperation
    {
        public override PromptOperation Operation => PromptOperation.Structure;

        public bool IsEmpty => string.IsNullOrWhiteSpace(Prompt);
    }
}
