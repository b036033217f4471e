using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using SoraPromptGenie.Ops.Errors;
using SoraPromptGenie.Ops.Redis;
using SoraPromptGenie.Ops.Security;
using SoraPromptGenie.Ops.Telemetry;
using StackExchange.Redis;

namespace SoraPromptGenie.Ops.RateLimiting;

/// <summary>
/// Per-client limits through ASP.NET Core's rate limiting middleware: the general limit on every /api route except
/// health (global limiter) and on endpoints outside /api that opt in (the <see cref="General"/> policy, same counter),
/// and an AI limit per AI endpoint (the <see cref="Ai"/> policy), all counted by <see cref="WindowCounter"/> so the
/// Blazor UI can count its AI and library actions against the same numbers.
/// </summary>
public static partial class RateLimits
{
    public const string General = "general";
    public const string Ai = "ai";

    public static IServiceCollection AddClientRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<RateLimitingOptions>().BindConfiguration(RateLimitingOptions.SectionName);
        services.AddHttpContextAccessor();
        services.AddSingleton<MemoryRateLimitCounterStore>();

        // Shared counters when REDIS_URL is set (AddRedis registered the multiplexer), else in process.
        services.AddSingleton<IRateLimitCounterStore>(sp => sp.GetService<IConnectionMultiplexer>() is { } redis
            ? ActivatorUtilities.CreateInstance<RedisRateLimitCounterStore>(sp, redis)
            : sp.GetRequiredService<MemoryRateLimitCounterStore>());
        services.AddSingleton<WindowCounter>();
        services.AddSingleton<ClientRateLimiter>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<ClientRateLimiter>((options, limiter) =>
        {
            RateLimitPartition<string> GeneralPartition(HttpContext context) => limiter.Partition(context, General, General);
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsLimited(context) ? GeneralPartition(context) : RateLimitPartition.GetNoLimiter(string.Empty));
            options.AddPolicy(Ai, context => limiter.Partition(context, Ai, EndpointScope(context)));

            // For endpoints outside /api that spend the same general budget (the studio's sign-in form post).
            options.AddPolicy(General, GeneralPartition);
            options.OnRejected = (rejected, _) => new ValueTask(OnRejectedAsync(rejected.HttpContext));
        });
        return services;
    }

    /// <summary>Writes the RateLimit-* headers of the tightest decision made for this request.</summary>
    public static IApplicationBuilder UseRateLimitHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(static state =>
        {
            var context = (HttpContext)state;
            if (context.Features.Get<RateLimitHeadersFeature>()?.Tightest is { } decision)
            {
                WriteHeaders(context.Response.Headers, decision);
            }

            return Task.CompletedTask;
        }, context);
        return next(context);
    });

    public static void WriteHeaders(IHeaderDictionary headers, RateLimitDecision decision)
    {
        var limit = decision.Limit.ToString(CultureInfo.InvariantCulture);
        var remaining = decision.Remaining.ToString(CultureInfo.InvariantCulture);
        var reset = ((int)Math.Ceiling(decision.Reset.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-Limit"] = limit;
        headers["RateLimit-Remaining"] = remaining;
        headers["RateLimit-Reset"] = reset;
        headers["X-RateLimit-Limit"] = limit;
        headers["X-RateLimit-Remaining"] = remaining;
        headers["X-RateLimit-Reset"] = DateTimeOffset.UtcNow.Add(decision.Reset).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        if (!decision.Allowed)
        {
            headers.RetryAfter = reset;
        }
    }

    /// <summary>
    /// The AI limit's scope: the route pattern of the endpoint that matched, so every spelling routing accepts
    /// (<c>/API/Structure-prompt</c>, a trailing slash) counts against one budget, the one the studio's same action uses.
    /// </summary>
    internal static string EndpointScope(HttpContext context) => context.GetEndpoint() switch
    {
        RouteEndpoint { RoutePattern.RawText: { } pattern } => "/" + pattern.Trim('/'),
        { DisplayName: { } name } => name,
        _ => Ai,
    };

    private static bool IsLimited(HttpContext context) => GeneralLimitApplies(context.Request.Path);

    /// <summary>Whether the global limiter counts requests to <paramref name="path"/>.</summary>
    public static bool GeneralLimitApplies(PathString path) => path.StartsWithSegments("/api") && !path.StartsWithSegments("/api/health");

    private static Task OnRejectedAsync(HttpContext context)
    {
        var decision = context.Features.Get<RateLimitHeadersFeature>()?.Rejected;
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RateLimits));
        var retryAfterSeconds = (int)Math.Ceiling(decision?.Reset.TotalSeconds ?? 60);
        AppMetrics.RateLimitRejected(decision?.Policy ?? "unknown");
        RequestRejected(logger, decision?.Policy ?? "unknown", context.ClientAddress().ToString(), context.Request.Method, context.Request.Path, retryAfterSeconds);
        var message = $"Too many requests. Try again in {FormatWait(retryAfterSeconds)}.";
        if (!ApiErrorWriter.IsApi(context))
        {
            // A browser's form post: the status and Retry-After say it, a sentence shows it.
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.ContentType = "text/plain; charset=utf-8";
            return context.Response.WriteAsync(message, context.RequestAborted);
        }

        return ApiErrorWriter.WriteAsync(context, StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited, message);
    }

    internal static string FormatWait(int seconds) =>
        seconds >= 120 ? $"{(int)Math.Ceiling(seconds / 60.0)} minutes" : seconds == 1 ? "1 second" : $"{seconds} seconds";

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Request rejected by rate limit {Policy} for client {ClientAddress} on {Method} {Path}; retry after {RetryAfterSeconds}s")]
    private static partial void RequestRejected(ILogger logger, string policy, string clientAddress, string method, string path, int retryAfterSeconds);
}

/// <summary>The decisions made for one request, so the response can report them.</summary>
public sealed class RateLimitHeadersFeature
{
    private readonly Lock _gate = new();

    public RateLimitDecision? Tightest { get; private set; }

    public RateLimitDecision? Rejected { get; private set; }

    public void Record(RateLimitDecision decision)
    {
        lock (_gate)
        {
            if (!decision.Allowed)
            {
                Rejected = decision;
                Tightest = decision;
            }
            else if (Rejected is null && (Tightest is null || decision.Remaining < Tightest.Remaining))
            {
                Tightest = decision;
            }
        }
    }
}

/// <summary>
/// Hands out rate limiter partitions keyed by policy, scope and client (the real address: forwarded headers are honoured
/// only from trusted proxies before this runs; IPv6 grouped by network, see <see cref="ClientKey"/>), and counts actions
/// of the Blazor circuit against the same counters as the HTTP endpoints.
/// </summary>
public sealed partial class ClientRateLimiter(
    WindowCounter counter,
    IOptions<RateLimitingOptions> options,
    IHttpContextAccessor accessor,
    TimeProvider time,
    ILogger<ClientRateLimiter> logger)
{
    public RateLimitPartition<string> Partition(HttpContext context, string policy, string scope)
    {
        var partition = PartitionOf(scope, ClientKey.For(context.ClientAddress(), options.Value.Ipv6PrefixLength));
        var rule = RuleFor(policy);
        return RateLimitPartition.Get($"{policy}|{partition}", _ =>
            new WindowCounterRateLimiter(counter, policy, partition, rule, time, Record));
    }

    /// <summary>Counts an AI action made outside HTTP (the Blazor circuit) against the client's limit for that endpoint.</summary>
    public ValueTask<RateLimitDecision> HitAiAsync(string endpointScope, string clientAddress, CancellationToken cancellationToken) =>
        HitAsync(RateLimits.Ai, endpointScope, clientAddress, cancellationToken);

    /// <summary>Counts an action made outside HTTP (a library action of the studio) against the client's general limit.</summary>
    public ValueTask<RateLimitDecision> HitGeneralAsync(string clientAddress, CancellationToken cancellationToken) =>
        HitAsync(RateLimits.General, RateLimits.General, clientAddress, cancellationToken);

    private static string PartitionOf(string scope, string client) => $"{scope}:{client}";

    private async ValueTask<RateLimitDecision> HitAsync(string policy, string scope, string clientAddress, CancellationToken cancellationToken)
    {
        var decision = await counter.HitAsync(
            policy, PartitionOf(scope, ClientKey.For(clientAddress, options.Value.Ipv6PrefixLength)), RuleFor(policy), cancellationToken);
        if (!decision.Allowed)
        {
            AppMetrics.RateLimitRejected(policy);
            StudioActionRejected(logger, policy, clientAddress, scope, (int)Math.Ceiling(decision.Reset.TotalSeconds));
        }

        return decision;
    }

    private RateLimitRule RuleFor(string policy) => policy == RateLimits.Ai ? options.Value.AiRule : options.Value.GeneralRule;

    private void Record(RateLimitDecision decision)
    {
        if (accessor.HttpContext is { } context)
        {
            var feature = context.Features.Get<RateLimitHeadersFeature>();
            if (feature is null)
            {
                feature = new RateLimitHeadersFeature();
                context.Features.Set(feature);
            }

            feature.Record(decision);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Studio action rejected by rate limit {Policy} for client {ClientAddress} on {Scope}; retry after {RetryAfterSeconds}s")]
    private static partial void StudioActionRejected(ILogger logger, string policy, string clientAddress, string scope, int retryAfterSeconds);
}
