using System.Globalization;
using Microsoft.Extensions.Options;

namespace SoraPromptGenie.Prompting;

/// <summary>An idea limit set above the prompt limit is a mistake; both must be in range for the comparison to mean anything.</summary>
public sealed class PromptLimitsRules : IValidateOptions<PromptLimitsOptions>
{
    public ValidateOptionsResult Validate(string? name, PromptLimitsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var prompt = options.MaxPromptChars;
        if (options.MaxBasicPromptChars is not { } basic
            || prompt is < PromptLimitsOptions.MinPromptChars or > PromptLimits.MaxPromptChars
            || basic is < PromptLimitsOptions.MinBasicPromptChars or > PromptLimits.MaxPromptChars
            || basic <= prompt)
        {
            return ValidateOptionsResult.Success;
        }

        const string section = PromptLimitsOptions.SectionName;
        return ValidateOptionsResult.Fail(string.Create(
            CultureInfo.InvariantCulture,
            $"{section}:{nameof(PromptLimitsOptions.MaxBasicPromptChars)}: {basic} is more than {section}:{nameof(PromptLimitsOptions.MaxPromptChars)} ({prompt}); an idea cannot be longer than a prompt."));
    }
}
