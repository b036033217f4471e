namespace SoraPromptGenie.Core.Engines;

/// <summary>How an LLM call failed, mapped one-to-one onto the API's error codes.</summary>
public enum UpstreamFailure
{
    /// <summary>502 <c>upstream_error</c>: an error status or an unusable body.</summary>
    Error,

    /// <summary>502 <c>upstream_auth_failed</c>: the upstream rejected our key.</summary>
    AuthFailed,

    /// <summary>503 <c>upstream_unavailable</c>: rate-limited, circuit open, unreachable or not configured.</summary>
    Unavailable,

    /// <summary>504 <c>upstream_timeout</c>: no answer within the operation's budget.</summary>
    Timeout,
}

public sealed class UpstreamException : Exception
{
    public UpstreamException(UpstreamFailure failure, string message, int? upstreamStatus = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
        UpstreamStatus = upstreamStatus;
    }

    public UpstreamException()
        : this(UpstreamFailure.Error, "The language model failed.")
    {
    }

    public UpstreamException(string message)
        : this(UpstreamFailure.Error, message)
    {
    }

    public UpstreamException(string message, Exception innerException)
        : this(UpstreamFailure.Error, message, null, innerException)
    {
    }

    public UpstreamFailure Failure { get; }

    public int? UpstreamStatus { get; }

    /// <summary>How long the provider asked us to wait (its <c>Retry-After</c>), when it said.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>What was left of the operation's time budget when the engine gave up, when an engine set it.</summary>
    public TimeSpan? BudgetRemaining { get; internal set; }

    /// <summary>The API error code for this failure.</summary>
    public string Code => Failure switch
    {
        UpstreamFailure.AuthFailed => "upstream_auth_failed",
        UpstreamFailure.Unavailable => "upstream_unavailable",
        UpstreamFailure.Timeout => "upstream_timeout",
        _ => "upstream_error",
    };
}
