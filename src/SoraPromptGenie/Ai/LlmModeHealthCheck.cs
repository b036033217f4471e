using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace SoraPromptGenie.Ai;

/// <summary>Readiness line naming the engine in use: the offline engine, or the provider and primary model.</summary>
internal sealed class LlmModeHealthCheck(IOptions<LlmOptions> options) : IHealthCheck
{
    public const string Name = "llm";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var mode = options.Value.EffectiveMode == LlmMode.Offline ? "offline engine" : $"{options.Value.EnginePrefix} ({options.Value.Model})";
        return Task.FromResult(HealthCheckResult.Healthy($"LLM mode: {mode}"));
    }
}
