using System.Globalization;
using SoraPromptGenie.Core.Lint;
using SoraPromptGenie.Core.Targets;
using SoraPromptGenie.Core.Text;

namespace SoraPromptGenie.Core.Storyboards;

/// <summary>The storyboard's own rules, beside each shot's prompt rules.</summary>
public static class StoryboardLintRules
{
    /// <summary>A shot names a character without its continuity description, word for word.</summary>
    public const string Character = "storyboard-character";

    /// <summary>A shot's length is not one the target makes.</summary>
    public const string ShotLength = "storyboard-shot-length";

    /// <summary>The storyboard runs longer than the target makes in the one request that carries it.</summary>
    public const string TotalLength = "storyboard-total-length";

    /// <summary>More shots than the target takes in one request.</summary>
    public const string ShotCount = "storyboard-shot-count";

    /// <summary>A shot names more than one camera move.</summary>
    public const string CameraMoves = "storyboard-camera-moves";
}

/// <summary>A storyboard rule's finding and the shots (numbered from 1) it is about.</summary>
public sealed record StoryboardFinding(string Rule, string Severity, string Message, IReadOnlyList<int> Shots);

/// <summary>
/// The storyboard's score, its own findings and each shot's report. The score is the shots' average less
/// <see cref="StoryboardLinter.WarningCost"/> per storyboard warning and <see cref="StoryboardLinter.ErrorCost"/> per error.
/// </summary>
public sealed record StoryboardLintReport(int Score, IReadOnlyList<StoryboardFinding> Findings, IReadOnlyList<LintReport> Shots);

/// <summary>
/// Lints a storyboard for a target: every shot with <see cref="PromptLinter"/>, then the rules only a sequence has: a
/// character described differently, shot lengths the target does not make, a total or a shot count over what its one
/// request carries, and shots with two camera moves.
/// </summary>
public sealed class StoryboardLinter(PromptLinter linter)
{
    public const int WarningCost = 8;
    public const int ErrorCost = 20;

    public StoryboardLintReport Lint(Storyboard storyboard, TargetProfile? target)
    {
        ArgumentNullException.ThrowIfNull(storyboard);
        var shots = storyboard.Shots.Select(s => linter.Lint(s.Prompt, target)).ToList();
        var findings = new List<StoryboardFinding>();
        CheckCharacters(storyboard, findings);
        CheckCameraMoves(shots, findings);
        if (target is not null)
        {
            CheckLengths(storyboard, target, findings);
        }

        var average = shots.Count == 0 ? 0 : (int)Math.Round(shots.Average(r => r.Score), MidpointRounding.AwayFromZero);
        var cost = findings.Sum(f => f.Severity switch { LintSeverity.Error => ErrorCost, LintSeverity.Warning => WarningCost, _ => 0 });
        return new StoryboardLintReport(Math.Clamp(average - cost, 0, 100), findings, shots);
    }

    private static void CheckCharacters(Storyboard storyboard, List<StoryboardFinding> findings)
    {
        foreach (var character in storyboard.Continuity.Characters)
        {
            var naming = storyboard.ShotsNaming(character.Name).ToList();
            var differing = naming.Where(i => !storyboard.Shots[i].Prompt.Contains(character.Description, StringComparison.Ordinal)).ToList();
            if (differing.Count == 0)
            {
                continue;
            }

            var carrying = naming.Except(differing).ToList();
            var others = carrying.Count == 0 ? "no shot carries it" : $"{Shots(carrying)} {(carrying.Count == 1 ? "carries" : "carry")} it";
            findings.Add(new StoryboardFinding(
                StoryboardLintRules.Character,
                LintSeverity.Warning,
                $"{Capitalized(Shots(differing))} {(differing.Count == 1 ? "names" : "name")} {character.Name} without the continuity description "
                + $"\u201c{character.Description}\u201d ({others}); describe {character.Name} the same way in every shot.",
                Numbers(differing)));
        }
    }

    private static void CheckCameraMoves(List<LintReport> shots, List<StoryboardFinding> findings)
    {
        var twoMoves = Enumerable.Range(0, shots.Count)
            .Where(i => shots[i].Findings.Any(f => f is { Rule: LintRules.CameraMove, Severity: LintSeverity.Warning }))
            .ToList();
        if (twoMoves.Count > 0)
        {
            findings.Add(new StoryboardFinding(
                StoryboardLintRules.CameraMoves,
                LintSeverity.Warning,
                $"{Capitalized(Shots(twoMoves))} {(twoMoves.Count == 1 ? "names" : "name")} more than one camera move; keep one move per shot and cut between them.",
                Numbers(twoMoves)));
        }
    }

    private static void CheckLengths(Storyboard storyboard, TargetProfile target, List<StoryboardFinding> findings)
    {
        var way = target.Multishot;
        var oneRequest = StoryboardMode.IsSingleRequest(way.Mode);
        var severity = way.Verified ? LintSeverity.Error : LintSeverity.Warning;
        if (oneRequest && way.MaxShots is { } maxShots && storyboard.Shots.Count > maxShots)
        {
            findings.Add(new StoryboardFinding(
                StoryboardLintRules.ShotCount,
                severity,
                Invariant($"{target.DisplayName} takes at most {maxShots} shots in one request; this storyboard has {storyboard.Shots.Count}."),
                []));
        }

        if (oneRequest && way.MaxTotalSeconds is { } maxTotal && storyboard.TotalSeconds > maxTotal)
        {
            findings.Add(new StoryboardFinding(
                StoryboardLintRules.TotalLength,
                severity,
                Invariant($"The storyboard runs {storyboard.TotalSeconds} s; {target.DisplayName} makes at most {maxTotal} s in one request."),
                []));
        }

        if (oneRequest || ShotLengths.DurationParameter(target) is not { } duration)
        {
            return;
        }

        var lengths = ShotLengths.For(target);
        var wrong = Enumerable.Range(0, storyboard.Shots.Count).Where(i => !lengths.Allows(storyboard.Shots[i].Seconds)).ToList();
        if (wrong.Count > 0)
        {
            var tooLong = wrong.Any(i => storyboard.Shots[i].Seconds > lengths.Max);
            findings.Add(new StoryboardFinding(
                StoryboardLintRules.ShotLength,
                duration.Verified ? LintSeverity.Error : LintSeverity.Warning,
                $"{Capitalized(Shots(wrong))} {(wrong.Count == 1 ? "has a length" : "have lengths")} {target.DisplayName} does not make; each shot lasts "
                + lengths.Describe() + (tooLong ? Invariant($" (at most {lengths.Max} s).") : "."),
                Numbers(wrong)));
        }
    }

    private static List<int> Numbers(IEnumerable<int> indexes) => [.. indexes.Select(i => i + 1)];

    private static string Shots(List<int> indexes) =>
        (indexes.Count == 1 ? "shot " : "shots ") + Phrases.JoinAnd(indexes.Select(i => (i + 1).ToString(CultureInfo.InvariantCulture)));

    private static string Capitalized(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
