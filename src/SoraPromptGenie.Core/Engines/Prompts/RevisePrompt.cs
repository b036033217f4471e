using System.Text;
using SoraPromptGenie.Core.Targets;

namespace SoraPromptGenie.Core.Engines.Prompts;

/// <summary>
/// Swaps or takes out enhancement cards that are already worked into a prompt: a second card of a category replaces the
/// first, clicking an applied card removes it. Used instead of the enhance and merge prompts whenever a card comes out.
/// </summary>
public static class RevisePrompt
{
    public const string System =
        SoraGuide.Role +
        "Task: the user's Sora 2 prompt already contains what the enhancements listed under \"Take out\" added to it. " +
        TaskEnd +
        Rules +
        PromptText.DataRule + SoraGuide.TextOutput;

    private const string TaskEnd =
        "Take out each one's contribution, work in the enhancements listed under \"Apply\" (there may be none), " +
        "and return the whole revised prompt.\n";

    private const string Rules =
        // People edit the prompt by hand between cards and apply several cards; rewriting the whole text would silently
        // throw their lines and the other cards' details away.
        "- Change only the wording that the enhancements to take out contributed, and what the enhancements to apply " +
        "need. Keep every other sentence, line, label and detail exactly as written, including text the user wrote " +
        "and the details of other enhancements.\n" +
        // The category attribute pairs a new card with the one it replaces, so the new detail lands where the old was.
        "- An enhancement to apply with the same category as one to take out replaces it: put its detail where the old " +
        "one was.\n" +
        // A detail the user already deleted by hand must not come back, and nothing else may go in its place.
        "- If a contribution to take out is not in the prompt, leave the prompt unchanged for that enhancement.\n" +
        // Restructuring here would move the user's own lines around; the Structure action exists for that.
        "- Keep the prompt's layout: its paragraphs, labelled lines and template sections stay where they are.\n" +
        "- If nothing is left to describe after taking the contributions out, return the remaining text as it is.\n\n";

    /// <summary>
    /// The system prompt for <paramref name="target"/>; <see cref="System"/> without one. The layout stays the user's, so
    /// only the target's rules (sound, negatives, budget, its advice) are added.
    /// </summary>
    public static string For(TargetProfile? target)
    {
        if (target is null)
        {
            return System;
        }

        var style = new TargetStyle(target);
        return TargetGuide.Role(style) +
            $"Task: the user's {style.Name} prompt already contains what the enhancements listed under \"Take out\" added to it. " +
            TaskEnd + Rules + TargetGuide.Rules(style) + PromptText.DataRule + SoraGuide.TextOutput;
    }

    public static string BuildUserMessage(string currentPrompt, IReadOnlyList<EnhancementSpec> removing, IReadOnlyList<EnhancementSpec> applying)
    {
        ArgumentNullException.ThrowIfNull(removing);
        ArgumentNullException.ThrowIfNull(applying);
        var builder = new StringBuilder();
        builder.Append("Current prompt:\n");
        PromptText.AppendTagged(builder, "prompt", currentPrompt);
        PromptText.AppendEnhancements(builder, "Take out", removing);
        PromptText.AppendEnhancements(builder, "Apply", applying);
        return builder.ToString();
    }
}
