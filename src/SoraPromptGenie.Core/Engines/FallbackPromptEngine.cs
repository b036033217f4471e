using System.Runtime.CompilerServices;

namespace SoraPromptGenie.Core.Engines;

/// <summary>
/// Answers from the offline engine when the LLM fails (design section 3, <c>LLM_FALLBACK_TO_OFFLINE</c>): the result keeps
/// the offline engine's label and carries the failure's error code as <see cref="EngineResult.FallbackReason"/>, so users
/// see that the LLM did not answer; with an observer, the usage ledger records the offline answer as a
/// <see cref="CallOutcome.Fallback"/>. The caller's own cancellation is never covered up.
/// </summary>
public sealed class FallbackPromptEngine(
    IPromptEngine primary,
    IPromptEngine offline,
    bool fallbackToOffline,
    ILlmCallObserver? observer = null) : IPromptEngine
{
    private readonly IPromptEngine _offline = observer is null ? offline : new OfflineAnswerRecorder(offline, observer, CallOutcome.Fallback);

    public async Task<TResult> RunAsync<TResult>(EngineOperation<TResult> operation, CancellationToken cancellationToken)
        where TResult : EngineResult
    {
        try
        {
            return await primary.RunAsync(operation, cancellationToken);
        }
        catch (UpstreamException failure) when (fallbackToOffline)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var answer = await _offline.RunAsync(operation, cancellationToken);
            return (TResult)(answer with { FallbackReason = failure.Code });
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
        var primaryStream = new FailureBeforeFirstDelta(primary.StreamAsync(operation, cancellationToken), fallbackToOffline);
        await foreach (var chunk in primaryStream.WithCancellation(cancellationToken))
        {
            yield return chunk;
        }

        if (primaryStream.Failure is not { } failure)
        {
            yield break;
        }

        cancellationToken.ThrowIfCancellationRequested();
        await foreach (var chunk in _offline.StreamAsync(operation, cancellationToken))
        {
            yield return chunk.Final is { } final ? chunk with { Final = final with { FallbackReason = failure.Code } } : chunk;
        }
    }

    /// <summary>
    /// Passes a stream through, but ends it quietly when it fails with an <see cref="UpstreamException"/> before any delta
    /// (and the fallback is on), keeping the failure in <see cref="Failure"/>.
    /// </summary>
    private sealed class FailureBeforeFirstDelta(IAsyncEnumerable<EngineStreamChunk> chunks, bool catching) : IAsyncEnumerable<EngineStreamChunk>
    {
        public UpstreamException? Failure { get; private set; }

        public async IAsyncEnumerator<EngineStreamChunk> GetAsyncEnumerator(CancellationToken cancellationToken = default)
        {
            var deltaSent = false;
            await using var source = chunks.GetAsyncEnumerator(cancellationToken);
            while (await MoveNextAsync(source, catching && !deltaSent))
            {
                deltaSent |= source.Current.Delta.Length > 0;
                yield return source.Current;
            }
        }

        private async ValueTask<bool> MoveNextAsync(IAsyncEnumerator<EngineStreamChunk> source, bool catchFailure)
        {
            try
            {
                return await source.MoveNextAsync();
            }
            catch (UpstreamException failure) when (catchFailure)
            {
                Failure = failure;
                return false;
            }
        }
    }
}
