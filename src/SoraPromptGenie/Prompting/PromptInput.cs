using System.Globalization;
using Microsoft.Extensions.Options;
using SoraPromptGenie.Core.Text;

namespace SoraPromptGenie.Prompting;

/// <summary>
/// What every prompt text passes before an operation uses it, the same from the API and the studio: a CRLF line break is
/// read as LF; any other control character (a lone CR included) or bidirectional override is refused, naming the field,
/// because it would survive into the result and into the exported curl command; and the length limits of
/// <see cref="PromptLimitsOptions"/> apply. Messages name the field as the JSON API spells it.
/// </summary>
public sealed class PromptInput(IOptions<PromptLimitsOptions> options)
{
    public int MaxPromptChars => options.Value.MaxPromptChars;

    public int MaxBasicPromptChars => options.Value.EffectiveMaxBasicPromptChars;

    /// <summary>A prompt (<c>currentPrompt</c>, <c>prompt</c>): the text to use, or the message for the person who sent it.</summary>
    public StudioResult<string> Prompt(string field, string? text) => Check(field, text, MaxPromptChars);

    /// <summary>An idea for auto-generate (<c>basicPrompt</c>).</summary>
    public StudioResult<string> Idea(string field, string? text) => Check(field, text, MaxBasicPromptChars);

    /// <summary>The character rule alone, for short fields whose length the request contract already bounds.</summary>
    public static StudioResult<string> Characters(string field, string? text)
    {
        var normalized = PromptCharacters.NormalizeLineBreaks(text ?? string.Empty);
        return PromptCharacters.Refusal(field, normalized) is { } refusal ? StudioResult.Invalid<string>(refusal) : normalized;
    }

    /// <summary>The message for a text over a limit; it says the limit.</summary>
    public static string TooLong(string field, int maxChars) =>
        string.Create(CultureInfo.InvariantCulture, $"{field} must be at most {maxChars:N0} characters.");

    private static StudioResult<string> Check(string field, string? text, int maxChars)
    {
        var characters = Characters(field, text);
        return characters.Value is { } normalized && normalized.Length > maxChars
            ? StudioResult.Invalid<string>(TooLong(field, maxChars))
            : characters;
    }
}
