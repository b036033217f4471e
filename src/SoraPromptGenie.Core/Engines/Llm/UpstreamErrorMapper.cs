using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace SoraPromptGenie.Core.Engines.Llm;

/// <summary>
/// Maps whatever the chat client pipeline threw onto <see cref="UpstreamFailure"/>. The host's pipeline (OpenAI SDK over
/// HttpClient with Polly resilience) throws types this library cannot reference, so they are recognised by shape:
/// <c>ClientResultException</c> by its public <c>int Status</c> (and its raw response's <c>Retry-After</c>), Polly's
/// exceptions by type name.
/// </summary>
internal static class UpstreamErrorMapper
{
    /// <summary>Maps a failure of one model attempt. The caller's own cancellation is handled before this is called.</summary>
    public static UpstreamException Map(Exception exception, bool budgetExpired, DateTimeOffset? now = null)
    {
        if (exception is UpstreamException upstream)
        {
            return upstream;
        }

        if (budgetExpired)
        {
            return Timeout(exception, status: null);
        }

        foreach (var current in Chain(exception))
        {
            if (Classify(current) is { } mapped)
            {
                return mapped;
            }
        }

        return new UpstreamException(UpstreamFailure.Error, "The language model call failed.", null, exception);

        UpstreamException? Classify(Exception current)
        {
            if (HasTypeName(current, "BrokenCircuitException"))
            {
                return Unavailable(exception, status: null);
            }

            if (HasTypeName(current, "TimeoutRejectedException") || current is TimeoutException or OperationCanceledException)
            {
                // The caller did not cancel, so a cancellation here came from a timeout inside the pipeline.
                return Timeout(exception, status: null);
            }

            if (current is HttpRequestException http)
            {
                return http.StatusCode is { } code ? FromStatus((int)code, exception) : Unavailable(exception, status: null);
            }

            if (ReadStatus(current) is { } status and >= 400)
            {
                return status == 429
                    ? Unavailable(exception, status, ReadRetryAfter(current, now ?? DateTimeOffset.UtcNow))
                    : FromStatus(status, exception);
            }

            if (current is JsonException)
            {
                return new UpstreamException(UpstreamFailure.Error, "The language model returned an unreadable answer.", null, exception);
            }

            return null;
        }
    }

    public static CallOutcome OutcomeOf(UpstreamFailure failure) => failure switch
    {
        UpstreamFailure.AuthFailed => CallOutcome.AuthFailed,
        UpstreamFailure.Unavailable => CallOutcome.Unavailable,
        UpstreamFailure.Timeout => CallOutcome.Timeout,
        _ => CallOutcome.Error,
    };

    private static UpstreamException FromStatus(int status, Exception exception) => status switch
    {
        401 or 403 => new UpstreamException(UpstreamFailure.AuthFailed, "The language model provider rejected the API key.", status, exception),
        429 => Unavailable(exception, status),
        408 or 504 => Timeout(exception, status),
        _ => new UpstreamException(UpstreamFailure.Error, "The language model provider answered with an error.", status, exception),
    };

    private static UpstreamException Unavailable(Exception exception, int? status, TimeSpan? retryAfter = null) =>
        new(UpstreamFailure.Unavailable, "The language model provider is unavailable or rate-limiting requests.", status, exception)
        {
            RetryAfter = retryAfter,
        };

    /// <summary>
    /// The <c>Retry-After</c> of the response behind a <c>ClientResultException</c> (<c>GetRawResponse().Headers</c>), as
    /// delay-seconds or an HTTP date; null when there is none or it cannot be read.
    /// </summary>
    internal static TimeSpan? ReadRetryAfter(Exception exception, DateTimeOffset now)
    {
        var response = exception.GetType().GetMethod("GetRawResponse", BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes)
            ?.Invoke(exception, null);
        var headers = response?.GetType().GetProperty("Headers", BindingFlags.Public | BindingFlags.Instance)?.GetValue(response);
        var tryGetValue = headers?.GetType().GetMethod(
            "TryGetValue", BindingFlags.Public | BindingFlags.Instance, [typeof(string), typeof(string).MakeByRefType()]);
        if (tryGetValue is null)
        {
            return null;
        }

        object?[] arguments = ["Retry-After", null];
        return tryGetValue.Invoke(headers, arguments) is true && arguments[1] is string value ? ParseRetryAfter(value, now) : null;
    }

    internal static TimeSpan? ParseRetryAfter(string value, DateTimeOffset now)
    {
        var trimmed = value.Trim();
        if (long.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(Math.Min(seconds, (long)TimeSpan.FromDays(1).TotalSeconds));
        }

        return DateTimeOffset.TryParseExact(trimmed, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? (date > now ? date - now : TimeSpan.Zero)
            : null;
    }

    private static UpstreamException Timeout(Exception exception, int? status) =>
        new(UpstreamFailure.Timeout, "The language model did not answer in time.", status, exception);

    /// <summary>The exception, its inner exceptions and those of any aggregate, outermost first.</summary>
    private static IEnumerable<Exception> Chain(Exception exception)
    {
        var pending = new Queue<Exception>();
        pending.Enqueue(exception);
        for (var seen = 0; pending.Count > 0 && seen < 32; seen++)
        {
            var current = pending.Dequeue();
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Enqueue(inner);
                }
            }
            else if (current.InnerException is { } inner)
            {
                pending.Enqueue(inner);
            }
        }
    }

    private static bool HasTypeName(Exception exception, string name)
    {
        for (var type = exception.GetType(); type is not null; type = type.BaseType)
        {
            if (type.Name == name)
            {
                return true;
            }
        }

        return false;
    }

    private static int? ReadStatus(Exception exception)
    {
        var property = exception.GetType().GetProperty("Status", BindingFlags.Public | BindingFlags.Instance);
        return property is { PropertyType.FullName: "System.Int32", CanRead: true } && property.GetIndexParameters().Length == 0
            ? (int?)property.GetValue(exception)
            : null;
    }
}
