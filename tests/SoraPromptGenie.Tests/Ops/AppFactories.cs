using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SoraPromptGenie.Core.Engines;
using SoraPromptGenie.Tests.Infrastructure;

namespace SoraPromptGenie.Tests.Ops;

// Fixtures of the host tests: the production app against the fake upstream, each with the settings its tests need.

/// <summary>A public site URL, so HTTP-Referer, CORS and HSTS are checked against a real-looking origin.</summary>
public sealed class SiteAppFactory : AppFactory
{
    public const string SiteUrl = "https://sora.example.com";

    protected override void Configure(IDictionary<string, string?> settings) => settings["SITE_URL"] = SiteUrl;
}

/// <summary>Upstream failures surface as errors (502/503/504) instead of offline answers.</summary>
public sealed class NoFallbackAppFactory : AppFactory
{
    protected override void Configure(IDictionary<string, string?> settings) => settings["LLM_FALLBACK_TO_OFFLINE"] = "false";
}

/// <summary>The offline engine answers, labelled, when the LLM fails.</summary>
public sealed class FallbackAppFactory : AppFactory
{
    protected override void Configure(IDictionary<string, string?> settings) => settings["LLM_FALLBACK_TO_OFFLINE"] = "true";
}

/// <summary>Two fallback models, no HTTP retries, so each model is asked exactly once.</summary>
public sealed class FallbackModelsAppFactory : AppFactory
{
    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["OPENROUTER_FALLBACK_MODELS"] = "test/second-model, test/third-model";
        settings["LLM_FALLBACK_TO_OFFLINE"] = "false";
        settings["Llm:MaxRetries"] = "0";
    }
}

/// <summary>A circuit breaker that opens after two failed calls.</summary>
public sealed class CircuitAppFactory : AppFactory
{
    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["LLM_FALLBACK_TO_OFFLINE"] = "false";
        settings["Llm:MaxRetries"] = "0";
        settings["Llm:CircuitMinimumThroughput"] = "2";
        settings["Llm:CircuitBreakSeconds"] = "60";
    }
}

/// <summary>A 2 s operation budget with 1 s attempts, so a hung upstream is given up on quickly.</summary>
public sealed class ShortBudgetAppFactory : AppFactory
{
    public const int BudgetSeconds = 2;

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["LLM_FALLBACK_TO_OFFLINE"] = "false";
        settings["LLM_TIMEOUT_SECONDS"] = BudgetSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Llm:AttemptTimeoutSeconds"] = "1";
    }
}

/// <summary>
/// Small limits: 6 general requests and 2 per AI endpoint per client per day. Windows are aligned to the epoch, so a day
/// keeps a window boundary (UTC midnight) from resetting the counts in the middle of a test.
/// </summary>
public sealed class RateLimitAppFactory : AppFactory
{
    public const int General = 6;
    public const int Ai = 2;
    public const int WindowSeconds = 86_400;

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["RATE_LIMIT_GENERAL"] = $"{General}/{WindowSeconds}";
        settings["RATE_LIMIT_AI"] = $"{Ai}/{WindowSeconds}";
    }
}

/// <summary>IPv6 clients grouped by /56 instead of the default /64, with 2 general requests per client per day.</summary>
public sealed class Ipv6PrefixAppFactory : AppFactory
{
    public const int General = 2;

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["RATE_LIMIT_GENERAL"] = $"{General}/{RateLimitAppFactory.WindowSeconds}";
        settings["RateLimiting:Ipv6PrefixLength"] = "56";
    }
}

/// <summary>Only 10.9.9.9 is a trusted proxy: X-Forwarded-For from anyone else is ignored.</summary>
public sealed class UntrustedProxyAppFactory : AppFactory
{
    public const string TrustedProxy = "10.9.9.9";
    public const int General = 3;

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["TRUSTED_PROXIES"] = TrustedProxy;
        settings["RATE_LIMIT_GENERAL"] = $"{General}/{RateLimitAppFactory.WindowSeconds}";
    }
}

/// <summary>The same app in Development (no HSTS, exception text allowed in 500s).</summary>
public sealed class DevelopmentAppFactory : AppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Development");
    }
}

/// <summary>An engine with a bug: every operation throws an unexpected exception carrying internal detail.</summary>
public sealed class FaultyEngineAppFactory : AppFactory
{
    public const string InternalDetail = "connection string Host=db.internal;Password=hunter2";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IPromptEngine, FaultyEngine>());
    }

    private sealed class FaultyEngine : IPromptEngine
    {
        public Task<TResult> RunAsync<TResult>(EngineOperation<TResult> operation, CancellationToken cancellationToken)
            where TResult : EngineResult =>
            throw new InvalidOperationException(InternalDetail);

        public IAsyncEnumerable<EngineStreamChunk> StreamAsync(TextOperation operation, CancellationToken cancellationToken) =>
            throw new InvalidOperationException(InternalDetail);
    }
}

/// <summary>An explicit CORS list that replaces the SITE_URL default.</summary>
public sealed class AllowedOriginsAppFactory : AppFactory
{
    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["SITE_URL"] = "https://sora.example.com";
        settings["ALLOWED_ORIGINS"] = "https://studio.example.com, https://partner.example.org/";
    }
}

/// <summary>LOG_FORMAT=json: one JSON object a line in the log files.</summary>
public sealed class JsonLogsAppFactory : AppFactory
{
    protected override void Configure(IDictionary<string, string?> settings) => settings["LOG_FORMAT"] = "json";
}
