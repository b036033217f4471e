using SoraPromptGenie.Ops.Errors;

namespace SoraPromptGenie.Ai;

/// <summary>
/// Whether the LLM circuit breaker is open and until when, kept from the breaker's own events, so a 503 can tell the
/// client when the next call will be let through instead of being refused at once.
/// </summary>
public sealed class LlmCircuitState(TimeProvider timeProvider) : IUpstreamCircuit
{
    private long _openUntilTicks;

    public void Opened(TimeSpan breakDuration) =>
        Interlocked.Exchange(ref _openUntilTicks, (timeProvider.GetUtcNow() + breakDuration).UtcTicks);

    public void Closed() => Interlocked.Exchange(ref _openUntilTicks, 0);

    /// <summary>The time until the open circuit lets a probe through; null when it is closed.</summary>
    public TimeSpan? RemainingBreak()
    {
        var openUntil = Interlocked.Read(ref _openUntilTicks);
        var left = openUntil - timeProvider.GetUtcNow().UtcTicks;
        return openUntil > 0 && left > 0 ? TimeSpan.FromTicks(left) : null;
    }
}
