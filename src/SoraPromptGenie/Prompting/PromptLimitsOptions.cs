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
    [WholeNumber(MinPromptChars, PromptLimits.MaxPromptChars)]
    public int MaxPromptChars { get; set; } = PromptLimits.MaxPromptChars;

    /// <summary>
    /// <c>basicPrompt</c>, the idea auto-generate expands; never more than <see cref="MaxPromptChars"/>. Unset means
    /// <see cref="PromptLimits.MaxBasicPromptChars"/>, lowered with <see cref="MaxPromptChars"/>.
    /// </summary>
    [WholeNumber(MinBasicPromptChars, PromptLimits.MaxPromptChars)]
    public int? MaxBasicPromptChars { get; set; }

    /// <summary><see cref="MaxBasicPromptChars"/>, lowered to <see cref="MaxPromptChars"/> when only that one was lowered.</summary>
    public int EffectiveMaxBasicPromptChars => Math.Min(MaxBasicPromptChars ?? PromptLimits.MaxBasicPromptChars, MaxPromptChars);
}
