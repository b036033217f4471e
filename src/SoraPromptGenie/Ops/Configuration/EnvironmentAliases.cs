namespace SoraPromptGenie.Ops.Configuration;

/// <summary>
/// The operator's environment variables (design section 3) and the configuration keys they bind to. Environment
/// variables win over appsettings.json, so an operator can always override a file setting from the unit or PM2 file.
/// </summary>
public static class EnvironmentAliases
{
    public static readonly IReadOnlyList<(string Variable, string Key)> Map =
    [
        ("OPENROUTER_API_KEY", "Llm:ApiKey"),
        ("OPENROUTER_MODEL", "Llm:Model"),
        ("OPENROUTER_FALLBACK_MODELS", "Llm:FallbackModels"),
        ("OPENROUTER_BASE_URL", "Llm:BaseUrl"),
        ("LLM_MODE", "Llm:Mode"),
        ("LLM_FALLBACK_TO_OFFLINE", "Llm:FallbackToOffline"),
        ("LLM_TIMEOUT_SECONDS", "Llm:TimeoutSeconds"),
        ("LLM_CACHE_TTL_SECONDS", "Llm:CacheTtlSeconds"),
        ("DATABASE_URL", "Database:Url"),
        ("REDIS_URL", "Redis:Url"),
        ("SENTRY_DSN", "Sentry:Dsn"),
        ("SENTRY_ENVIRONMENT", "Sentry:Environment"),
        ("SENTRY_RELEASE", "Sentry:Release"),
        ("SENTRY_TRACES_SAMPLE_RATE", "Sentry:TracesSampleRate"),
        ("SITE_URL", "Site:Url"),
        ("ALLOWED_ORIGINS", "Site:AllowedOrigins"),
        ("TRUSTED_PROXIES", "Site:TrustedProxies"),
        ("LOG_DIR", "Logging:Directory"),
        ("LOG_FORMAT", "Logging:Format"),
        ("ADMIN_TOKEN", "Admin:Token"),
        ("MCP_TOKEN", "Mcp:Token"),
        ("MCP_WORKSPACE_KEY", "Mcp:WorkspaceKey"),
        ("RATE_LIMIT_GENERAL", "RateLimiting:General"),
        ("RATE_LIMIT_AI", "RateLimiting:Ai"),
    ];

    /// <summary>
    /// Variables read under their own name, by the host or by a library (the OpenTelemetry exporter reads the OTEL_*
    /// ones from configuration), so they have no section key.
    /// </summary>
    public static readonly IReadOnlyList<string> ReadByName =
    [
        "ASPNETCORE_ENVIRONMENT",
        "PORT",
        "OTEL_EXPORTER_OTLP_ENDPOINT",
        "OTEL_EXPORTER_OTLP_PROTOCOL",
        "OTEL_EXPORTER_OTLP_HEADERS",
    ];

    /// <summary>Copies every alias that is set to its section key, as a source layered over the others.</summary>
    public static IConfigurationBuilder AddEnvironmentAliases(this IConfigurationManager configuration)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (variable, key) in Map)
        {
            if (configuration[variable] is { } value)
            {
                values[key] = value;
            }
        }

        return configuration.AddInMemoryCollection(values);
    }

    /// <summary>The variable an operator sets for a configuration key, for error messages.</summary>
    public static string VariableFor(string key) =>
        Map.FirstOrDefault(m => string.Equals(m.Key, key, StringComparison.OrdinalIgnoreCase)).Variable ?? key;
}
