using System.Globalization;
using System.Text;
using SoraPromptGenie.Core.Targets;

namespace SoraPromptGenie.Core.Engines.Prompts;

/// <summary>Drafts a storyboard: an idea becomes a fixed number of shots of given lengths that share continuity word for word.</summary>
public static class StoryboardPrompt
{
    public const string System =
        SoraGuide.Role +
        "Task: turn the user's idea into a storyboard for Sora 2: the given number of shots, each a complete prompt for one " +
        "shot of the given length, telling the idea in order.\n" +
        StoryRules + SoraGuide.Craft + PromptText.DataRule + OutputContract;

    private const string StoryRules =
        // The idea is the user's; shots that tell another story are the most common complaint about auto-generation.
        "- Keep every element the idea names (subject, place, time, action) and tell it across the shots: establish, " +
        "develop, turn, resolve.\n" +
        // Each shot is generated on its own, so a shot can only look like the others if it repeats what they share.
        "- Continuity: give each character a name and one fixed description, name the setting and the look (light, palette, " +
        "style) once, then write them into every shot WORD FOR WORD: a shot that shows a character writes its name followed by " +
        "its description; every shot contains the setting and the look exactly as written in continuity.\n" +
        // One move per shot is what the models follow; the note fields let an editor see the plan at a glance.
        "- Each shot has exactly one camera move; put it in the prompt and, in a few words, in \"camera\". Put how the shot " +
        "hands over to the next one in \"transition\" (for example \"cut on the turn of the head\"), never in the prompt.\n" +
        "- Each prompt is plain prose: subject and action first, then the setting, the camera, the light and palette, and the style.\n" +
        "- Use the shot lengths given, in order.\n\n";

    private const string OutputContract =
        "Output contract:\n" +
        // The answer is parsed by a program and checked: a shot count, a length or continuity that does not match is refused.
        "- Answer with a JSON object only, no prose and no code fences:\n" +
        "{\"continuity\": {\"characters\": [{\"name\": \"...\", \"description\": \"...\"}], \"setting\": \"...\", \"look\": \"...\"}, " +
        "\"shots\": [{\"prompt\": \"...\", \"seconds\": 4, \"camera\": \"...\", \"transition\": \"...\"}]}\n" +
        "- Exactly the number of shots requested, each with the seconds given for it.\n" +
        "- Write in the language of the user's idea (English if unclear).";

    /// <summary>The system prompt for <paramref name="target"/>; <see cref="System"/> without one.</summary>
    public static string For(TargetProfile? target)
    {
        if (target is null)
        {
            return System;
        }

        var style = new TargetStyle(target);
        var shots = style.CutsByDefault
            ? $"- Open every prompt with \"{TargetStyle.SingleShotOpening},\": each shot is generated on its own.\n"
            : string.Empty;
        var sound = style.Sound switch
        {
            TargetSound.None => $"- {style.Name} makes silent video: no dialogue, sound effects or music in any shot.\n",
            TargetSound.Section => $"- End each prompt with a line \"{TargetStyle.AudioLabel}\" describing what is heard in that shot.\n",
            _ => string.Empty,
        };
        return TargetGuide.Role(style) +
            $"Task: turn the user's idea into a storyboard for {style.Name}: the given number of shots, each a complete prompt " +
            "for one shot of the given length, telling the idea in order.\n" +
            StoryRules + shots + sound + "\n" +
            TargetGuide.Rules(style) + PromptText.DataRule + OutputContract;
    }

    /// <summary>The idea in its tag, then the number of shots and the length of each, in order.</summary>
    public static string BuildUserMessage(string idea, IReadOnlyList<int> seconds)
    {
        ArgumentNullException.ThrowIfNull(seconds);
        var builder = new StringBuilder();
        builder.Append("Idea for the storyboard:\n");
        PromptText.AppendTagged(builder, "idea", idea);
        builder.Append(CultureInfo.InvariantCulture, $"\nShots: {seconds.Count}\n");
        builder.Append("Seconds per shot, in order: ").AppendJoin(", ", seconds.Select(s => s.ToString(CultureInfo.InvariantCulture))).Append('\n');
        return builder.ToString();
    }
}
