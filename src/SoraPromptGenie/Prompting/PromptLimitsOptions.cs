using System.Globalization;
using SoraPromptGenie.Ops.Configuration;

namespace SoraPromptGenie.Prompting;

/// <summary>
/// How long a prompt and an idea may be (<c>Prompting:*</c>). They bound what every AI call sends to the model, so they
/// are the guard on the LLM budget; every operation's result is kept within <see cref="MaxPromptChars"/> so that it is
/// always accepted back as input.
/// </summary>
public sealed class PromptLimitsOptions
{
    public const string SectionName = "Prompting";
    public const int MinPromptChars = 1_000;
    public const int MinBasicPromptChars = 20;

    /// <summary><c>currentPrompt</c> and <c>prompt</c> fields, and the length of every result.</summary>
    public int MaxPromptChars { get; set; } = PromptLimits.MaxPromptChars;

    /// <summary><c>basicPrompt</c>, the idea auto-generate expands; never more than <see cref="MaxPromptChars"/>.</summary>
    public int MaxBasicPromptChars { get; set; } = PromptLimits.MaxBasicPromptChars;

    /// <summary><see cref="MaxBasicPromptChars"/>, lowered to <see cref="MaxPromptChars"/> when only that one was lowered.</summary>
    public int EffectiveMaxBasicPromptChars => Math.Min(MaxBasicPromptChars, MaxPromptChars);

    public static void Validate(IConfiguration configuration, ConfigurationProblems problems)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(problems);
        var section = configuration.GetSection(SectionName);
        var prompt = Read(section, nameof(MaxPromptChars), MinPromptChars, PromptLimits.MaxPromptChars, problems) ?? PromptLimits.MaxPromptChars;
        var basic = Read(section, nameof(MaxBasicPromptChars), MinBasicPromptChars, PromptLimits.MaxPromptChars, problems);
        if (basic > prompt)
        {
            problems.Add(
                $"{SectionName}:{nameof(MaxBasicPromptChars)}",
                string.Create(CultureInfo.InvariantCulture, $"{basic} is more than {SectionName}:{nameof(MaxPromptChars)} ({prompt}); an idea cannot be longer than a prompt."));
        }
    }

    /// <summary>The setting's value; null when it is unset or not valid.</summary>
    private static int? Read(IConfigurationSection section, string name, int min, int max, ConfigurationProblems problems)
    {
        if (section[name] is not { } raw)
        {
            return null;
        }

        if (int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        problems.Add($"{SectionName}:{name}", string.Create(CultureInfo.InvariantCulture, $"'{raw}' is not a whole number from {min} to {max}."));
        return null;
    }
}
