using SoraPromptGenie.Core.Engines;
using SoraPromptGenie.Ops.Telemetry;

namespace SoraPromptGenie.Ai;

/// <summary>One log line per LLM call: operation, model, outcome, latency and tokens. Never prompt text, never a key.</summary>
public sealed partial class LlmCallLog(ILogger<LlmCallLog> logger)
{
    public void Write(LlmCallRecord call)
    {
        if (call.Outcome == "ok")
        {
            LlmCallSucceeded(logger, call.Operation, call.Model, call.Engine, call.LatencyMs, call.InputTokens, call.OutputTokens, call.Cached);
        }
        else
        {
            LlmCallFailed(logger, call.Operation, call.Model, call.Engine, call.Outcome, call.StatusCode, call.LatencyMs);
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "LLM call {Operation} model={Model} engine={Engine} outcome=ok in {LatencyMs}ms tokens={InputTokens}/{OutputTokens} cached={Cached}")]
    private static partial void LlmCallSucceeded(
        ILogger logger, PromptOperation operation, string model, string engine, long latencyMs, long? inputTokens, long? outputTokens, bool cached);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "LLM call {Operation} model={Model} engine={Engine} outcome={Outcome} status={UpstreamStatus} in {LatencyMs}ms")]
    private static partial void LlmCallFailed(
        ILogger logger, PromptOperation operation, string model, string engine, string outcome, int? upstreamStatus, long latencyMs);
}

/// <summary>Fans each call record out to the log and the metrics (and, as it is added, the usage ledger).</summary>
public sealed class LlmCallObservers(LlmCallLog log, LlmCallMetrics metrics) : ILlmCallObserver
{
    public void OnCall(LlmCallRecord record)
    {
        log.Write(record);
        metrics.OnCall(record);
    }
}
