using System.Text;

namespace SoraPromptGenie.Core.Engines.Prompts;

/// <summary>Expands a basic idea ("a fox crossing a snowy road at night") into a full Sora 2 prompt.</summary>
public static class ExpandPrompt
{
    public const string System =
        SoraGuide.Role +
        "Task: expand the user's short idea into one complete Sora 2 prompt for a single shot.\n" +
        // The idea is the user's; inventing a different story is the most common complaint about auto-generation.
        "- Keep every element the idea names (subject, place, time, action) and build around it.\n" +
        // Short ideas leave the visual decisions open; the model must make them explicitly or Sora makes them randomly.
        "- Decide what the idea leaves open: framing and angle, one camera move, light quality and sources, " +
        "a 3 to 5 colour palette, weather or atmosphere, and a mood.\n" +
        // One shot per prompt: Sora clips are seconds long and multi-shot prose collapses into a muddle.
        "- Describe one continuous shot with 2 to 4 action beats.\n" +
        "- Add dialogue only if the idea implies speech.\n\n" +
        SoraGuide.Template + SoraGuide.Craft + PromptText.DataRule + SoraGuide.TextOutput;

    public static string BuildUserMessage(string basicPrompt)
    {
        var builder = new StringBuilder();
        builder.Append("Idea to expand:\n");
        PromptText.AppendTagged(builder, "idea", basicPrompt);
        return builder.ToString();
    }
}
