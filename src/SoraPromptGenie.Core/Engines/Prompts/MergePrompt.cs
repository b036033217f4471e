using System.Text;
using SoraPromptGenie.Core.Targets;

namespace SoraPromptGenie.Core.Engines.Prompts;

/// <summary>Applies several enhancement cards (at most one per category) in a single call, e.g. a preset.</summary>
public static class MergePrompt
{
    public const string System =
        SoraGuide.Role +
        "Task: apply SEVERAL enhancements to the user's Sora 2 prompt at once and return the whole revised prompt.\n" +
        MergeRules +
        "- Work each enhancement into the right part of the template (camera into Camera shot, light and colour into the " +
        "scene prose, motion into Actions) instead of appending sentences.\n" +
        EmptyPrompt +
        SoraGuide.Template + SoraGuide.Craft + PromptText.DataRule + SoraGuide.TextOutput;

    private const string MergeRules =
        // One call instead of one per card: cheaper, and the cards are balanced against each other instead of layered.
        "- Apply every enhancement listed; each comes from a different category (camera, lighting, style, ...).\n" +
        "- Keep the user's subject, setting, characters, actions and dialogue; change only what the enhancements ask for.\n" +
        // Sequential application tends to pile up adjectives; an explicit rule keeps the result coherent.
        "- Blend them into one coherent shot: where two enhancements pull against each other, favour the earlier one " +
        "and keep the other as a lighter touch. Do not repeat ideas.\n";

    private const string EmptyPrompt = "- If the prompt is empty, write a short new prompt built around the enhancements.\n\n";

    /// <summary>The system prompt for <paramref name="target"/>; <see cref="System"/> without one.</summary>
    public static string For(TargetProfile? target)
    {
        if (target is null)
        {
            return System;
        }

        var style = new TargetStyle(target);
        return TargetGuide.Role(style) +
            $"Task: apply SEVERAL enhancements to the user's {style.Name} prompt at once and return the whole revised prompt in the layout below.\n" +
            MergeRules + TargetGuide.Placement(style, "each enhancement") + EmptyPrompt +
            TargetGuide.Layout(style) + TargetGuide.Craft(style) + PromptText.DataRule + SoraGuide.TextOutput;
    }

    public static string BuildUserMessage(string currentPrompt, IReadOnlyList<EnhancementSpec> enhancements)
    {
        ArgumentNullException.ThrowIfNull(enhancements);
        var builder = new StringBuilder();
        builder.Append("Current prompt:\n");
        PromptText.AppendTagged(builder, "prompt", currentPrompt);
        PromptText.AppendEnhancements(builder, "Enhancements to apply", enhancements);
        return builder.ToString();
    }
}
