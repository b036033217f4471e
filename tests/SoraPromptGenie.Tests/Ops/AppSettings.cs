using System.Globalization;
using SoraPromptGenie.Tests.Infrastructure;

namespace SoraPromptGenie.Tests.Ops;

// Settings of the host tests' fixtures: the production app against the fake upstream, each with what its tests need.

/// <summary>A public site URL, so HTTP-Referer, CORS and HSTS are checked against a real-looking origin.</summary>
public sealed class PublicSite : IAppSettings
{
    public const string SiteUrl = "https://sora.example.com";

    public static IReadOnlyDictionary<string, string?> Values { get; } = new Dictionary<string, string?> { ["SITE_URL"] = SiteUrl };
}

/// <summary>Upstream failures surface as errors (502/503/504) instead of offline answers.</summary>
public sealed class NoFallback : IAppSettings
{
    public static IReadOnlyDictionary<string, string?> Values { get; } = new Dictionary<string, string?> { ["LLM_FALLBACK_TO_OFFLINE"] = "false" };
}

/// <summary>The offline engine answers, labelled, when the LLM fails.</summary>
public sealed class OfflineFallback : IAppSettings
{
    public static IReadOnlyDictionary<string, string?> Values { get; } = new Dictionary<string, string?> { ["LLM_FALLBACK_TO_OFFLINE"] = "true" };
}

/// <summary>The offline engine answers every operation (no network).</summary>
public sealed class OfflineMode : IAppSettings
{
    public static IReadOnlyDictionary<string, string?> Values { get; } = new Dictionary<string, string?> { ["LLM_MODE"] = "offline" };
}

/// <summary>Two fallback models, no HTTP retries, so each model is asked exactly once.</summary>
public sealed class FallbackModels : IAppSettings
{
    public static IReadOnlyDictionary<string, string?> Values { get; } = new Dictionary<string, string?>
    {
        ["OPENROUTER_FALLBACK_MODELS"] = "test/second-model, test/third-model",
        ["LLM_FALLBACK_TO_OFFLINE"] = "false",
        ["Llm:MaxRetries"] = "0",
    };
}

/// <summary>A 2 s operation budget with 1 s attempts, so a hung upstream is given up on quickly.</summary>
public sealed class ShortBudget : IAppSettings
{
    public const int BudgetSeconds = 2;

    public static IReadOnlyDictionary<string, string?> Values { get; } = new Dictionary<string, string?>
    {
        ["LLM_FALLBACK_TO_OFFLINE"] = "false",
        ["LLM_TIMEOUT_SECONDS"] = BudgetSeconds.ToString(CultureInfo.InvariantCulture),
        ["Llm:AttemptTimeoutSeconds"] = "1",
    };
}

/// <summary>
/// Small limits: 6 general requests and 2 per AI endpoint per client per day. Windows are aligned to the epoch, so a day
/// keeps a window boundary (UTC midnight) from resetting the counts in the middle of a test.
/// </summary>
public sealed class SmallRateLimits : IAppSettings
{
    public const int General = 6;
    public const int Ai = 2;
    public const int WindowSeconds = 86_400;

    public static IReadOnlyDictionary<string, string?> Values { get; } = new Dictionary<string, string?>
    {
        ["RATE_LIMIT_GENERAL"] = $"{General}/{WindowSeconds}",
        ["RATE_LIMIT_AI"] = $"{Ai}/{WindowSeconds}",
    };
}

/// <summary>IPv6 clients grouped by /56 instead of the default /64, with 2 general requests per client per day.</summary>
public sealed class Ipv6Slash56 : IAppSettings
{
    public const int General = 2;

    public static IReadOnlyDictionary<string, string?> Values { get; } = new Dictionary<string, string?>
    {
        ["RATE_LIMIT_GENERAL"] = $"{General}/{SmallRateLimits.WindowSeconds}",
        ["RateLimiting:Ipv6PrefixLength"] = "56",
    };
}

/// <summary>Only 10.9.9.9 is a trusted proxy: X-Forwarded-For from anyone else is ignored.</summary>
public sealed class UntrustedProxy : IAppSettings
{
    public const string TrustedProxy = "10.9.9.9";
    public const int General = 3;

    public static IReadOnlyDictionary<string, string?> Values { get; } = new Dictionary<string, string?>
    {
        ["TRUSTED_PROXIES"] = TrustedProxy,
        ["RATE_LIMIT_GENERAL"] = $"{General}/{SmallRateLimits.WindowSeconds}",
    };
}

/// <summary>The same app in Development (no HSTS, exception text allowed in 500s).</summary>
public sealed class DevelopmentHost : IAppSettings
{
    public static IReadOnlyDictionary<string, string?> Values => AppSettings.Defaults;

    public static string Environment => "Development";
}

/// <summary>An explicit CORS list that replaces the SITE_URL default.</summary>
public sealed class AllowedOrigins : IAppSettings
{
    public static IReadOnlyDictionary<string, string?> Values { get; } = new Dictionary<string, string?>
    {
        ["SITE_URL"] = PublicSite.SiteUrl,
        ["ALLOWED_ORIGINS"] = "https://studio.example.com, https://partner.example.org/",
    };
}

/// <summary>LOG_FORMAT=json: one JSON object a line in the log files.</summary>
public sealed class JsonLogs : IAppSettings
{
    public static IReadOnlyDictionary<string, string?> Values { get; } = new Dictionary<string, string?> { ["LOG_FORMAT"] = "json" };
}
