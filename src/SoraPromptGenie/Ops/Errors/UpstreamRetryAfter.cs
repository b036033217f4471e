using System.Globalization;
using SoraPromptGenie.Core.Engines;

namespace SoraPromptGenie.Ops.Errors;

/// <summary>
/// The <c>Retry-After</c> of a 503 <c>upstream_unavailable</c>: the provider's own value when it gave one, else the time
/// until the open circuit lets a call through, else what was left of the operation's time budget; in whole seconds,
/// rounded up, from 1 to <see cref="MaxSeconds"/> so a provider's "come back tomorrow" does not park our clients for a day.
/// </summary>
public static class UpstreamRetryAfter
{
    public const int MaxSeconds = 300;

    public static int Seconds(UpstreamException failure, TimeSpan? circuitRemaining)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var wait = failure.RetryAfter ?? circuitRemaining ?? failure.BudgetRemaining ?? TimeSpan.Zero;
        return (int)Math.Clamp(Math.Ceiling(wait.TotalSeconds), 1, MaxSeconds);
    }

    public static string HeaderValue(UpstreamException failure, TimeSpan? circuitRemaining) =>
        Seconds(failure, circuitRemaining).ToString(CultureInfo.InvariantCulture);
}
