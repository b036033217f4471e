using System.Globalization;
using SoraPromptGenie.Core.Text;

namespace SoraPromptGenie.Core.Storyboards;

/// <summary>
/// Whether a storyboard someone sent may be used: shot count, sizes, unique character names, no unsafe characters.
/// Every endpoint that takes a storyboard answers its message as a 400 <c>validation_failed</c>.
/// </summary>
public static class StoryboardCheck
{
    /// <summary>Null when <paramref name="storyboard"/> may be used, else the first problem, naming the field as the JSON does.</summary>
    public static string? FirstProblem(Storyboard? storyboard, string field = "storyboard")
    {
        if (storyboard is null)
        {
            return $"{field} is required.";
        }

        if (storyboard.Shots is null || storyboard.Shots.Count is < StoryboardLimits.MinShots or > StoryboardLimits.MaxShots)
        {
            return $"{field}.shots must hold {StoryboardLimits.MinShots} to {StoryboardLimits.MaxShots} shots.";
        }

        return Text($"{field}.title", storyboard.Title, StoryboardLimits.MaxTitleLength, required: false)
            ?? Enumerable.Range(0, storyboard.Shots.Count).Select(i => ShotProblem($"{field}.shots[{i}]", storyboard.Shots[i])).FirstOrDefault(p => p is not null)
            ?? ContinuityProblem($"{field}.continuity", storyboard.Continuity);
    }

    private static string? ShotProblem(string field, StoryboardShot? shot)
    {
        if (shot is null)
        {
            return $"{field} is required.";
        }

        if (shot.Seconds is < StoryboardLimits.MinShotSeconds or > StoryboardLimits.MaxShotSeconds)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{field}.seconds must be {StoryboardLimits.MinShotSeconds} to {StoryboardLimits.MaxShotSeconds}.");
        }

        return Text($"{field}.prompt", shot.Prompt, StoryboardLimits.MaxShotPromptLength, required: true)
            ?? Text($"{field}.camera", shot.Camera, StoryboardLimits.MaxNoteLength, required: false)
            ?? Text($"{field}.transition", shot.Transition, StoryboardLimits.MaxNoteLength, required: false);
    }

    private static string? ContinuityProblem(string field, StoryboardContinuity? continuity)
    {
        if (continuity is null)
        {
            return null;
        }

        var characters = continuity.Characters ?? [];
        if (characters.Count > StoryboardLimits.MaxCharacters)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{field}.characters may hold at most {StoryboardLimits.MaxCharacters} characters.");
        }

        for (var i = 0; i < characters.Count; i++)
        {
            var character = characters[i];
            var problem = character is null
                ? $"{field}.characters[{i}] is required."
                : Text($"{field}.characters[{i}].name", character.Name, StoryboardLimits.MaxCharacterNameLength, required: true)
                    ?? Text($"{field}.characters[{i}].description", character.Description, StoryboardLimits.MaxDescriptionLength, required: true);
            if (problem is not null)
            {
                return problem;
            }
        }

        var repeated = characters.GroupBy(c => c.Name.Trim(), StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            return $"{field}.characters names {repeated.Key} twice; give each character one entry.";
        }

        return Text($"{field}.setting", continuity.Setting, StoryboardLimits.MaxContinuityTextLength, required: false)
            ?? Text($"{field}.look", continuity.Look, StoryboardLimits.MaxContinuityTextLength, required: false);
    }

    private static string? Text(string field, string? value, int max, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return required ? $"{field} is required." : null;
        }

        if (value.Length > max)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{field} must be at most {max:N0} characters.");
        }

        return PromptCharacters.Refusal(field, PromptCharacters.NormalizeLineBreaks(value));
    }
}
