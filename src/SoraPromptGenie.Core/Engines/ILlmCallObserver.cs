namespace SoraPromptGenie.Core.Engines;

/// <summary>Outcome of one engine call, as the log, the metrics and the usage ledger record it.</summary>
public sealed record LlmCallRecord(
    PromptOperation Operation,
    string Model,
    string Engine,
    CallOutcome Outcome,
    int? StatusCode,
    long LatencyMs,
    long? InputTokens,
    long? OutputTokens,
    decimal? Cost,
    bool Cached)
{
    public EngineKind Kind => EngineLabels.KindOf(Engine);

    /// <summary>A call the offline engine answered: no model, no tokens, no cost.</summary>
    public static LlmCallRecord Offline(PromptOperation operation, CallOutcome outcome, long latencyMs) =>
        new(operation, EngineLabels.Offline, EngineLabels.Offline, outcome, null, latencyMs, null, null, null, false);
}

/// <summary>Receives a record of every engine call. Must not block: it runs on the request path.</summary>
public interface ILlmCallObserver
{
    void OnCall(LlmCallRecord record);
}
