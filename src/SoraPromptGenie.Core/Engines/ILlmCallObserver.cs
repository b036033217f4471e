namespace SoraPromptGenie.Core.Engines;

/// <summary>Outcome of one engine call, as the log, the metrics and the usage ledger record it.</summary>
public sealed record LlmCallRecord(
    PromptOperation Operation,
    string Model,
    string Engine,
    string Outcome,
    int? StatusCode,
    long LatencyMs,
    long? InputTokens,
    long? OutputTokens,
    decimal? Cost,
    bool Cached);

/// <summary>Receives a record of every engine call. Must not block: it runs on the request path.</summary>
public interface ILlmCallObserver
{
    void OnCall(LlmCallRecord record);
}
