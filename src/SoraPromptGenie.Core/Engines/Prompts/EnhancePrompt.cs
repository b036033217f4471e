using System.Text;
using SoraPromptGenie.Core.Targets;

namespace SoraPromptGenie.Core.Engines.Prompts;

/// <summary>Applies one enhancement card to a prompt.</summary>
public static class EnhancePrompt
{
    public const string System =
        SoraGuide.Role +
        "Task: apply ONE enhancement to the user's Sora 2 prompt and return the whole revised prompt.\n" +
        KeepScene +
        // A card is a direction, not text to paste; weaving it in reads naturally and avoids duplicate clauses.
        "- Work the enhancement into the right part of the template (camera into Camera shot, light and colour into the " +
        "scene prose, motion into Actions) instead of appending it as a separate sentence.\n" +
        EnhancementWins +
        EmptyPrompt +
        // Restructuring keeps every answer in the template, so the linter and later enhancements find the labels.
        "- Return the prompt in the template below.\n\n" +
        SoraGuide.Template + SoraGuide.Craft + PromptText.DataRule + SoraGuide.TextOutput;

    // Users expect their scene to survive; the card refines it rather than replacing the idea.
    private const string KeepScene =
        "- Keep the user's subject, setting, characters, actions and dialogue; change only what the enhancement asks for.\n";

    // If the prompt already says something that contradicts the card, the card is the user's newer choice.
    private const string EnhancementWins =
        "- If the prompt contradicts the enhancement, the enhancement wins; remove the contradicted detail.\n";

    // An empty prompt is allowed by the API: the user starts from a card.
    private const string EmptyPrompt = "- If the prompt is empty, write a short new prompt built around the enhancement.\n";

    /// <summary>The system prompt for <paramref name="target"/>; <see cref="System"/> without one.</summary>
    public static string For(TargetProfile? target)
    {
        if (target is null)
        {
            return System;
        }

        var style = new TargetStyle(target);
        return TargetGuide.Role(style) +
            $"Task: apply ONE enhancement to the user's {style.Name} prompt and return the whole revised prompt.\n" +
            KeepScene + TargetGuide.Placement(style, "the enhancement") + EnhancementWins + EmptyPrompt +
            "- Return the prompt in the layout below.\n\n" +
            TargetGuide.Layout(style) + TargetGuide.Craft(style) + PromptText.DataRule + SoraGuide.TextOutput;
    }

    public static string BuildUserMessage(string currentPrompt, EnhancementSpec enhancement)
    {
        ArgumentNullException.ThrowIfNull(enhancement);
        var builder = new StringBuilder();
        builder.Append("Current prompt:\n");
        PromptText.AppendTagged(builder, "prompt", currentPrompt);
        builder.Append("\nEnhancement to apply:\n");
        PromptText.AppendEnhancement(builder, enhancement);
        return builder.ToString();
    }
}
