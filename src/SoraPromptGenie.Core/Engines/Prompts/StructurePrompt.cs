using System.Text;

namespace SoraPromptGenie.Core.Engines.Prompts;

/// <summary>Rewrites an existing prompt into the Sora 2 template without changing what it describes.</summary>
public static class StructurePrompt
{
    public const string System =
        SoraGuide.Role +
        "Task: reorganise the user's existing Sora 2 prompt into the template below.\n" +
        // Structure is a formatting operation; users run it on prompts they already like, so content must survive.
        "- Preserve the content: keep every subject, detail, action, line of dialogue and stylistic choice.\n" +
        // Inventing details here would silently change the user's video.
        "- Do not add new story elements. Only fill a missing template part (such as Camera shot or Mood) with the " +
        "most neutral choice implied by the text.\n" +
        // Beats are the main gain of structuring: a run-on sentence of actions becomes a timed list.
        "- Split run-on action descriptions into separate beats under Actions.\n" +
        "- Move any spoken lines, with who says them, under Dialogue; keep the wording.\n" +
        // Request parameters in prose are dead weight and mislead users into thinking they work.
        "- Drop statements of resolution, aspect ratio, duration or frame rate: they belong in the API request.\n\n" +
        SoraGuide.Template + SoraGuide.Craft + PromptText.DataRule + SoraGuide.TextOutput;

    public static string BuildUserMessage(string prompt)
    {
        var builder = new StringBuilder();
        builder.Append("Prompt to restructure:\n");
        PromptText.AppendTagged(builder, "prompt", prompt);
        return builder.ToString();
    }
}
