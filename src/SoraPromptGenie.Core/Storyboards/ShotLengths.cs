using System.Globalization;
using SoraPromptGenie.Core.Targets;
using SoraPromptGenie.Core.Text;

namespace SoraPromptGenie.Core.Storyboards;

/// <summary>
/// The lengths a shot may have, in whole seconds: the values of the target's duration parameter (<c>durationSeconds</c>,
/// <c>duration</c>, <c>video.duration</c> with its "s" suffix, Sora's <c>seconds</c>), or <see cref="MinSeconds"/> to
/// <see cref="MaxSeconds"/> without a target or for a target whose duration values are not known. <see cref="Plan"/> splits
/// a storyboard's length across its shots.
/// </summary>
public sealed class ShotLengths
{
    public const int DefaultShots = 4;
    public const int MinSeconds = 2;
    public const int MaxSeconds = 12;

    /// <summary>The shot length a storyboard without a total gets, or the allowed value nearest to it.</summary>
    public const int PreferredSeconds = 4;

    private static readonly string[] DurationNames = ["durationSeconds", "duration", "seconds"];

    private ShotLengths(IReadOnlyList<int> allowed, string owner, int? maxTotal = null, int? maxCount = null)
    {
        Allowed = allowed;
        Owner = owner;
        MaxTotal = maxTotal;
        MaxCount = maxCount;
    }

    /// <summary>For a target that takes every shot in one request: the longest storyboard that request makes.</summary>
    public int? MaxTotal { get; }

    /// <summary>For a target that takes a list of shots in one request: the most shots it takes.</summary>
    public int? MaxCount { get; }

    /// <summary>Every length a shot may have, ascending.</summary>
    public IReadOnlyList<int> Allowed { get; }

    public int Min => Allowed[0];

    public int Max => Allowed[^1];

    /// <summary>The allowed length nearest to <see cref="PreferredSeconds"/>, the longer on a tie.</summary>
    public int Default => Allowed.OrderBy(s => Math.Abs(s - PreferredSeconds)).ThenByDescending(s => s).First();

    /// <summary>Who sets the lengths, as messages name it: the target's id or "a storyboard".</summary>
    public string Owner { get; }

    public static ShotLengths For(TargetProfile? target)
    {
        if (target?.Multishot is { } way && StoryboardMode.IsSingleRequest(way.Mode) && way.MaxTotalSeconds is { } maxTotal)
        {
            // One request makes the whole storyboard: its duration parameter is the total, and a shot may be any length that fits.
            var longest = Math.Min(MaxSeconds, maxTotal);
            var shortest = StoryboardLimits.MinShotSeconds;
            return new ShotLengths([.. Enumerable.Range(shortest, longest - shortest + 1)], target.Id, maxTotal, way.MaxShots);
        }

        var values = (target is null ? null : DurationParameter(target))?.Values
            .Select(Seconds)
            .Where(s => s is >= StoryboardLimits.MinShotSeconds and <= StoryboardLimits.MaxShotSeconds)
            .Select(s => s!.Value)
            .Distinct()
            .Order()
            .ToList();
        return values is { Count: > 0 }
            ? new ShotLengths(values, target!.Id)
            : new ShotLengths([.. Enumerable.Range(MinSeconds, MaxSeconds - MinSeconds + 1)], target?.Id ?? "a storyboard");
    }

    /// <summary>The parameter that sets a video's length: <c>durationSeconds</c>, <c>duration</c> or Sora's <c>seconds</c>.</summary>
    public static TargetParameter? DurationParameter(TargetProfile target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Parameters.FirstOrDefault(p => DurationNames.Contains(p.Name, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>Whether a shot of <paramref name="seconds"/> is allowed.</summary>
    public bool Allows(int seconds) => Allowed.Contains(seconds);

    /// <summary>"4, 6 or 8 seconds", or "2 to 12 seconds" for a run of whole seconds.</summary>
    public string Describe() =>
        Allowed.Count > 3 && Max - Min == Allowed.Count - 1
            ? string.Create(CultureInfo.InvariantCulture, $"{Min} to {Max} seconds")
            : $"{Phrases.JoinOr(Allowed.Select(s => s.ToString(CultureInfo.InvariantCulture)))} seconds";

    /// <summary>
    /// The length of each shot. Without <paramref name="totalSeconds"/>, <paramref name="shots"/> (default
    /// <see cref="DefaultShots"/>) shots of <see cref="Default"/> seconds. With it, the shots share the total as evenly as
    /// the allowed lengths let them, the earlier shots taking what is left over; when no mix of allowed lengths adds up to
    /// the total exactly, the nearest one does and a warning says so. Without <paramref name="shots"/>, the count is
    /// <see cref="DefaultShots"/> if that can carry the total, else the nearest count that can. A total no count of
    /// shots can carry, or that the given count cannot, is the plan's error.
    /// </summary>
    public ShotPlan Plan(int? shots, int? totalSeconds)
    {
        if (OneRequestProblem(shots, totalSeconds) is { } problem)
        {
            return ShotPlan.Invalid(problem);
        }

        if (totalSeconds is not { } total)
        {
            var count = Math.Min(shots ?? DefaultShots, MaxCount ?? int.MaxValue);
            return MaxTotal is { } max && count * Default > max
                ? Split(count, max)
                : new ShotPlan([.. Enumerable.Repeat(Default, count)], []);
        }

        if (shots is { } given)
        {
            return total < given * Min || total > given * Max
                ? ShotPlan.Invalid(string.Create(
                    CultureInfo.InvariantCulture,
                    $"totalSeconds {total} cannot be split into {given} shots: each shot of {Owner} lasts {Describe()}, so {given} shots last {given * Min} to {given * Max} seconds."))
                : Split(given, total);
        }

        var fitting = total > DefaultShots * Max ? (total + Max - 1) / Max
            : total < DefaultShots * Min ? total / Min
            : DefaultShots;
        fitting = Math.Min(fitting, MaxCount ?? int.MaxValue);
        return fitting is < StoryboardLimits.MinShots or > StoryboardLimits.MaxShots
            ? ShotPlan.Invalid(string.Create(
                CultureInfo.InvariantCulture,
                $"totalSeconds must be from {StoryboardLimits.MinShots * Min} to {StoryboardLimits.MaxShots * Max}: a storyboard has {StoryboardLimits.MinShots} to {StoryboardLimits.MaxShots} shots, and each shot of {Owner} lasts {Describe()}."))
            : Split(fitting, total);
    }

    /// <summary>What a target that makes every shot in one request cannot carry: too many shots, or too long a total.</summary>
    private string? OneRequestProblem(int? shots, int? totalSeconds)
    {
        if (MaxCount is { } maxCount && shots > maxCount)
        {
            return string.Create(CultureInfo.InvariantCulture, $"shots {shots} is more than {Owner} takes in one request ({maxCount}).");
        }

        if (MaxTotal is { } maxTotal && (totalSeconds > maxTotal || (shots ?? StoryboardLimits.MinShots) * Min > maxTotal))
        {
            return string.Create(
                CultureInfo.InvariantCulture,
                $"{Owner} makes at most {maxTotal} seconds in one request, so the storyboard's shots must add up to {maxTotal} seconds or less.");
        }

        return null;
    }

    private ShotPlan Split(int count, int total)
    {
        var goal = NearestReachable(count, total);
        var seconds = Enumerable.Repeat(Allowed.Last(s => s * count <= goal), count).ToArray();
        var left = goal - seconds.Sum();
        for (var changed = true; left > 0 && changed;)
        {
            changed = false;
            for (var i = 0; i < count && left > 0; i++)
            {
                var next = Allowed.FirstOrDefault(s => s > seconds[i]);
                if (next > 0 && next - seconds[i] <= left)
                {
                    left -= next - seconds[i];
                    seconds[i] = next;
                    changed = true;
                }
            }
        }

        var warnings = seconds.Sum() == total
            ? Array.Empty<string>()
            : [string.Create(CultureInfo.InvariantCulture, $"totalSeconds {total} cannot be met exactly with {count} shots of {Describe()} ({Owner}); the storyboard lasts {seconds.Sum()} seconds.")];
        return new ShotPlan(seconds, warnings);
    }

    /// <summary>The sum of <paramref name="count"/> allowed lengths nearest to <paramref name="total"/>, the shorter on a tie.</summary>
    private int NearestReachable(int count, int total)
    {
        var sums = new HashSet<int> { 0 };
        for (var i = 0; i < count; i++)
        {
            sums = [.. sums.SelectMany(sum => Allowed.Select(s => sum + s))];
        }

        return sums.OrderBy(s => Math.Abs(s - total)).ThenBy(s => s).First();
    }

    /// <summary>"8", "8s" or "8 s" as 8; anything else (Seedance's "-1", "auto") as null.</summary>
    private static int? Seconds(string value)
    {
        var digits = value.Trim().TrimEnd('s', 'S').Trim();
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? seconds : null;
    }
}

/// <summary>The length of each shot, what the plan had to change (<see cref="Warnings"/>), or why there is no plan (<see cref="Error"/>).</summary>
public sealed record ShotPlan(IReadOnlyList<int> Seconds, IReadOnlyList<string> Warnings, string? Error = null)
{
    public int Count => Seconds.Count;

    public int TotalSeconds => Seconds.Sum();

    public static ShotPlan Invalid(string error) => new([], [], error);
}
