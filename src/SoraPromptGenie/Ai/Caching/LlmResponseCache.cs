using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Caching.Distributed;
using SoraPromptGenie.Core.Engines;
using SoraPromptGenie.Ops.Telemetry;
using StackExchange.Redis;

namespace SoraPromptGenie.Ai.Caching;

/// <summary>
/// A stored LLM answer: text or suggestions, with the label and model of the engine that wrote it, and the warnings of a
/// text that was shortened to a target's limit (left out of the stored bytes when there are none).
/// </summary>
public sealed record CachedAnswer(string Engine, string Model, string? Text = null, IReadOnlyList<Suggestion>? Suggestions = null)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Warnings { get; init; }

    /// <summary>What to store for <paramref name="result"/>; null for an empty answer, which is never stored.</summary>
    public static CachedAnswer? Of(EngineResult result) => result switch
    {
        EngineText { Text.Length: > 0 } text => new(text.Engine, ModelOf(text.Engine), Text: text.Text) { Warnings = text.Warnings is { Count: > 0 } w ? w : null },
        EngineSuggestions { Suggestions.Count: > 0 } suggestions => new(suggestions.Engine, ModelOf(suggestions.Engine), Suggestions: suggestions.Suggestions),
        _ => null,
    };

    /// <summary>This answer as the result of <paramref name="operation"/>, marked cached; null when it holds the other kind of answer.</summary>
    public EngineResult? AnswerTo(EngineOperation operation) => operation switch
    {
        SuggestionRequest => Suggestions is { } suggestions ? new EngineSuggestions(suggestions, Engine, Cached: true) : null,
        _ => Text is { } text ? new EngineText(text, Engine, Cached: true, Warnings: Warnings) : null,
    };

    /// <summary>The model from a wire label such as <c>openrouter:google/gemini-2.5-flash-lite</c>.</summary>
    private static string ModelOf(string engine) =>
        engine.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0 ? engine[(colon + 1)..] : engine;
}

/// <summary>
/// LLM answers in an <see cref="IDistributedCache"/>: Redis when <c>REDIS_URL</c> is set (shared by every instance),
/// else process memory. The cache is an optimisation only: when the store fails or Redis is unreachable, reads miss
/// and writes are dropped, with at most one warning every 30 seconds.
/// </summary>
public sealed partial class LlmResponseCache(
    IDistributedCache store,
    IConnectionMultiplexer? redis,
    LlmCacheOptions options,
    TimeProvider time,
    ILogger<LlmResponseCache> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan WarningInterval = TimeSpan.FromSeconds(30);
    private long _lastWarningTimestamp = long.MinValue;

    public async Task<CachedAnswer?> GetAsync(string key, CancellationToken cancellationToken)
    {
        CachedAnswer? answer = null;
        if (Available())
        {
            try
            {
                var bytes = await store.GetAsync(key, cancellationToken);
                answer = bytes is null ? null : JsonSerializer.Deserialize<CachedAnswer>(bytes, Json);
            }
            catch (Exception ex) when (IsStoreFailure(ex, cancellationToken))
            {
                Warn(ex.GetType().Name);
            }
        }

        RecordLookup(key, answer is not null);
        return answer;
    }

    /// <summary>Counts the lookup by operation, which the key carries as <c>spg:llm:&lt;operation&gt;:&lt;hash&gt;</c>.</summary>
    private static void RecordLookup(string key, bool hit)
    {
        var operation = key.StartsWith(LlmCacheKeys.Prefix, StringComparison.Ordinal)
            ? key[LlmCacheKeys.Prefix.Length..].Split(':', 2)[0]
            : "unknown";
        if (hit)
        {
            AppMetrics.CacheHit(operation);
        }
        else
        {
            AppMetrics.CacheMiss(operation);
        }
    }

    public async Task SetAsync(string key, CachedAnswer answer, CancellationToken cancellationToken)
    {
        if (!Available())
        {
            return;
        }

        try
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(answer, Json);
            await store.SetAsync(key, bytes, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = options.Ttl }, cancellationToken);
        }
        catch (Exception ex) when (IsStoreFailure(ex, cancellationToken))
        {
            Warn(ex.GetType().Name);
        }
    }

    /// <summary>Skips the round trip (and its exception) while the multiplexer knows Redis is down.</summary>
    private bool Available()
    {
        if (redis is null || redis.IsConnected)
        {
            return true;
        }

        Warn("not connected");
        return false;
    }

    private static bool IsStoreFailure(Exception exception, CancellationToken cancellationToken) =>
        exception is RedisException or TimeoutException or JsonException or ObjectDisposedException
        || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private void Warn(string reason)
    {
        var now = time.GetTimestamp();
        var last = Interlocked.Read(ref _lastWarningTimestamp);
        if ((last == long.MinValue || time.GetElapsedTime(last, now) >= WarningInterval)
            && Interlocked.CompareExchange(ref _lastWarningTimestamp, now, last) == last)
        {
            CacheBypassed(logger, reason);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "LLM response cache unavailable ({Reason}): answering without it")]
    private static partial void CacheBypassed(ILogger logger, string reason);
}
