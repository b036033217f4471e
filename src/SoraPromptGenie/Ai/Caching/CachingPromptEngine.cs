using System.Diagnostics;
using System.Runtime.CompilerServices;
using SoraPromptGenie.Core.Engines;

namespace SoraPromptGenie.Ai.Caching;

/// <summary>
/// Answers repeated requests from <see cref="LlmResponseCache"/> without calling the model, marked
/// <see cref="EngineResult.Cached"/> and recorded in the usage ledger as a cached call. Only answers the LLM itself
/// gave are stored: an offline fallback is never cached, so the next identical request tries the LLM again.
/// An operation marked <see cref="EngineOperation.Fresh"/> skips the read but still stores the new answer. Composed
/// operations (<see cref="IComposedOperation"/>, storyboard drafts) pass through uncached.
/// </summary>
public sealed class CachingPromptEngine(IPromptEngine inner, LlmResponseCache cache, LlmCacheKeys keys, ILlmCallObserver observer) : IPromptEngine
{
    public async Task<TResult> RunAsync<TResult>(EngineOperation<TResult> operation, CancellationToken cancellationToken)
        where TResult : EngineResult
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (operation is IComposedOperation)
        {
            // A composed operation's answer (a storyboard) is not a text or cards, the two shapes the cache stores.
            return await inner.RunAsync(operation, cancellationToken);
        }

        var key = keys.For(operation);
        if (await ReadAsync(operation, key, cancellationToken) is TResult stored)
        {
            return stored;
        }

        var result = await inner.RunAsync(operation, cancellationToken);
        await StoreAsync(key, result, cancellationToken);
        return result;
    }

    public async IAsyncEnumerable<EngineStreamChunk> StreamAsync(TextOperation operation, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var key = keys.For(operation);
        if (await ReadAsync(operation, key, cancellationToken) is EngineText stored)
        {
            yield return new EngineStreamChunk(stored.Text);
            yield return new EngineStreamChunk(string.Empty, stored);
            yield break;
        }

        await foreach (var chunk in inner.StreamAsync(operation, cancellationToken))
        {
            if (chunk.Final is { } final)
            {
                await StoreAsync(key, final, cancellationToken);
            }

            yield return chunk;
        }
    }

    /// <summary>The stored answer to <paramref name="operation"/>, recorded as a cached call; null on a miss or when a fresh answer is asked for.</summary>
    private async Task<EngineResult?> ReadAsync(EngineOperation operation, string key, CancellationToken cancellationToken)
    {
        if (operation.Fresh)
        {
            return null;
        }

        var started = Stopwatch.GetTimestamp();
        if (await cache.GetAsync(key, cancellationToken) is not { } hit || hit.AnswerTo(operation) is not { } answer)
        {
            return null;
        }

        observer.OnCall(new LlmCallRecord(
            operation.Operation,
            hit.Model,
            hit.Engine,
            CallOutcome.Ok,
            StatusCode: null,
            (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds,
            InputTokens: null,
            OutputTokens: null,
            Cost: null,
            Cached: true));
        return answer;
    }

    private Task StoreAsync(string key, EngineResult result, CancellationToken cancellationToken) =>
        result is { FallbackReason: null, Kind: EngineKind.Llm } && CachedAnswer.Of(result) is { } answer
            ? cache.SetAsync(key, answer, cancellationToken)
            : Task.CompletedTask;
}
