using SoraPromptGenie.Ops.Configuration;

namespace SoraPromptGenie.Ai.Caching;

/// <summary><c>LLM_CACHE_TTL_SECONDS</c> (<c>Llm:CacheTtlSeconds</c>): how long an LLM answer is reused; 0 turns the cache off.</summary>
public sealed class LlmCacheOptions
{
    public const int MaxTtlSeconds = 30 * 86_400;

    [WholeNumber(0, MaxTtlSeconds, Unit = "seconds")]
    public int CacheTtlSeconds { get; set; } = 86_400;

    public bool Enabled => CacheTtlSeconds > 0;

    public TimeSpan Ttl => TimeSpan.FromSeconds(CacheTtlSeconds);
}
