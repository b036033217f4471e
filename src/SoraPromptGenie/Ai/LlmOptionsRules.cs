using Microsoft.Extensions.Options;

namespace SoraPromptGenie.Ai;

/// <summary>When an API key is required: in Production unless offline, and whenever OpenRouter is asked for.</summary>
public sealed class LlmOptionsRules(IHostEnvironment environment) : IValidateOptions<LlmOptions>
{
    public ValidateOptionsResult Validate(string? name, LlmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var hasKey = !string.IsNullOrWhiteSpace(options.ApiKey);
        if (!hasKey && environment.IsProduction() && options.Mode != LlmMode.Offline)
        {
            failures.Add("OPENROUTER_API_KEY: is required in Production unless LLM_MODE=offline.");
        }

        if (!hasKey && options.Mode == LlmMode.OpenRouter)
        {
            failures.Add("OPENROUTER_API_KEY: is required when LLM_MODE=openrouter.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
