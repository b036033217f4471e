using System.Collections.Concurrent;

namespace SoraPromptGenie.Ops.RateLimiting;

/// <summary>Atomic per-window hit counters. In process by default; Redis-backed when instances share limits.</summary>
public interface IRateLimitCounterStore
{
    /// <summary>Adds one hit to <paramref name="key"/> and returns the count so far; the key expires after <paramref name="ttl"/>.</summary>
    ValueTask<long> IncrementAsync(string key, TimeSpan ttl, CancellationToken cancellationToken);
}

public sealed class MemoryRateLimitCounterStore(TimeProvider time) : IRateLimitCounterStore
{
    private readonly ConcurrentDictionary<string, Counter> _counters = new(StringComparer.Ordinal);
    private long _nextSweepTicks;

    public ValueTask<long> IncrementAsync(string key, TimeSpan ttl, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        SweepIfDue(now);
        var counter = _counters.GetOrAdd(key, static (_, expires) => new Counter(expires), now + ttl);
        return ValueTask.FromResult(Interlocked.Increment(ref counter.Count));
    }

    /// <summary>Window keys are never reused, so expired ones are dropped about once a minute to bound memory.</summary>
    private void SweepIfDue(DateTimeOffset now)
    {
        var due = Interlocked.Read(ref _nextSweepTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextSweepTicks, now.UtcTicks + TimeSpan.TicksPerMinute, due) != due)
        {
            return;
        }

        foreach (var (key, counter) in _counters)
        {
            if (counter.Expires <= now)
            {
                _counters.TryRemove(key, out _);
            }
        }
    }

    private sealed class Counter(DateTimeOffset expires)
    {
        public long Count;

        public DateTimeOffset Expires { get; } = expires;
    }
}
