using System.Globalization;
using System.Text.Json;
using SoraPromptGenie.Core.Engines;
using SoraPromptGenie.Core.Text;

namespace SoraPromptGenie.Core.Storyboards;

/// <summary>
/// Reads a model's storyboard strictly: one JSON object (code fences or a sentence around it are tolerated) with
/// <c>continuity</c> and exactly the planned number of <c>shots</c>, each a prompt and a whole number of seconds the
/// target allows. The storyboard must pass <see cref="StoryboardCheck"/>, every shot must carry the setting and the look
/// word for word and each character's description wherever it names the character, and every prompt must fit the
/// target's limit. Anything else makes the answer unusable (<see cref="UpstreamFailure.Error"/>), which the engine treats
/// as that model's failure. Lengths that are allowed but do not add up to the planned total give way to the plan's.
/// </summary>
public static class StoryboardAnswer
{
    public const string UnusableMessage = "The language model's storyboard could not be used";

    public static (Storyboard Storyboard, IReadOnlyList<string> Warnings) Read(string? modelText, StoryboardDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var text = PromptCharacters.Strip(modelText ?? string.Empty);
        var start = text.IndexOf('{', StringComparison.Ordinal);
        var end = text.LastIndexOf('}');
        if (start < 0 || end < start)
        {
            throw Unusable("it holds no JSON object");
        }

        try
        {
            using var document = JsonDocument.Parse(text.AsMemory(start, end - start + 1));
            return Read(document.RootElement, draft);
        }
        catch (JsonException)
        {
            throw Unusable("it is not valid JSON");
        }
    }

    private static (Storyboard, IReadOnlyList<string>) Read(JsonElement root, StoryboardDraft draft)
    {
        if (!root.TryGetProperty("shots", out var shotsJson) || shotsJson.ValueKind != JsonValueKind.Array)
        {
            throw Unusable("it has no shots array");
        }

        if (!root.TryGetProperty("continuity", out var continuityJson) || continuityJson.ValueKind != JsonValueKind.Object)
        {
            throw Unusable("it has no continuity object");
        }

        var plan = draft.Plan;
        if (shotsJson.GetArrayLength() != plan.Count)
        {
            throw Unusable(string.Create(CultureInfo.InvariantCulture, $"it has {shotsJson.GetArrayLength()} shots, not {plan.Count}"));
        }

        var lengths = ShotLengths.For(draft.Target);
        var shots = new List<StoryboardShot>(plan.Count);
        foreach (var shot in shotsJson.EnumerateArray())
        {
            if (shot.ValueKind != JsonValueKind.Object
                || Text(shot, "prompt") is not { } prompt
                || !shot.TryGetProperty("seconds", out var secondsJson)
                || !secondsJson.TryGetInt32(out var seconds))
            {
                throw Unusable(string.Create(CultureInfo.InvariantCulture, $"shot {shots.Count + 1} needs a prompt and whole seconds"));
            }

            if (!lengths.Allows(seconds))
            {
                throw Unusable(string.Create(CultureInfo.InvariantCulture, $"shot {shots.Count + 1} lasts {seconds} seconds; {lengths.Owner} takes {lengths.Describe()}"));
            }

            shots.Add(new StoryboardShot(prompt, seconds, Text(shot, "camera"), Text(shot, "transition")));
        }

        var warnings = new List<string>();
        if (shots.Sum(s => s.Seconds) != plan.TotalSeconds)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"The model's shot lengths added up to {shots.Sum(s => s.Seconds)} seconds, not {plan.TotalSeconds}; the planned lengths are used."));
            shots = [.. shots.Select((s, i) => s with { Seconds = plan.Seconds[i] })];
        }

        var storyboard = new Storyboard(shots, Continuity(continuityJson), Target: draft.Target?.Id);
        if (StoryboardCheck.FirstProblem(storyboard) is { } problem)
        {
            throw Unusable(problem);
        }

        if ((ContinuityBreak(storyboard) ?? OverLimit(storyboard, draft)) is { } broken)
        {
            throw Unusable(broken);
        }

        return (storyboard, warnings);
    }

    private static StoryboardContinuity Continuity(JsonElement json)
    {
        var characters = new List<StoryboardCharacter>();
        if (json.TryGetProperty("characters", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var character in list.EnumerateArray())
            {
                if (character.ValueKind != JsonValueKind.Object || Text(character, "name") is not { } name || Text(character, "description") is not { } description)
                {
                    throw Unusable(string.Create(CultureInfo.InvariantCulture, $"character {characters.Count + 1} needs a name and a description"));
                }

                characters.Add(new StoryboardCharacter(name, description));
            }
        }

        return new StoryboardContinuity(characters, Text(json, "setting"), Text(json, "look"));
    }

    /// <summary>The first shot that leaves out the setting, the look, or the description of a character it names.</summary>
    private static string? ContinuityBreak(Storyboard storyboard)
    {
        for (var i = 0; i < storyboard.Shots.Count; i++)
        {
            var prompt = storyboard.Shots[i].Prompt;
            var missing = new[] { storyboard.Continuity.Setting, storyboard.Continuity.Look }
                .FirstOrDefault(text => text is not null && !prompt.Contains(text, StringComparison.Ordinal))
                ?? storyboard.Continuity.Characters
                    .Where(c => storyboard.ShotsNaming(c.Name).Contains(i) && !prompt.Contains(c.Description, StringComparison.Ordinal))
                    .Select(c => c.Description)
                    .FirstOrDefault();
            if (missing is not null)
            {
                return string.Create(CultureInfo.InvariantCulture, $"shot {i + 1} does not repeat \"{missing}\" word for word");
            }
        }

        return null;
    }

    private static string? OverLimit(Storyboard storyboard, StoryboardDraft draft)
    {
        if (draft.Target?.PromptLimit is not { } limit)
        {
            return null;
        }

        var over = storyboard.Shots.Select((s, i) => (s, i)).FirstOrDefault(x => !limit.Fits(x.s.Prompt));
        return over.s is null
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"shot {over.i + 1} is over {draft.Target.DisplayName}'s limit of {PromptLength.LimitText(limit)}");
    }

    private static string? Text(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!.Trim()
            : null;

    private static UpstreamException Unusable(string why) => new(UpstreamFailure.Error, $"{UnusableMessage}: {why}.");
}
