using SoraPromptGenie.Core.Engines;
using SoraPromptGenie.Ops.Telemetry;
using SoraPromptGenie.Usage;

namespace SoraPromptGenie.Ai;

/// <summary>One log line per LLM call: operation, model, outcome, latency and tokens. Never prompt text, never a key.</summary>
public sealed partial class LlmCallLog(ILogger<LlmCallLog> logger)
{
    // The operation goes in as text: Serilog renders an enum value in quotes, which breaks the key=value line.
    public void Write(LlmCallRecord call)
    {
        var ok = call.Outcome == CallOutcome.Ok;
        if (!logger.IsEnabled(ok ? LogLevel.Information : LogLevel.Warning))
        {
            return;
        }

        var operation = call.Operation.ToString();
        if (ok)
        {
            LlmCallSucceeded(logger, operation, call.Model, call.Engine, call.LatencyMs, call.InputTokens, call.OutputTokens, call.Cached);
        }
        else
        {
            LlmCallFailed(logger, operation, call.Model, call.Engine, call.Outcome.Name(), call.StatusCode, call.LatencyMs);
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "LLM call {Operation:l} model={Model:l} engine={Engine:l} outcome=ok in {LatencyMs}ms tokens={InputTokens}/{OutputTokens} cached={Cached}")]
    private static partial void LlmCallSucceeded(
        ILogger logger, string operation, string model, string engine, long latencyMs, long? inputTokens, long? outputTokens, bool cached);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "LLM call {Operation:l} model={Model:l} engine={Engine:l} outcome={Outcome:l} status={UpstreamStatus} in {LatencyMs}ms")]
    private static partial void LlmCallFailed(
        ILogger logger, string operation, string model, string engine, string outcome, int? upstreamStatus, long latencyMs);
}

/// <summary>Fans each call record out to the log, the metrics and the usage ledger.</summary>
public sealed class LlmCallObservers(LlmCallLog log, LlmCallMetrics metrics, UsageLedger ledger) : ILlmCallObserver
{
    public void OnCall(LlmCallRecord record)
    {
        log.Write(record);
        metrics.OnCall(record);
        ledger.OnCall(record);
    }
}
