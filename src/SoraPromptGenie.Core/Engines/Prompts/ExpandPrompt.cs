using System.Text;
using SoraPromptGenie.Core.Targets;

namespace SoraPromptGenie.Core.Engines.Prompts;

/// <summary>Expands a basic idea ("a fox crossing a snowy road at night") into a full Sora 2 prompt.</summary>
public static class ExpandPrompt
{
    public const string System =
        SoraGuide.Role +
        "Task: expand the user's short idea into one complete Sora 2 prompt for a single shot.\n" +
        KeepIdea +
        // Short ideas leave the visual decisions open; the model must make them explicitly or Sora makes them randomly.
        "- Decide what the idea leaves open: framing and angle, one camera move, light quality and sources, " +
        "a 3 to 5 colour palette, weather or atmosphere, and a mood.\n" +
        // One shot per prompt: Sora clips are seconds long and multi-shot prose collapses into a muddle.
        "- Describe one continuous shot with 2 to 4 action beats.\n" +
        SpeechOnlyIfImplied +
        SoraGuide.Template + SoraGuide.Craft + PromptText.DataRule + SoraGuide.TextOutput;

    // The idea is the user's; inventing a different story is the most common complaint about auto-generation.
    private const string KeepIdea = "- Keep every element the idea names (subject, place, time, action) and build around it.\n";

    private const string SpeechOnlyIfImplied = "- Add dialogue only if the idea implies speech.\n\n";

    /// <summary>The system prompt for <paramref name="target"/>; <see cref="System"/> without one.</summary>
    public static string For(TargetProfile? target)
    {
        if (target is null)
        {
            return System;
        }

        var style = new TargetStyle(target);
        var sound = style.Sound == TargetSound.Section ? ", and the sound (ambience, effects, music)" : string.Empty;
        return TargetGuide.Role(style) +
            $"Task: expand the user's short idea into one complete {style.Name} prompt for a single shot, in the layout below.\n" +
            KeepIdea +
            "- Decide what the idea leaves open: framing and angle, one camera move, light quality and sources, " +
            $"a 3 to 5 colour palette, weather or atmosphere, and a mood{sound}.\n" +
            "- Describe one continuous shot with 2 to 4 actions in order.\n" +
            (style.Sound == TargetSound.None ? "\n" : SpeechOnlyIfImplied) +
            TargetGuide.Layout(style) + TargetGuide.Craft(style) + PromptText.DataRule + SoraGuide.TextOutput;
    }

    public static string BuildUserMessage(string basicPrompt)
    {
        var builder = new StringBuilder();
        builder.Append("Idea to expand:\n");
        PromptText.AppendTagged(builder, "idea", basicPrompt);
        return builder.ToString();
    }
}
