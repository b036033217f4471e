using System.Globalization;
using System.Text;

namespace SoraPromptGenie.Core.Storyboards;

/// <summary>
/// A storyboard as plain text to paste anywhere: the title as a heading, the continuity as a list, then the numbered shots
/// with where they start and end, camera and transition notes, in light Markdown that reads the same unrendered. It is the
/// shared page's copy and the export for a target without an API.
/// </summary>
public static class StoryboardShotList
{
    public static string For(string title, Storyboard storyboard)
    {
        ArgumentNullException.ThrowIfNull(storyboard);
        var text = new StringBuilder();
        text.Append("# ").Append(OneLine(title)).Append('\n');
        text.Append(Invariant($"{storyboard.Shots.Count} shots, {storyboard.TotalSeconds} seconds")).Append('\n');

        var continuity = storyboard.Continuity;
        var characters = continuity?.Characters ?? [];
        if (characters.Count > 0 || !string.IsNullOrWhiteSpace(continuity?.Setting) || !string.IsNullOrWhiteSpace(continuity?.Look))
        {
            text.Append("\n## Continuity\n");
            foreach (var character in characters)
            {
                text.Append("- ").Append(OneLine(character.Name)).Append(": ").Append(OneLine(character.Description)).Append('\n');
            }

            AppendNote(text, "- Setting", continuity?.Setting);
            AppendNote(text, "- Look", continuity?.Look);
        }

        text.Append("\n## Shots\n");
        var start = 0;
        for (var i = 0; i < storyboard.Shots.Count; i++)
        {
            var shot = storyboard.Shots[i];
            text.Append('\n').Append(Invariant($"{i + 1}. ({start}-{start + shot.Seconds} s) ")).Append(Indented(shot.Prompt)).Append('\n');
            start += shot.Seconds;
            AppendNote(text, "   Camera", shot.Camera);
            AppendNote(text, "   Transition", shot.Transition);
        }

        return text.ToString();
    }

    private static void AppendNote(StringBuilder text, string label, string? note)
    {
        if (!string.IsNullOrWhiteSpace(note))
        {
            text.Append(label).Append(": ").Append(OneLine(note)).Append('\n');
        }
    }

    /// <summary>Later lines of a shot's prompt stay inside its list item.</summary>
    private static string Indented(string prompt) =>
        prompt.Trim().ReplaceLineEndings("\n").Replace("\n", "\n   ", StringComparison.Ordinal);

    private static string OneLine(string value) => string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
