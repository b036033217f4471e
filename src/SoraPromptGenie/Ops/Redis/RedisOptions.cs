using System.ComponentModel.DataAnnotations;
using SoraPromptGenie.Ops.Configuration;

namespace SoraPromptGenie.Ops.Redis;

/// <summary><c>REDIS_URL</c>: when set, rate-limit counters and the LLM response cache are shared by every instance.</summary>
public sealed class RedisOptions
{
    public const string SectionName = "Redis";

    [RedisUrl]
    public string? Url { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Url);
}

/// <summary>A <see cref="RedisUrl"/> when set. Never quotes the value: it may hold the password.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RedisUrlAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is not string url || string.IsNullOrWhiteSpace(url) || RedisUrl.TryParse(url, out _)
            ? ValidationResult.Success
            : SettingFailure.Of(validationContext, "is not a redis://[:password@]host[:port][/db] URL (rediss:// for TLS; db 0-15).");
}
