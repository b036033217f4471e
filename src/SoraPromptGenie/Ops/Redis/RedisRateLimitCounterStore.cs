using SoraPromptGenie.Ops.RateLimiting;
using StackExchange.Redis;

namespace SoraPromptGenie.Ops.Redis;

/// <summary>
/// Window counters in Redis, shared by every instance: one INCR plus PEXPIRE in a single script, so a count and its
/// expiry are set atomically and a limit of N admits exactly N across the fleet (windows are epoch-aligned by
/// <see cref="WindowCounter"/>). While Redis is unreachable the in-process store counts instead (each instance then
/// enforces the limit on its own), with at most one warning every 30 seconds; Redis is used again as soon as the
/// multiplexer has reconnected.
/// </summary>
public sealed partial class RedisRateLimitCounterStore(
    IConnectionMultiplexer redis,
    MemoryRateLimitCounterStore fallback,
    TimeProvider time,
    ILogger<RedisRateLimitCounterStore> logger) : IRateLimitCounterStore
{
    public const string KeyPrefix = "spg:";
    private static readonly TimeSpan WarningInterval = TimeSpan.FromSeconds(30);

    private const string IncrementScript = """
        local count = redis.call('INCR', KEYS[1])
        if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        return count
        """;

    private long _lastWarningTimestamp = long.MinValue;
    private int _degraded;

    public async ValueTask<long> IncrementAsync(string key, TimeSpan ttl, CancellationToken cancellationToken)
    {
        if (redis.IsConnected)
        {
            try
            {
                var result = await redis.GetDatabase().ScriptEvaluateAsync(
                    IncrementScript,
                    [new RedisKey(KeyPrefix + key)],
                    [(long)Math.Ceiling(ttl.TotalMilliseconds)]);
                if (Interlocked.Exchange(ref _degraded, 0) == 1)
                {
                    SharedCountingResumed(logger);
                }

                return (long)result;
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                WarnFallback(ex.GetType().Name);
            }
        }
        else
        {
            WarnFallback("not connected");
        }

        return await fallback.IncrementAsync(key, ttl, cancellationToken);
    }

    private void WarnFallback(string reason)
    {
        Interlocked.Exchange(ref _degraded, 1);
        var now = time.GetTimestamp();
        var last = Interlocked.Read(ref _lastWarningTimestamp);
        if (last != long.MinValue && time.GetElapsedTime(last, now) < WarningInterval)
        {
            return;
        }

        if (Interlocked.CompareExchange(ref _lastWarningTimestamp, now, last) == last)
        {
            FallingBack(logger, reason);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Redis unavailable ({Reason}): rate limits are counted in process on this instance until it is back")]
    private static partial void FallingBack(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis is back: rate limits are shared across instances again")]
    private static partial void SharedCountingResumed(ILogger logger);
}
