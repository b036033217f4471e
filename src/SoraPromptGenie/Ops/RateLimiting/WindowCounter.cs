namespace SoraPromptGenie.Ops.RateLimiting;

/// <summary>The outcome of one hit against a rule, with what the RateLimit-* headers report.</summary>
public sealed record RateLimitDecision(bool Allowed, string Policy, int Limit, int Remaining, TimeSpan Reset);

/// <summary>
/// Fixed windows aligned to the Unix epoch, so every instance sharing a counter store agrees on where a window starts and
/// a limit of N admits exactly N per window across the fleet.
/// </summary>
public sealed class WindowCounter(IRateLimitCounterStore store, TimeProvider time)
{
    public async ValueTask<RateLimitDecision> HitAsync(string policy, string partition, RateLimitRule rule, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var windowMs = (long)rule.Window.TotalMilliseconds;
        var window = now / windowMs;
        var reset = TimeSpan.FromMilliseconds(((window + 1) * windowMs) - now);
        var count = await store.IncrementAsync($"rl:{policy}:{partition}:{window}", reset + TimeSpan.FromSeconds(5), cancellationToken);
        var remaining = (int)Math.Max(0, rule.Permits - count);
        return new RateLimitDecision(count <= rule.Permits, policy, rule.Permits, remaining, reset);
    }
}
