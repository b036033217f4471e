using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace SoraPromptGenie.Core.Engines;

/// <summary>
/// Answers from the offline engine when the LLM fails (design section 3, <c>LLM_FALLBACK_TO_OFFLINE</c>): the result keeps
/// the offline engine's label and carries the failure's error code as <see cref="EngineText.FallbackReason"/>, so users
/// and the usage ledger see that the LLM did not answer. The caller's own cancellation is never covered up.
/// </summary>
public sealed class FallbackPromptEngine(
    IPromptEngine primary,
    IPromptEngine offline,
    bool fallbackToOffline,
    ILlmCallObserver? observer = null) : IPromptEngine
{
    /// <summary>The outcome recorded for an answer the offline engine gave in the LLM's place.</summary>
    public const string FallbackOutcome = "fallback";

    public async Task<EngineText> EnhanceAsync(
        string currentPrompt,
        IReadOnlyList<EnhancementSpec> enhancements,
        CancellationToken cancellationToken)
    {
        try
        {
            return await primary.EnhanceAsync(currentPrompt, enhancements, cancellationToken);
        }
        catch (UpstreamException ex) when (fallbackToOffline)
        {
            var operation = TextOperation.EnhanceOperation(enhancements.Count);
            var result = await FallBackAsync(
                operation,
                () => offline.EnhanceAsync(currentPrompt, enhancements, cancellationToken),
                cancellationToken);
            return result with { FallbackReason = ex.Code };
        }
    }

    public async Task<EngineSuggestions> SuggestAsync(SuggestionRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await primary.SuggestAsync(request, cancellationToken);
        }
        catch (UpstreamException ex) when (fallbackToOffline)
        {
            var result = await FallBackAsync(
                PromptOperation.Suggest,
                () => offline.SuggestAsync(request, cancellationToken),
                cancellationToken);
            return result with { FallbackReason = ex.Code };
        }
    }

    public async Task<EngineText> ExpandAsync(string basicPrompt, CancellationToken cancellationToken)
    {
        try
        {
            return await primary.ExpandAsync(basicPrompt, cancellationToken);
        }
        catch (UpstreamException ex) when (fallbackToOffline)
        {
            var result = await FallBackAsync(
                PromptOperation.Expand,
                () => offline.ExpandAsync(basicPrompt, cancellationToken),
                cancellationToken);
            return result with { FallbackReason = ex.Code };
        }
    }

    public async Task<EngineText> StructureAsync(string prompt, CancellationToken cancellationToken)
    {
        try
        {
            return await primary.StructureAsync(prompt, cancellationToken);
        }
        catch (UpstreamException ex) when (fallbackToOffline)
        {
            var result = await FallBackAsync(
                PromptOperation.Structure,
                () => offline.StructureAsync(prompt, cancellationToken),
                cancellationToken);
            return result with { FallbackReason = ex.Code };
        }
    }

    /// <summary>
    /// Streams the primary engine. If it fails before its first delta, the offline answer is streamed instead; after a
    /// delta the client already shows LLM text, so mixing in another engine's answer would corrupt it and the error is rethrown.
    /// </summary>
    public async IAsyncEnumerable<EngineStreamChunk> StreamAsync(
        TextOperation operation,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        UpstreamException? failure = null;
        var deltaSent = false;
        await using (var chunks = primary.StreamAsync(operation, cancellationToken).GetAsyncEnumerator(cancellationToken))
        {
            while (true)
            {
                try
                {
                    if (!await chunks.MoveNextAsync())
                    {
                        break;
                    }
                }
                catch (UpstreamException ex) when (fallbackToOffline && !deltaSent)
                {
                    failure = ex;
                    break;
                }

                deltaSent |= chunks.Current.Delta.Length > 0;
                yield return chunks.Current;
            }
        }

        if (failure is null)
        {
            yield break;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var started = Stopwatch.GetTimestamp();
        await foreach (var chunk in offline.StreamAsync(operation, cancellationToken))
        {
            if (chunk.Final is { } final)
            {
                Record(operation.Operation, started);
                yield return chunk with { Final = final with { FallbackReason = failure.Code } };
            }
            else
            {
                yield return chunk;
            }
        }
    }

    private async Task<T> FallBackAsync<T>(PromptOperation operation, Func<Task<T>> answer, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var started = Stopwatch.GetTimestamp();
        var result = await answer();
        Record(operation, started);
        return result;
    }

    private void Record(PromptOperation operation, long started) =>
        observer?.OnCall(LlmCallRecord.Offline(operation, FallbackOutcome, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds));
}
