namespace SoraPromptGenie.Ai.Caching;

/// <summary>An AI request body that can ask for a fresh answer (<c>"fresh": true</c>) instead of a cached one.</summary>
public interface IFreshRequest
{
    bool? Fresh { get; }
}

/// <summary>
/// Marks the current async flow as "do not answer from the cache" (the answer is still stored, replacing the old
/// one). The API sets it from <c>"fresh": true</c>; the Blazor studio wraps its "new suggestions" action in it.
/// </summary>
public static class LlmCacheBypass
{
    private static readonly AsyncLocal<bool> Requested = new();

    public static bool IsRequested => Requested.Value;

    public static Scope Begin() => new(Requested.Value);

    public readonly struct Scope : IDisposable
    {
        private readonly bool _previous;

        internal Scope(bool previous)
        {
            _previous = previous;
            Requested.Value = true;
        }

        public void Dispose() => Requested.Value = _previous;
    }
}

/// <summary>Applies <see cref="LlmCacheBypass"/> to endpoints whose body is an <see cref="IFreshRequest"/> with <c>fresh: true</c>.</summary>
public sealed class FreshRequestFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (!context.Arguments.OfType<IFreshRequest>().Any(r => r.Fresh == true))
        {
            return await next(context);
        }

        using (LlmCacheBypass.Begin())
        {
            return await next(context);
        }
    }
}
