using System.Globalization;
using SoraPromptGenie.Core.Targets;

namespace SoraPromptGenie.Studio;

/// <summary>
/// How long the prompt is in the unit its target counts, against the target's limit (none for a target without one):
/// "812 / 1,000 characters", "≈ 320 / 1,024 tokens" (tokens are estimated), "812 characters". The prompt is measured as
/// the request builder measures it, trimmed, so "over" here is what the export refuses or warns about.
/// </summary>
public sealed record PromptMeter(int Count, int? Max, string Unit, bool Verified = true)
{
    public bool Over => Count > Max;

    public bool Estimated => Unit == PromptLimitUnit.Tokens;

    public string Text
    {
        get
        {
            var prefix = Estimated ? "≈ " : "";
            var unit = PromptLimitUnit.Name(Unit);
            return Max is { } max
                ? string.Create(CultureInfo.InvariantCulture, $"{prefix}{Count:N0} / {max:N0} {unit}")
                : string.Create(CultureInfo.InvariantCulture, $"{prefix}{Count:N0} {unit}");
        }
    }

    /// <summary>What the limit means, for a tooltip.</summary>
    public string? Explanation => Max is not { } max ? null
        : string.Create(CultureInfo.InvariantCulture, $"The target takes at most {max:N0} {PromptLimitUnit.Name(Unit)}")
            + (Estimated ? $"; tokens are estimated at {PromptLimitUnit.CharactersPerToken} characters each" : "")
            + (Verified ? "." : " according to an unofficial source (unverified).");

    /// <summary>The prompt measured for <paramref name="target"/>; without a limit, its length in characters.</summary>
    public static PromptMeter For(string prompt, TargetProfile target)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(target);
        return target.PromptLimit is { } limit
            ? new PromptMeter(limit.Measure(prompt.Trim()), limit.Max, limit.Unit, limit.Verified)
            : new PromptMeter(prompt.Length, null, PromptLimitUnit.Characters);
    }
}
