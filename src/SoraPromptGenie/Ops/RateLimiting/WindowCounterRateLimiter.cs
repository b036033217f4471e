using System.Threading.RateLimiting;

namespace SoraPromptGenie.Ops.RateLimiting;

/// <summary>
/// Adapts <see cref="WindowCounter"/> to System.Threading.RateLimiting so ASP.NET Core's rate limiting middleware can use
/// it as a partition. Each decision is also handed to <paramref name="onDecision"/> so the response can carry the
/// RateLimit-* headers on success, which the middleware itself does not expose.
/// </summary>
public sealed class WindowCounterRateLimiter(
    WindowCounter counter,
    string policy,
    string partition,
    RateLimitRule rule,
    TimeProvider time,
    Action<RateLimitDecision> onDecision) : RateLimiter
{
    private long _lastUsedTimestamp = time.GetTimestamp();

    public override TimeSpan? IdleDuration => time.GetElapsedTime(Interlocked.Read(ref _lastUsedTimestamp));

    public override RateLimiterStatistics? GetStatistics() => null;

    /// <summary>
    /// Never admits synchronously: the middleware tries this first and then falls back to <see cref="AcquireAsyncCore"/>,
    /// so counting here as well would count a request twice.
    /// </summary>
    protected override RateLimitLease AttemptAcquireCore(int permitCount) => Lease.Pending;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _lastUsedTimestamp, time.GetTimestamp());
        var decision = await counter.HitAsync(policy, partition, rule, cancellationToken);
        onDecision(decision);
        return new Lease(decision);
    }

    private sealed class Lease(RateLimitDecision? decision) : RateLimitLease
    {
        public static readonly Lease Pending = new(null);

        public override bool IsAcquired => decision?.Allowed ?? false;

        public override IEnumerable<string> MetadataNames => decision is { Allowed: false } ? [MetadataName.RetryAfter.Name] : [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (decision is { Allowed: false } && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = decision.Reset;
                return true;
            }

            metadata = null;
            return false;
        }
    }
}
