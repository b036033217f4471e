using SoraPromptGenie.Tests.Data;

namespace SoraPromptGenie.Tests.Ops.Configuration;

/// <summary>
/// The built host started with a bad setting in every area: it stops before serving, exits 1, and prints every problem
/// at once on standard error, one line per setting, with no stack trace and no secret.
/// </summary>
public sealed class StartupProblemsTests
{
    private const string Secret = "hunter2secret";

    [Fact]
    public async Task Start_BadSettingInEveryArea_ExitsOneWithOneLinePerSettingAndNoSecret()
    {
        var result = await HostProcess.RunHostAsync(new Dictionary<string, string?>
        {
            ["PORT"] = "70000",
            ["LLM_TIMEOUT_SECONDS"] = "soon",
            ["LLM_CACHE_TTL_SECONDS"] = "-1",
            ["DATABASE_URL"] = $"postgres://app:{Secret}@db:notaport/x",
            ["Database__MigrateOnStartup"] = "sometimes",
            ["REDIS_URL"] = $"redis://:{Secret}@cache/99",
            ["SENTRY_DSN"] = $"https://{Secret}@o1.ingest.sentry.io/",
            ["SENTRY_TRACES_SAMPLE_RATE"] = "1.5",
            ["SITE_URL"] = "nope",
            ["ALLOWED_ORIGINS"] = "https://ok.example,nope",
            ["TRUSTED_PROXIES"] = "10.0.0.0/8,banana",
            ["LOG_FORMAT"] = "xml",
            ["RATE_LIMIT_AI"] = "20",
            ["RateLimiting__Ipv6PrefixLength"] = "0",
            ["ADMIN_TOKEN"] = Secret,
            ["Library__MaxPromptsPerWorkspace"] = "0",
            ["Prompting__MaxPromptChars"] = "lots",
            ["Studio__MaxCircuitsPerClient"] = "0",
        });

        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            [
                "ADMIN_TOKEN", "ALLOWED_ORIGINS", "DATABASE_URL", "Database:MigrateOnStartup", "LLM_CACHE_TTL_SECONDS",
                "LLM_TIMEOUT_SECONDS", "LOG_FORMAT", "Library:MaxPromptsPerWorkspace", "PORT", "Prompting:MaxPromptChars",
                "RATE_LIMIT_AI", "REDIS_URL", "RateLimiting:Ipv6PrefixLength", "SENTRY_DSN", "SENTRY_TRACES_SAMPLE_RATE",
                "SITE_URL", "Studio:MaxCircuitsPerClient", "TRUSTED_PROXIES",
            ],
            lines.Select(line => line[..Math.Max(0, line.IndexOf(": ", StringComparison.Ordinal))]).Order(StringComparer.Ordinal));
        Assert.Contains("PORT: '70000' is not a port number from 1 to 65535.", lines);
        Assert.Contains("TRUSTED_PROXIES: 'banana' is not an IP address or CIDR range.", lines);
        Assert.DoesNotContain(Secret, result.Error + result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error + result.Output, StringComparison.Ordinal);
    }
}
