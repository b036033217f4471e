using System.Text;
using SoraPromptGenie.Core.Targets;

namespace SoraPromptGenie.Core.Engines.Prompts;

/// <summary>Rewrites an existing prompt into the Sora 2 template without changing what it describes.</summary>
public static class StructurePrompt
{
    public const string System =
        SoraGuide.Role +
        "Task: reorganise the user's existing Sora 2 prompt into the template below.\n" +
        // Structure is a formatting operation; users run it on prompts they already like, so content must survive.
        "- Preserve the content: keep every subject, detail, action, line of dialogue and stylistic choice.\n" +
        NoNewStory +
        // Beats are the main gain of structuring: a run-on sentence of actions becomes a timed list.
        "- Split run-on action descriptions into separate beats under Actions.\n" +
        "- Move any spoken lines, with who says them, under Dialogue; keep the wording.\n" +
        DropParameters +
        SoraGuide.Template + SoraGuide.Craft + PromptText.DataRule + SoraGuide.TextOutput;

    // Inventing details here would silently change the user's video.
    private const string NoNewStory =
        "- Do not add new story elements. Only fill a missing template part (such as Camera shot or Mood) with the " +
        "most neutral choice implied by the text.\n";

    // Request parameters in prose are dead weight and mislead users into thinking they work.
    private const string DropParameters =
        "- Drop statements of resolution, aspect ratio, duration or frame rate: they belong in the API request.\n\n";

    /// <summary>The system prompt for <paramref name="target"/>; <see cref="System"/> without one.</summary>
    public static string For(TargetProfile? target)
    {
        if (target is null)
        {
            return System;
        }

        var style = new TargetStyle(target);
        var builder = new StringBuilder();
        builder.Append(TargetGuide.Role(style))
            .Append("Task: reorganise the user's existing prompt into the ").Append(style.Name).Append(" layout below.\n")
            .Append("- Preserve the content: keep every subject, detail, action and stylistic choice")
            .Append(style.Sound == TargetSound.None ? ".\n" : ", and every line of dialogue with its wording.\n")
            .Append(style.Layout == TargetLayout.SoraTemplate
                ? NoNewStory
                : "- Do not add new story elements. Only fill a missing part of the layout (such as the camera) with the most neutral choice implied by the text.\n");
        builder.Append(style.Layout switch
        {
            TargetLayout.SoraTemplate =>
                "- Split run-on action descriptions into separate beats under Actions.\n" +
                "- Move any spoken lines, with who says them, under Dialogue; keep the wording.\n",
            TargetLayout.MotionFirst => "- Move the motion to the opening: what the subject does, then the camera move.\n",
            TargetLayout.SceneThenAudio =>
                $"- Move spoken lines (in double quotes, with who says them) and any sound into the {TargetStyle.AudioLabel} line.\n",
            _ => "- Order the prose: subject and action first, then setting, light and style, then the camera.\n",
        });
        if (style.Sound == TargetSound.None)
        {
            builder.Append("- Take out spoken lines and sounds: ").Append(style.Name).Append(" makes no sound.\n");
        }

        builder.Append(style.Negatives switch
        {
            NegativeMode.Field => $"- Take out sentences about what must not appear: they belong in the {style.Target.Negatives?.Path} field.\n",
            NegativeMode.Fold => "- Keep sentences about what must not appear as short \"No ...\" sentences after the picture description.\n",
            _ => "- Rephrase sentences about what must not appear as what should appear instead.\n",
        });
        builder.Append(DropParameters)
            .Append(TargetGuide.Layout(style)).Append(TargetGuide.Craft(style)).Append(PromptText.DataRule).Append(SoraGuide.TextOutput);
        return builder.ToString();
    }

    public static string BuildUserMessage(string prompt)
    {
        var builder = new StringBuilder();
        builder.Append("Prompt to restructure:\n");
        PromptText.AppendTagged(builder, "prompt", prompt);
        return builder.ToString();
    }
}
