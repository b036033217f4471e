using SoraPromptGenie.Core.Engines;
using SoraPromptGenie.Ops.RateLimiting;

namespace SoraPromptGenie.Ops;

public enum NoticeKind
{
    Info,
    Warning,
    Error,
}

/// <summary>A short message for the person at the keyboard; never raw JSON or exception text.</summary>
public sealed record StudioNotice(NoticeKind Kind, string Text)
{
    public static StudioNotice RateLimited(TimeSpan retryAfter) =>
        new(NoticeKind.Warning, $"Too many requests — try again in {FormatWait(retryAfter)}.");

    public static StudioNotice Upstream(UpstreamException failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return failure.Failure switch
        {
            UpstreamFailure.Timeout => new(NoticeKind.Error, "The language model took too long to answer. Your prompt is unchanged — try again."),
            UpstreamFailure.Unavailable => new(NoticeKind.Error, "The language model is unavailable right now. Your prompt is unchanged — try again in a minute."),
            UpstreamFailure.AuthFailed => new(NoticeKind.Error, "The language model refused this site's key. Your prompt is unchanged; please tell the site operator."),
            _ => new(NoticeKind.Error, "The language model sent an unusable answer. Your prompt is unchanged — try again."),
        };
    }

    /// <summary>The offline engine answered in the LLM's place; the result is usable, so this is a warning, not an error.</summary>
    public static StudioNotice Fallback(string reason) =>
        new(NoticeKind.Warning, $"LLM unavailable — answered by the offline engine ({reason.Replace('_', ' ')}).");

    public static StudioNotice Invalid(string message) => new(NoticeKind.Warning, message);

    /// <summary>What the engine changed to keep its answer a valid prompt for the target, such as cutting it to the limit.</summary>
    public static StudioNotice Changed(IReadOnlyList<string> warnings) => new(NoticeKind.Info, string.Join(" ", warnings));

    /// <summary>A removed card whose wording was no longer in the prompt: the mark is gone, the text is as it was.</summary>
    public static StudioNotice NothingToRemove(string cardTitle) =>
        new(NoticeKind.Info, $"{cardTitle} is no longer applied. Its wording was not found in the prompt, so the text is unchanged.");

    internal static string FormatWait(TimeSpan wait) => RateLimits.FormatWait(Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)));
}
