using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SoraPromptGenie.Ops.Configuration;
using SoraPromptGenie.Ops.Health;
using StackExchange.Redis;

namespace SoraPromptGenie.Ops.Redis;

public static class RedisRegistration
{
    /// <summary>
    /// Registers one shared <see cref="IConnectionMultiplexer"/> and the "redis" readiness check when <c>REDIS_URL</c> is
    /// set. Nothing is registered otherwise, so consumers ask for the multiplexer optionally.
    /// </summary>
    public static IServiceCollection AddRedis(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCheckedOptions<RedisOptions>(RedisOptions.SectionName);

        // Whether the multiplexer and its readiness check exist at all is decided before the container exists.
        if (CheckedOptions.ReadBeforeHost<RedisOptions>(configuration, RedisOptions.SectionName) is not { IsConfigured: true })
        {
            return services;
        }

        services.AddSingleton<IConnectionMultiplexer>(sp =>
        {
            // The start check has accepted the URL by now.
            _ = RedisUrl.TryParse(sp.GetRequiredService<IOptions<RedisOptions>>().Value.Url, out var options);
            options.LoggerFactory = sp.GetService<ILoggerFactory>();
            return ConnectionMultiplexer.Connect(options);
        });
        services.AddHostedService<RedisWarmUp>();
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: [HealthEndpoints.ReadyTag]);
        return services;
    }
}

/// <summary>Connects at start-up rather than on the first request; a Redis that is down only delays start by the connect timeout.</summary>
internal sealed class RedisWarmUp(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<IConnectionMultiplexer>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>
/// Degraded, not unhealthy, when Redis is unreachable: the API keeps answering (per-instance limits, no shared cache),
/// so taking every instance out of rotation would turn a Redis outage into a full outage.
/// </summary>
internal sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!redis.IsConnected)
        {
            return HealthCheckResult.Degraded("Redis unreachable: rate limits per instance, response cache bypassed.");
        }

        try
        {
            var latency = await redis.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy($"Redis ping {latency.TotalMilliseconds:0.0}ms");
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return HealthCheckResult.Degraded("Redis unreachable: rate limits per instance, response cache bypassed.");
        }
    }
}
