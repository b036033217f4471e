using SoraPromptGenie.Core.Engines;

namespace SoraPromptGenie.Ops.Telemetry;

/// <summary>Turns every engine call record into the LLM series of <see cref="AppMetrics"/>.</summary>
public sealed class LlmCallMetrics : ILlmCallObserver
{
    public void OnCall(LlmCallRecord record) => AppMetrics.RecordLlmCall(record);
}
