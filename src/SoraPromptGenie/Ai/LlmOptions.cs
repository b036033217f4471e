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

    [NotBlank]
    public string Model { get; set; } = "google/gemini-2.5-flash-lite";

    /// <summary>Comma-separated models tried in order when the primary fails.</summary>
    public string? FallbackModels { get; set; }

    [HttpUrl]
    public string BaseUrl { get; set; } = DefaultBaseUrl;

    [UnreadableValueMessage("'{0}' is not one of auto, openrouter, offline.")]
    public LlmMode Mode { get; set; } = LlmMode.Auto;

    [UnreadableValueMessage("'{0}' is not true or false.")]
    public bool FallbackToOffline { get; set; } = true;

    /// <summary>Total budget of one operation, retries and fallback models included.</summary>
    [WholeNumber(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Budget of one HTTP attempt; a hung attempt is abandoned and retried while the total budget lasts.</summary>
    [WholeNumber(1, 600)]
    public int AttemptTimeoutSeconds { get; set; } = 15;

    [WholeNumber(0, 10)]
    public int MaxRetries { get; set; } = 2;

    /// <summary>Base delay of the jittered exponential back-off between retries.</summary>
    [WholeNumber(0, 60_000)]
    public int RetryBaseDelayMilliseconds { get; set; } = 500;

    /// <summary>The circuit opens when this share of calls fails within the sampling window...</summary>
    public double CircuitFailureRatio { get; set; } = 0.5;

    /// <summary>...and at least this many calls were made in it.</summary>
    [WholeNumber(2, 10_000)]
    public int CircuitMinimumThroughput { get; set; } = 10;

    [WholeNumber(1, 3_600)]
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
}
