using System.Text.RegularExpressions;

namespace SoraPromptGenie.Core.Storyboards;

/// <summary>
/// A scene as an ordered list of shots (<see cref="StoryboardLimits.MinShots"/> to <see cref="StoryboardLimits.MaxShots"/>)
/// and the continuity every shot repeats. Each shot's <see cref="StoryboardShot.Prompt"/> is the whole text sent for it:
/// continuity is written into the shots word for word, so what is shown is what is exported, and
/// <see cref="WithCharacter"/>, <see cref="WithSetting"/> and <see cref="WithLook"/> rewrite every shot that carries it.
/// </summary>
public sealed record Storyboard(
    IReadOnlyList<StoryboardShot> Shots,
    StoryboardContinuity Continuity,
    string? Title = null,
    string? Target = null,
    IReadOnlyDictionary<string, string>? Parameters = null)
{
    public int TotalSeconds => Shots.Sum(s => s.Seconds);

    /// <summary>The shots that name <paramref name="characterName"/> as a whole word, by index.</summary>
    public IEnumerable<int> ShotsNaming(string characterName) =>
        Enumerable.Range(0, Shots.Count).Where(i => StoryboardText.Names(Shots[i].Prompt, characterName));

    /// <summary>
    /// Gives character <paramref name="name"/> (added when new) <paramref name="description"/>: every shot that names the
    /// character and carried the old description now carries the new one; a shot that names it without any description
    /// gets the description after its first mention.
    /// </summary>
    public Storyboard WithCharacter(string name, string description)
    {
        var old = Continuity.Characters.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));
        var characters = old is null
            ? [.. Continuity.Characters, new StoryboardCharacter(name, description)]
            : Continuity.Characters.Select(c => c == old ? c with { Description = description } : c).ToList();
        var shots = Shots.Select(shot =>
        {
            if (!StoryboardText.Names(shot.Prompt, name))
            {
                return shot;
            }

            if (old is not null && old.Description.Length > 0 && shot.Prompt.Contains(old.Description, StringComparison.Ordinal))
            {
                return shot with { Prompt = shot.Prompt.Replace(old.Description, description, StringComparison.Ordinal) };
            }

            return shot.Prompt.Contains(description, StringComparison.Ordinal)
                ? shot
                : shot with { Prompt = StoryboardText.DescribeFirstMention(shot.Prompt, name, description) };
        }).ToList();
        return this with { Shots = shots, Continuity = Continuity with { Characters = characters } };
    }

    /// <summary>The setting becomes <paramref name="setting"/> in continuity and in every shot that carried the old one.</summary>
    public Storyboard WithSetting(string setting) =>
        this with
        {
            Shots = StoryboardText.ReplaceInShots(Shots, Continuity.Setting, setting),
            Continuity = Continuity with { Setting = setting },
        };

    /// <summary>The look becomes <paramref name="look"/> in continuity and in every shot that carried the old one.</summary>
    public Storyboard WithLook(string look) =>
        this with
        {
            Shots = StoryboardText.ReplaceInShots(Shots, Continuity.Look, look),
            Continuity = Continuity with { Look = look },
        };
}

/// <summary>One shot: the prompt sent for it, its length in whole seconds, and optional camera and transition notes.</summary>
public sealed record StoryboardShot(string Prompt, int Seconds, string? Camera = null, string? Transition = null);

/// <summary>What every shot repeats word for word: the named characters, the setting and the look (light, palette, style).</summary>
public sealed record StoryboardContinuity(IReadOnlyList<StoryboardCharacter> Characters, string? Setting = null, string? Look = null);

/// <summary>A named character and the fixed description every shot that names it carries.</summary>
public sealed record StoryboardCharacter(string Name, string Description);

/// <summary>The sizes a storyboard may have; the wire contract's limits.</summary>
public static class StoryboardLimits
{
    public const int MinShots = 2;
    public const int MaxShots = 12;
    public const int MaxShotPromptLength = 4_000;
    public const int MinShotSeconds = 1;
    public const int MaxShotSeconds = 60;
    public const int MaxNoteLength = 200;
    public const int MaxCharacters = 8;
    public const int MaxCharacterNameLength = 40;
    public const int MaxDescriptionLength = 300;
    public const int MaxContinuityTextLength = 500;
    public const int MaxTitleLength = 200;
}

internal static partial class StoryboardText
{
    public static bool Names(string prompt, string name) =>
        name.Length > 0 && Regex.IsMatch(prompt, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(name)}(?![\p{{L}}\p{{N}}])", RegexOptions.None, TimeSpan.FromSeconds(1));

    /// <summary>"Mara opens the door." becomes "Mara, a tall woman in a yellow raincoat, opens the door."</summary>
    public static string DescribeFirstMention(string prompt, string name, string description)
    {
        var match = Regex.Match(prompt, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(name)}(?![\p{{L}}\p{{N}}'’])", RegexOptions.None, TimeSpan.FromSeconds(1));
        if (!match.Success)
        {
            return $"{name}, {description}. {prompt}";
        }

        var end = match.Index + match.Length;
        var atSentenceEnd = end >= prompt.Length || prompt[end] is '.' or '!' or '?';
        var insert = atSentenceEnd ? $", {description}" : $", {description},";
        return prompt.Insert(end, insert);
    }

    public static IReadOnlyList<StoryboardShot> ReplaceInShots(IReadOnlyList<StoryboardShot> shots, string? oldText, string newText) =>
        string.IsNullOrEmpty(oldText)
            ? shots
            : shots.Select(s => s with { Prompt = s.Prompt.Replace(oldText, newText, StringComparison.Ordinal) }).ToList();
}
