using SoraPromptGenie.Ops.Configuration;

namespace SoraPromptGenie.Ops.Redis;

/// <summary><c>REDIS_URL</c>: when set, rate-limit counters and the LLM response cache are shared by every instance.</summary>
public sealed class RedisOptions
{
    public const string SectionName = "Redis";

    public string? Url { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Url);

    /// <summary>Never echoes the value: it may hold the password.</summary>
    public static void Validate(IConfiguration configuration, ConfigurationProblems problems)
    {
        if (configuration[$"{SectionName}:Url"] is { } url && !string.IsNullOrWhiteSpace(url) && !RedisUrl.TryParse(url, out _))
        {
            problems.Add("REDIS_URL", "is not a redis://[:password@]host[:port][/db] URL (rediss:// for TLS; db 0-15).");
        }
    }
}
