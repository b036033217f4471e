using System.Globalization;
using System.Text.Json.Nodes;
using SoraPromptGenie.Core.Targets;

namespace SoraPromptGenie.Core.Storyboards;

/// <summary>A ready request and the shots (numbered from 1) it carries.</summary>
public sealed record StoryboardRequest(IReadOnlyList<int> Shots, VideoExport Export);

/// <summary>
/// A storyboard exported for one target: <see cref="Requests"/> in the order to send them (none for a target without an
/// API), and the shot list as plain text for every target.
/// </summary>
public sealed record StoryboardExport(
    TargetProfile Target, string Mode, IReadOnlyList<StoryboardRequest> Requests, string ShotList, IReadOnlyList<string> Warnings);

public sealed record StoryboardExportResult(IReadOnlyList<string> Errors, StoryboardExport? Export);

/// <summary>
/// Exports a storyboard the way its target takes several shots (<see cref="TargetProfile.Multishot"/>): one request per
/// shot, one request with a list of shots (Kling's <c>multi_prompt</c>), one prompt with timecodes (Gemini Omni) or timed
/// beats (Seedance), or only a shot list. Every request is built by <see cref="VideoRequestBuilder"/>, so parameters are
/// checked against the profile and the curl command is the same safe one a single prompt gets.
/// </summary>
public sealed class StoryboardExporter(TargetCatalog catalog, VideoRequestBuilder builder)
{
    public StoryboardExportResult Export(Storyboard storyboard, string? targetId, IReadOnlyDictionary<string, string?>? parameters = null)
    {
        if (StoryboardCheck.FirstProblem(storyboard) is { } problem)
        {
            return Failed(problem);
        }

        var (target, unknown) = catalog.Named(targetId ?? storyboard.Target);
        if (target is null)
        {
            return Failed(unknown ?? "target is required.");
        }

        var chosen = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in storyboard.Parameters ?? new Dictionary<string, string>())
        {
            chosen[name] = value;
        }

        foreach (var (name, value) in parameters ?? new Dictionary<string, string?>())
        {
            chosen[name] = value;
        }

        var way = target.Multishot;
        var title = string.IsNullOrWhiteSpace(storyboard.Title) ? "Storyboard" : storyboard.Title;
        var shotList = StoryboardShotList.For(title, storyboard);
        var errors = new List<string>();
        var warnings = new List<string>();
        if (!way.Verified && way.Mode != StoryboardMode.ShotList)
        {
            warnings.Add($"How {target.DisplayName} takes several shots comes from unofficial sources (unverified): {way.Advice}");
        }

        var requests = way.Mode switch
        {
            StoryboardMode.ShotList => [],
            StoryboardMode.PerShot => PerShot(storyboard, target, chosen, errors),
            _ => OneRequest(storyboard, target, way, chosen, errors),
        };
        return errors.Count > 0
            ? new StoryboardExportResult(errors, null)
            : new StoryboardExportResult([], new StoryboardExport(target, way.Mode, requests, shotList, warnings));
    }

    /// <summary>Where each shot starts and ends, in seconds from the start of the storyboard.</summary>
    public static IReadOnlyList<(int Start, int End)> Times(Storyboard storyboard)
    {
        ArgumentNullException.ThrowIfNull(storyboard);
        var times = new List<(int, int)>(storyboard.Shots.Count);
        var start = 0;
        foreach (var shot in storyboard.Shots)
        {
            times.Add((start, start + shot.Seconds));
            start += shot.Seconds;
        }

        return times;
    }

    private List<StoryboardRequest> PerShot(
        Storyboard storyboard, TargetProfile target, Dictionary<string, string?> chosen, List<string> errors)
    {
        var requests = new List<StoryboardRequest>();
        for (var i = 0; i < storyboard.Shots.Count; i++)
        {
            var shot = storyboard.Shots[i];
            var values = WithDuration(target, chosen, shot.Seconds);
            var result = builder.Export(new VideoExportInput(target.Id, shot.Prompt, values));
            if (result.Succeeded)
            {
                requests.Add(new StoryboardRequest([i + 1], result.Export));
            }
            else
            {
                errors.AddRange(result.Errors.Select(e => $"Shot {i + 1}: {e}"));
            }
        }

        return requests;
    }

    private List<StoryboardRequest> OneRequest(
        Storyboard storyboard, TargetProfile target, TargetStoryboard way, Dictionary<string, string?> chosen, List<string> errors)
    {
        var count = storyboard.Shots.Count;
        var total = storyboard.TotalSeconds;
        if (way.MaxShots is { } maxShots && count > maxShots)
        {
            errors.Add($"{target.DisplayName} takes at most {maxShots} shots in one request; this storyboard has {count}. Remove or merge shots.");
        }

        if (way.MaxTotalSeconds is { } maxTotal && total > maxTotal)
        {
            errors.Add($"{target.DisplayName} makes at most {maxTotal} seconds in one request; this storyboard runs {total} seconds. Shorten its shots.");
        }

        if (errors.Count > 0)
        {
            return [];
        }

        var times = Times(storyboard);
        var prompt = way.Mode switch
        {
            StoryboardMode.Timecodes => string.Join('\n', storyboard.Shots.Select((s, i) => Invariant($"[{times[i].Start}-{times[i].End}s] {s.Prompt.Trim()}"))),
            StoryboardMode.Beats => string.Join('\n', storyboard.Shots.Select((s, i) => Invariant($"{times[i].Start}-{times[i].End}s: {s.Prompt.Trim()}"))),
            _ => storyboard.Shots[0].Prompt,
        };
        if (way.Mode == StoryboardMode.MultiPrompt)
        {
            CheckEachShotFits(storyboard, target, errors);
        }

        var result = builder.Export(new VideoExportInput(target.Id, prompt, WithDuration(target, chosen, total)));
        if (!result.Succeeded)
        {
            errors.AddRange(result.Errors);
            return [];
        }

        var export = way.Mode == StoryboardMode.MultiPrompt ? WithShotList(storyboard, target, result.Export) : result.Export;
        return [new StoryboardRequest([.. Enumerable.Range(1, count)], export)];
    }

    /// <summary>
    /// Kling's multi-shot request: <c>multi_shot</c> on, <c>shot_type</c> customize, and <c>multi_prompt</c> with each shot's
    /// index, prompt and duration; the top-level prompt is left empty, as the clients that send multi-shot requests do.
    /// </summary>
    private static VideoExport WithShotList(Storyboard storyboard, TargetProfile target, VideoExport export)
    {
        var body = (JsonObject)export.Body.DeepClone();
        JsonBodyPath.Set(body, target.Request!.PromptPath, JsonValue.Create(string.Empty));
        body["multi_shot"] = true;
        body["shot_type"] = "customize";
        var shots = new JsonArray();
        for (var i = 0; i < storyboard.Shots.Count; i++)
        {
            var shot = storyboard.Shots[i];
            shots.Add(new JsonObject
            {
                ["index"] = i + 1,
                ["prompt"] = shot.Prompt.Trim(),
                ["duration"] = shot.Seconds.ToString(CultureInfo.InvariantCulture),
            });
        }

        body["multi_prompt"] = shots;
        return VideoRequestBuilder.WithBody(export, body, []);
    }

    private static void CheckEachShotFits(Storyboard storyboard, TargetProfile target, List<string> errors)
    {
        if (target.PromptLimit is not { } limit)
        {
            return;
        }

        for (var i = 0; i < storyboard.Shots.Count; i++)
        {
            var size = limit.Measure(storyboard.Shots[i].Prompt.Trim());
            if (size > limit.Max)
            {
                errors.Add(Invariant($"Shot {i + 1} is {size:N0} {PromptLimitUnit.Name(limit.Unit)}; {target.DisplayName} takes at most {limit.Max:N0} per shot."));
            }
        }
    }

    /// <summary>The chosen parameters with the target's duration parameter set to <paramref name="seconds"/> in its own format.</summary>
    private static Dictionary<string, string?> WithDuration(TargetProfile target, Dictionary<string, string?> chosen, int seconds)
    {
        var values = new Dictionary<string, string?>(chosen, StringComparer.OrdinalIgnoreCase);
        if (ShotLengths.DurationParameter(target) is { } duration)
        {
            var plain = seconds.ToString(CultureInfo.InvariantCulture);
            values[duration.Name] = duration.Values.Any(v => v.EndsWith('s')) ? plain + "s" : plain;
        }

        return values;
    }

    private static StoryboardExportResult Failed(string error) => new([error], null);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
