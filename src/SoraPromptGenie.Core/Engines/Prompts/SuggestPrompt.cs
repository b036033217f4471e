using System.Globalization;
using System.Text;
using SoraPromptGenie.Core.Targets;

namespace SoraPromptGenie.Core.Engines.Prompts;

/// <summary>Asks for fresh enhancement cards in one catalog category, fitted to the current prompt.</summary>
public static class SuggestPrompt
{
    public const string System =
        SoraGuide.Role +
        "Task: suggest enhancement cards for ONE category of a Sora 2 prompt (for example camera angles, lighting, " +
        "colour palette, weather, style).\n" +
        CardRules +
        PromptText.DataRule +
        OutputContract;

    private const string CardRules =
        // Cards from another category would be filed under the wrong heading and break "one card per category".
        "- Every card must belong to the requested category.\n" +
        // Generic cards duplicate the built-in catalog; the point of asking the model is fit to this prompt.
        "- When a current prompt is given, fit the cards to its subject and setting, and do not suggest what it already has.\n" +
        // Cards must be distinct choices the user can compare, not variations of one idea.
        "- Each card is a distinct choice; no two cards say the same thing in other words.\n" +
        // Titles are button labels in the UI; descriptions are the instruction later merged into the prompt.
        "- title: 2 to 5 words, Title Case. description: one concrete sentence in professional cinematography " +
        "language, naming what the camera, light or colour does (no vague words like \"beautiful\" or \"cinematic\").\n" +
        // Size and duration are request parameters; a card about them would do nothing.
        "- Never suggest resolution, aspect ratio, duration or frame rate.\n\n";

    private const string OutputContract =
        "Output contract:\n" +
        // The answer is parsed by a program; anything but the array costs a parse and risks losing cards.
        "- Answer with a JSON array only, no prose and no code fences: " +
        "[{\"title\": \"...\", \"description\": \"...\"}, ...]\n" +
        "- Exactly the number of cards requested.\n" +
        "- Write in the language of the user's prompt (English if unclear).";

    /// <summary>
    /// The system prompt for <paramref name="target"/>; <see cref="System"/> without one. The cards become part of a
    /// prompt for the target, so they follow its sound and negatives rules.
    /// </summary>
    public static string For(TargetProfile? target)
    {
        if (target is null)
        {
            return System;
        }

        var style = new TargetStyle(target);
        var fit = style.Sound == TargetSound.None
            ? $"- The cards are for {style.Name}, which makes silent video: no card about sound, music, dialogue or silence.\n"
            : $"- The cards are for {style.Name}, which makes video with sound: a card may describe sound where the category allows.\n";
        if (style.Negatives == NegativeMode.Avoid)
        {
            fit += "- Phrase every card positively: what is on screen, never what is not.\n";
        }

        return TargetGuide.Role(style) +
            $"Task: suggest enhancement cards for ONE category of a {style.Name} prompt (for example camera angles, lighting, " +
            "colour palette, weather, style).\n" +
            fit + CardRules + PromptText.DataRule + OutputContract;
    }

    public static string BuildUserMessage(SuggestionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var builder = new StringBuilder();
        builder.Append("Category: ").Append(request.Category.Name).Append(" (").Append(request.Category.Id).Append(")\n");
        builder.Append("Number of cards: ").Append(request.Count.ToString(CultureInfo.InvariantCulture)).Append('\n');
        if (request.Category.Enhancements.Count > 0)
        {
            // Naming the built-in cards steers the model away from repeating them.
            builder.Append("Built-in cards to avoid repeating: ");
            builder.AppendJoin("; ", request.Category.Enhancements.Select(e => e.Title));
            builder.Append('\n');
        }

        builder.Append("\nCurrent prompt:\n");
        PromptText.AppendTagged(builder, "prompt", string.IsNullOrWhiteSpace(request.CurrentPrompt) ? "(none)" : request.CurrentPrompt);
        return builder.ToString();
    }
}
