using System.Runtime.CompilerServices;
using System.Text;
using SoraPromptGenie.Core.Catalog;
using SoraPromptGenie.Core.Engines;
using SoraPromptGenie.Core.Engines.Offline;
using SoraPromptGenie.Core.Targets;

namespace SoraPromptGenie.Core.Storyboards;

/// <summary>
/// The offline engine's storyboard: deterministic, from the idea's own words and the catalog. The idea's subject is the
/// character, the place it names the setting, and the look is one light, one palette and one style chosen as auto-generate
/// chooses them (<see cref="IdeaExpander"/>), written identically into every shot. Shots follow the beats of
/// <see cref="StoryBeats"/>, each with its own framing and move (<see cref="BeatCameras"/>) and a transition note. A shot
/// reads subject and action first (the character's name and description, then the idea as written, then the beat), then
/// the camera, the light and palette, and the style; a target that cuts by default is told to keep one shot, and a target
/// with sound gets an audio line.
/// </summary>
public sealed class OfflineStoryboardDrafter
{
    private static readonly ConditionalWeakTable<PromptCatalog, OfflineStoryboardDrafter> ByCatalog = [];
    private static readonly string[] LookCategories = ["lighting", "color-palette", "style"];

    private readonly IdeaExpander _expander;
    private readonly BeatCameras _cameras;

    private OfflineStoryboardDrafter(PromptCatalog catalog)
    {
        _expander = new IdeaExpander(catalog);
        _cameras = new BeatCameras(catalog);
    }

    /// <summary>The drafter for <paramref name="catalog"/>, built once per catalog.</summary>
    public static OfflineStoryboardDrafter For(PromptCatalog catalog) => ByCatalog.GetValue(catalog, c => new OfflineStoryboardDrafter(c));

    /// <summary>A storyboard of <paramref name="seconds"/>.Count shots of those lengths, written for <paramref name="target"/>.</summary>
    public EngineStoryboard Draft(string idea, IReadOnlyList<int> seconds, TargetProfile? target)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idea);
        ArgumentNullException.ThrowIfNull(seconds);
        var story = StoryIdea.Read(idea);
        var look = ShotProse.Write(_expander.Pick(idea).Where(c => LookCategories.Contains(c.Category, StringComparer.OrdinalIgnoreCase)));
        var beats = StoryBeats.For(seconds.Count);
        var cameras = _cameras.Choose(beats, IdeaTraits.Read(idea) | story.SubjectTraits);
        var style = target is null ? null : new TargetStyle(target);

        var shots = new List<StoryboardShot>(beats.Count);
        var developRound = 0;
        for (var i = 0; i < beats.Count; i++)
        {
            var beat = beats[i];
            var (angle, move) = cameras[i];
            var action = StoryBeats.Action(beat, story.Name, beat == StoryBeat.Develop ? developRound++ : 0);
            var prompt = Shot(story, action, ShotProse.Write([angle, move]), look, style);
            shots.Add(new StoryboardShot(prompt, seconds[i], $"{angle.Title}; {move.Title}", StoryBeats.Transition(i + 1 < beats.Count ? beats[i + 1] : null)));
        }

        var storyboard = new Storyboard(
            shots,
            new StoryboardContinuity([new StoryboardCharacter(story.Name, story.Description)], story.Setting, look),
            Target: target?.Id);
        var warnings = OverLimit(storyboard, target);
        return new EngineStoryboard(storyboard, EngineLabels.Offline, Warnings: warnings.Count > 0 ? warnings : null);
    }

    private static string Shot(StoryIdea story, string action, string camera, string look, TargetStyle? style)
    {
        var text = new StringBuilder();
        if (style is { CutsByDefault: true })
        {
            text.Append(TargetStyle.SingleShotOpening).Append(", no scene cuts. ");
        }

        text.Append(story.Name).Append(", ").Append(story.Description).Append(", ").Append(story.Rest).Append(". ")
            .Append(action).Append(' ').Append(camera).Append(' ').Append(look);
        if (style is { Sound: TargetSound.Section })
        {
            text.Append('\n').Append(TargetStyle.AudioLabel).Append(' ').Append(TargetStructurer.DefaultSound);
        }

        return text.ToString();
    }

    private static List<string> OverLimit(Storyboard storyboard, TargetProfile? target) =>
        target?.PromptLimit is { } limit && storyboard.Shots.Any(s => !limit.Fits(s.Prompt))
            ? [$"Some shots are over {target.DisplayName}'s prompt limit of {PromptLength.LimitText(limit)}; shorten the idea."]
            : [];
}
