using System.Diagnostics;
using System.Runtime.CompilerServices;
using SoraPromptGenie.Core.Engines;

namespace SoraPromptGenie.Usage;

/// <summary>
/// In offline mode (<c>LLM_MODE=offline</c>) no LLM engine runs to report calls, so this decorator records each
/// offline answer for the log and the usage ledger, with model and engine <c>offline</c>.
/// </summary>
public sealed class OfflineEngineRecorder(IPromptEngine offline, ILlmCallObserver observer) : IPromptEngine
{
    public Task<EngineText> EnhanceAsync(string currentPrompt, IReadOnlyList<EnhancementSpec> enhancements, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(enhancements);
        return RecordAsync(
            TextOperation.EnhanceOperation(enhancements.Count),
            () => offline.EnhanceAsync(currentPrompt, enhancements, cancellationToken));
    }

    public Task<EngineSuggestions> SuggestAsync(SuggestionRequest request, CancellationToken cancellationToken) =>
        RecordAsync(PromptOperation.Suggest, () => offline.SuggestAsync(request, cancellationToken));

    public Task<EngineText> ExpandAsync(string basicPrompt, CancellationToken cancellationToken) =>
        RecordAsync(PromptOperation.Expand, () => offline.ExpandAsync(basicPrompt, cancellationToken));

    public Task<EngineText> StructureAsync(string prompt, CancellationToken cancellationToken) =>
        RecordAsync(PromptOperation.Structure, () => offline.StructureAsync(prompt, cancellationToken));

    public async IAsyncEnumerable<EngineStreamChunk> StreamAsync(TextOperation operation, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await foreach (var chunk in offline.StreamAsync(operation, cancellationToken))
        {
            yield return chunk;
        }

        Record(operation.Operation, started);
    }

    private async Task<T> RecordAsync<T>(PromptOperation operation, Func<Task<T>> call)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await call();
        Record(operation, started);
        return result;
    }

    private void Record(PromptOperation operation, long started) =>
        observer.OnCall(LlmCallRecord.Offline(operation, "ok", (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds));
}
