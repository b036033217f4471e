using System.Diagnostics;
using System.Runtime.CompilerServices;
using SoraPromptGenie.Core.Engines;

namespace SoraPromptGenie.Ai.Caching;

/// <summary>
/// Answers repeated requests from <see cref="LlmResponseCache"/> without calling the model, marked
/// <see cref="EngineText.Cached"/> and recorded in the usage ledger as a cached call. Only answers the LLM itself
/// gave are stored: an offline fallback is never cached, so the next identical request tries the LLM again.
/// <see cref="LlmCacheBypass"/> skips the read (a fresh answer is asked for) but still stores the new answer.
/// </summary>
public sealed class CachingPromptEngine(IPromptEngine inner, LlmResponseCache cache, LlmCacheKeys keys, ILlmCallObserver observer) : IPromptEngine
{
    public async Task<EngineText> EnhanceAsync(string currentPrompt, IReadOnlyList<EnhancementSpec> enhancements, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(enhancements);
        var key = keys.Enhance(currentPrompt, enhancements);
        var operation = LlmCacheKeys.OperationOf(enhancements);
        return await TextAsync(key, operation, () => inner.EnhanceAsync(currentPrompt, enhancements, cancellationToken), cancellationToken);
    }

    public Task<EngineText> ExpandAsync(string basicPrompt, CancellationToken cancellationToken) =>
        TextAsync(keys.Expand(basicPrompt), PromptOperation.Expand, () => inner.ExpandAsync(basicPrompt, cancellationToken), cancellationToken);

    public Task<EngineText> StructureAsync(string prompt, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(prompt)
            ? inner.StructureAsync(prompt, cancellationToken)
            : TextAsync(keys.Structure(prompt), PromptOperation.Structure, () => inner.StructureAsync(prompt, cancellationToken), cancellationToken);

    public async Task<EngineSuggestions> SuggestAsync(SuggestionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = keys.Suggest(request);
        var started = Stopwatch.GetTimestamp();
        if (await ReadAsync(key, cancellationToken) is { Suggestions: { } suggestions } hit)
        {
            RecordHit(PromptOperation.Suggest, hit, started);
            return new EngineSuggestions(suggestions, hit.Engine, Cached: true);
        }

        var result = await inner.SuggestAsync(request, cancellationToken);
        if (IsLlmAnswer(result.Engine, result.FallbackReason) && result.Suggestions.Count > 0)
        {
            await cache.SetAsync(key, new CachedAnswer(result.Engine, ModelOf(result.Engine), Suggestions: result.Suggestions), cancellationToken);
        }

        return result;
    }

    public async IAsyncEnumerable<EngineStreamChunk> StreamAsync(TextOperation operation, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var key = keys.For(operation);
        var started = Stopwatch.GetTimestamp();
        if (await ReadAsync(key, cancellationToken) is { Text: { } text } hit)
        {
            RecordHit(OperationOf(operation), hit, started);
            yield return new EngineStreamChunk(text);
            yield return new EngineStreamChunk(string.Empty, new EngineText(text, hit.Engine, Cached: true));
            yield break;
        }

        await foreach (var chunk in inner.StreamAsync(operation, cancellationToken))
        {
            if (chunk.Final is { } final && IsLlmAnswer(final.Engine, final.FallbackReason) && final.Text.Length > 0)
            {
                await cache.SetAsync(key, new CachedAnswer(final.Engine, ModelOf(final.Engine), Text: final.Text), cancellationToken);
            }

            yield return chunk;
        }
    }

    private async Task<EngineText> TextAsync(string key, PromptOperation operation, Func<Task<EngineText>> call, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        if (await ReadAsync(key, cancellationToken) is { Text: { } text } hit)
        {
            RecordHit(operation, hit, started);
            return new EngineText(text, hit.Engine, Cached: true);
        }

        var result = await call();
        if (IsLlmAnswer(result.Engine, result.FallbackReason) && result.Text.Length > 0)
        {
            await cache.SetAsync(key, new CachedAnswer(result.Engine, ModelOf(result.Engine), Text: result.Text), cancellationToken);
        }

        return result;
    }

    private Task<CachedAnswer?> ReadAsync(string key, CancellationToken cancellationToken) =>
        LlmCacheBypass.IsRequested ? Task.FromResult<CachedAnswer?>(null) : cache.GetAsync(key, cancellationToken);

    private void RecordHit(PromptOperation operation, CachedAnswer hit, long started) =>
        observer.OnCall(new LlmCallRecord(
            operation,
            hit.Model,
            hit.Engine,
            Outcome: "ok",
            StatusCode: null,
            (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds,
            InputTokens: null,
            OutputTokens: null,
            Cost: null,
            Cached: true));

    private static bool IsLlmAnswer(string engine, string? fallbackReason) =>
        fallbackReason is null && !string.Equals(engine, "offline", StringComparison.Ordinal);

    /// <summary>The model from a wire label such as <c>openrouter:google/gemini-2.5-flash-lite</c>.</summary>
    private static string ModelOf(string engine) => engine.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0 ? engine[(colon + 1)..] : engine;

    private static PromptOperation OperationOf(TextOperation operation) => operation switch
    {
        TextOperation.Enhance enhance => LlmCacheKeys.OperationOf(enhance.Enhancements),
        TextOperation.Expand => PromptOperation.Expand,
        _ => PromptOperation.Structure,
    };
}
