using SoraPromptGenie.Core.Targets;

namespace SoraPromptGenie.Core.Engines.Offline;

/// <summary>
/// The room an offline result has: the product's prompt limit in characters and, when a target with a prompt limit is
/// named, that limit in its own unit. <see cref="Over"/> is exact for characters and UTF-16 units and an estimate for
/// words and tokens, so callers shorten until <see cref="Fits"/> holds.
/// </summary>
internal sealed record OfflineBudget(int MaxChars, TargetPromptLimit? Limit)
{
    public bool Fits(string text) => text.Length <= MaxChars && FitsTarget(text);

    public bool FitsTarget(string text) => Limit?.Fits(text) ?? true;

    /// <summary>How many UTF-16 characters past the end of the longest prefix that fits <paramref name="text"/> runs.</summary>
    public int Over(string text) => Math.Max(
        text.Length - MaxChars,
        Limit is null ? 0 : text.Length - PromptLength.LongestPrefixWithin(text, Limit.Max, Limit.Unit));

    /// <summary><paramref name="text"/> cut at its last boundary within both limits.</summary>
    public string Cut(string text)
    {
        var cut = PromptLength.Shorten(text, MaxChars);
        return Limit is null ? cut : PromptLength.Shorten(cut, Limit);
    }

    /// <summary>The warning for a result that had to leave sentences out: the target's limit when that was the one hit.</summary>
    public string LeftOutWarning(TargetStyle style, bool targetLimitHit) =>
        targetLimitHit && Limit is not null
            ? PromptLength.TargetSentencesLeftOutWarning(style.Name, Limit)
            : PromptLength.SentencesLeftOutWarning(MaxChars);
}
