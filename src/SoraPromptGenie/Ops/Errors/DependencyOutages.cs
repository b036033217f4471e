using System.Collections.Immutable;

namespace SoraPromptGenie.Ops.Errors;

/// <summary>
/// An exception an area recognises (<c>Matches</c>) as one of its dependencies being out, answered 503 with its own
/// code and message; <c>Dependency</c> names it in the warning logged instead of an error-level stack trace.
/// </summary>
public sealed record DependencyOutage(string Dependency, string Code, string Message, Func<Exception, bool> Matches);

/// <summary>
/// The outages the areas have registered (Data: the database). Kept process-wide rather than in the container because
/// the Sentry event filter and the stream's closing error event classify exceptions outside any request's services;
/// registering the same code again is a no-op.
/// </summary>
public static class DependencyOutages
{
    private static ImmutableArray<DependencyOutage> _registered = [];

    public static void Register(DependencyOutage outage)
    {
        ArgumentNullException.ThrowIfNull(outage);
        ImmutableInterlocked.Update(ref _registered, list => list.Any(o => o.Code == outage.Code) ? list : list.Add(outage));
    }

    public static DependencyOutage? Find(Exception exception) => _registered.FirstOrDefault(o => o.Matches(exception));
}
