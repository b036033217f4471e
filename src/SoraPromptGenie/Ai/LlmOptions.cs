using System.Globalization;
using SoraPromptGenie.Ops.Configuration;

namespace SoraPromptGenie.Ai;

public enum LlmMode
{
    Auto,
    OpenRouter,
    Offline,
}

/// <summary>How the LLM is reached. Bound from <c>Llm:*</c> and the OPENROUTER_* / LLM_* variables.</summary>
public sealed class LlmOptions
{
    public const string SectionName = "Llm";
    public const string DefaultBaseUrl = "https://openrouter.ai/api/v1";

    public string? ApiKey { get; set; }

    public string Model { get; set; } = "google/gemini-2.5-flash-lite";

    /// <summary>Comma-separated models tried in order when the primary fails.</summary>
    public string? FallbackModels { get; set; }

    public string BaseUrl { get; set; } = DefaultBaseUrl;

    public LlmMode Mode { get; set; } = LlmMode.Auto;

    public bool FallbackToOffline { get; set; } = true;

    /// <summary>Total budget of one operation, retries and fallback models included.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Budget of one HTTP attempt; a hung attempt is abandoned and retried while the total budget lasts.</summary>
    public int AttemptTimeoutSeconds { get; set; } = 15;

    public int MaxRetries { get; set; } = 2;

    /// <summary>Base delay of the jittered exponential back-off between retries.</summary>
    public int RetryBaseDelayMilliseconds { get; set; } = 500;

    /// <summary>The circuit opens when this share of calls fails within the sampling window...</summary>
    public double CircuitFailureRatio { get; set; } = 0.5;

    /// <summary>...and at least this many calls were made in it.</summary>
    public int CircuitMinimumThroughput { get; set; } = 10;

    public int CircuitBreakSeconds { get; set; } = 15;

    public IReadOnlyList<string> AllModels =>
        [Model, .. (FallbackModels ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>The mode after applying <see cref="LlmMode.Auto"/>: OpenRouter when a key is set, else offline.</summary>
    public LlmMode EffectiveMode => Mode switch
    {
        LlmMode.Auto => string.IsNullOrWhiteSpace(ApiKey) ? LlmMode.Offline : LlmMode.OpenRouter,
        var mode => mode,
    };

    /// <summary>The wire label prefix: <c>openrouter</c> for OpenRouter, else the base URL's host.</summary>
    public string EnginePrefix =>
        Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) && !uri.Host.EndsWith("openrouter.ai", StringComparison.OrdinalIgnoreCase)
            ? uri.Host
            : "openrouter";

    public static void Validate(IConfiguration configuration, IHostEnvironment environment, ConfigurationProblems problems)
    {
        var section = configuration.GetSection(SectionName);
        var mode = section["Mode"];
        LlmMode parsedMode = LlmMode.Auto;
        if (mode is not null && !Enum.TryParse(mode.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out parsedMode))
        {
            problems.Add("LLM_MODE", $"'{mode}' is not one of auto, openrouter, offline.");
        }

        if (section["BaseUrl"] is { } baseUrl && !ConfigurationProblems.IsHttpUrl(baseUrl))
        {
            problems.Add("OPENROUTER_BASE_URL", "must be an absolute http or https URL.");
        }

        if (section["Model"] is { } model && string.IsNullOrWhiteSpace(model))
        {
            problems.Add("OPENROUTER_MODEL", "must not be empty.");
        }

        CheckInt(section, "TimeoutSeconds", 1, 600, problems);
        CheckInt(section, "AttemptTimeoutSeconds", 1, 600, problems);
        CheckInt(section, "MaxRetries", 0, 10, problems);
        CheckInt(section, "RetryBaseDelayMilliseconds", 0, 60_000, problems);
        CheckInt(section, "CircuitMinimumThroughput", 2, 10_000, problems);
        CheckInt(section, "CircuitBreakSeconds", 1, 3_600, problems);

        if (section["FallbackToOffline"] is { } fallback && !bool.TryParse(fallback, out _))
        {
            problems.Add("LLM_FALLBACK_TO_OFFLINE", $"'{fallback}' is not true or false.");
        }

        var hasKey = !string.IsNullOrWhiteSpace(section["ApiKey"]);
        if (!hasKey && environment.IsProduction() && parsedMode != LlmMode.Offline)
        {
            problems.Add("OPENROUTER_API_KEY", "is required in Production unless LLM_MODE=offline.");
        }

        if (!hasKey && parsedMode == LlmMode.OpenRouter)
        {
            problems.Add("OPENROUTER_API_KEY", "is required when LLM_MODE=openrouter.");
        }
    }

    private static void CheckInt(IConfigurationSection section, string key, int min, int max, ConfigurationProblems problems)
    {
        if (section[key] is not { } raw)
        {
            return;
        }

        if (!int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            problems.Add(EnvironmentAliases.VariableFor($"{SectionName}:{key}"), $"'{raw}' is not a whole number from {min} to {max}.");
        }
    }
}
