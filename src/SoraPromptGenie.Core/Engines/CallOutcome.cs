namespace SoraPromptGenie.Core.Engines;

/// <summary>How one engine call ended. <see cref="CallOutcomes.Name"/> is the text the log, metrics and ledger carry.</summary>
public enum CallOutcome
{
    /// <summary>The engine answered (a model, the offline engine as the configured one, or the cache).</summary>
    Ok,

    /// <summary>The offline engine answered in the LLM's place.</summary>
    Fallback,

    /// <summary>The caller stopped waiting (request aborted, or the stream was not read to its end).</summary>
    Cancelled,

    /// <summary>The model answered with an error status or an unusable body.</summary>
    Error,

    /// <summary>The provider rejected the API key.</summary>
    AuthFailed,

    /// <summary>Rate-limited, circuit open or unreachable.</summary>
    Unavailable,

    /// <summary>No answer within the operation's budget.</summary>
    Timeout,
}

public static class CallOutcomes
{
    private static readonly CallOutcome[] All = Enum.GetValues<CallOutcome>();

    /// <summary>The stored and logged name, e.g. <c>ok</c> or <c>auth_failed</c>.</summary>
    public static string Name(this CallOutcome outcome) => outcome switch
    {
        CallOutcome.Ok => "ok",
        CallOutcome.Fallback => "fallback",
        CallOutcome.Cancelled => "cancelled",
        CallOutcome.Error => "error",
        CallOutcome.AuthFailed => "auth_failed",
        CallOutcome.Unavailable => "unavailable",
        CallOutcome.Timeout => "timeout",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown call outcome."),
    };

    /// <summary>The outcome a stored name stands for; null for a name this version does not know.</summary>
    public static CallOutcome? FromName(string? name)
    {
        foreach (var outcome in All)
        {
            if (string.Equals(outcome.Name(), name, StringComparison.Ordinal))
            {
                return outcome;
            }
        }

        return null;
    }

    /// <summary>Whether the caller got an answer: from a model, the cache or the offline engine.</summary>
    public static bool Answered(this CallOutcome outcome) => outcome is CallOutcome.Ok or CallOutcome.Fallback;
}
