using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace SoraPromptGenie.Core.Engines;

/// <summary>
/// Reports each answer of the offline engine to the observer as one call with model and engine <c>offline</c>, since no
/// model call reports it: with <see cref="CallOutcome.Ok"/> when it is the configured engine, with
/// <see cref="CallOutcome.Fallback"/> when it answers in the LLM's place. A streamed answer counts once its final chunk
/// is out, whether or not the reader asks for more.
/// </summary>
public sealed class OfflineAnswerRecorder(IPromptEngine offline, ILlmCallObserver observer, CallOutcome outcome) : IPromptEngine
{
    public async Task<TResult> RunAsync<TResult>(EngineOperation<TResult> operation, CancellationToken cancellationToken)
        where TResult : EngineResult
    {
        ArgumentNullException.ThrowIfNull(operation);
        var started = Stopwatch.GetTimestamp();
        var result = await offline.RunAsync(operation, cancellationToken);
        Record(operation, started);
        return result;
    }

    public async IAsyncEnumerable<EngineStreamChunk> StreamAsync(
        TextOperation operation,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var started = Stopwatch.GetTimestamp();
        await foreach (var chunk in offline.StreamAsync(operation, cancellationToken))
        {
            if (chunk.Final is not null)
            {
                Record(operation, started);
            }

            yield return chunk;
        }
    }

    private void Record(EngineOperation operation, long started) =>
        observer.OnCall(LlmCallRecord.Offline(operation.Operation, outcome, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds));
}
