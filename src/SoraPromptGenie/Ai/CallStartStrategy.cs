using System.Diagnostics;
using Polly;

namespace SoraPromptGenie.Ai;

/// <summary>
/// The outermost stage of a model call's resilience pipeline: notes when the call began, so the retry stage can tell how
/// much of the operation's budget is left before it waits for an upstream's Retry-After.
/// </summary>
internal sealed class CallStartStrategy : ResilienceStrategy<HttpResponseMessage>
{
    private static readonly ResiliencePropertyKey<long> StartedKey = new("spg.call-started");

    /// <summary>Time since the pipeline began this call; zero when it did not pass through this stage.</summary>
    public static TimeSpan Elapsed(ResilienceContext context) =>
        context.Properties.TryGetValue(StartedKey, out var started) ? Stopwatch.GetElapsedTime(started) : TimeSpan.Zero;

    protected override ValueTask<Outcome<HttpResponseMessage>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback,
        ResilienceContext context,
        TState state)
    {
        context.Properties.Set(StartedKey, Stopwatch.GetTimestamp());
        return callback(context, state);
    }
}

internal sealed class CallStartOptions : ResilienceStrategyOptions
{
    public CallStartOptions() => Name = "call-start";
}
