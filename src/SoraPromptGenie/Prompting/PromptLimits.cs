using SoraPromptGenie.Core.Engines;

namespace SoraPromptGenie.Prompting;

/// <summary>
/// Input limits shared by the API's validation and the studio UI. The two prompt lengths are the defaults of
/// <see cref="PromptLimitsOptions"/>, where an operator can lower them; <see cref="MaxPromptChars"/> is also the most a
/// saved prompt holds, so it is the ceiling of that setting.
/// </summary>
public static class PromptLimits
{
    public const int MaxPromptChars = PromptLength.DefaultMaxPromptChars;
    public const int MaxBasicPromptChars = 2_000;
    public const int MaxTitleChars = 120;
    public const int MaxDescriptionChars = 500;
    public const int MaxCategoryChars = 64;
    public const int MaxEnhancements = 12;
    public const int MinSuggestions = 1;
    public const int MaxSuggestions = 20;
    public const int DefaultSuggestions = 8;
    public const int MinBasicPromptWords = 3;
    public const string TooFewWordsMessage = "Basic prompt must contain at least 3 words";
}
