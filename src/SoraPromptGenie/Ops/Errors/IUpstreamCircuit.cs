namespace SoraPromptGenie.Ops.Errors;

/// <summary>The upstream's circuit breaker, as far as a 503's <c>Retry-After</c> needs to know it.</summary>
public interface IUpstreamCircuit
{
    /// <summary>The time until the open circuit lets a probe through; null when it is closed.</summary>
    TimeSpan? RemainingBreak();
}
