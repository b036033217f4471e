using System.Globalization;
using SoraPromptGenie.Ops.Configuration;

namespace SoraPromptGenie.Ai.Caching;

/// <summary><c>LLM_CACHE_TTL_SECONDS</c> (<c>Llm:CacheTtlSeconds</c>): how long an LLM answer is reused; 0 turns the cache off.</summary>
public sealed class LlmCacheOptions
{
    public const int MaxTtlSeconds = 30 * 86_400;

    public int CacheTtlSeconds { get; set; } = 86_400;

    public bool Enabled => CacheTtlSeconds > 0;

    public TimeSpan Ttl => TimeSpan.FromSeconds(CacheTtlSeconds);

    public static void Validate(IConfiguration configuration, ConfigurationProblems problems)
    {
        if (configuration[$"{LlmOptions.SectionName}:CacheTtlSeconds"] is { } raw
            && (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > MaxTtlSeconds))
        {
            problems.Add("LLM_CACHE_TTL_SECONDS", $"'{raw}' is not a whole number of seconds from 0 to {MaxTtlSeconds}.");
        }
    }
}
