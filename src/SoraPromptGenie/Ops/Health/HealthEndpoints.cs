using System.Diagnostics;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SoraPromptGenie.Ops.Health;

/// <summary>Liveness (<c>/api/health</c>, the runbook's JSON) and readiness (<c>/api/health/ready</c>, per dependency).</summary>
public static class HealthEndpoints
{
    public const string ReadyTag = "ready";
    private static readonly DateTimeOffset ProcessStarted = Process.GetCurrentProcess().StartTime.ToUniversalTime();

    /// <summary>Each area adds its own checks with <see cref="ReadyTag"/>; this only makes sure the service exists.</summary>
    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddHealthChecks();
        services.TryAddEnumerable(ServiceDescriptor.Transient<IApiDescriptionProvider, ReadinessDescription>());
        return services;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/health").WithTags("Health").DisableRateLimiting();
        group.MapGet("/", GetLiveness).WithName("Health").WithSummary("Liveness: the process is up and serving.");
        group.MapHealthChecks("/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = WriteReadinessAsync,
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        }).WithName(ReadinessDescription.EndpointName).WithSummary("Readiness: per-dependency checks; 503 while one is down.");
        return endpoints;
    }

    /// <summary>Never reveals a key, a connection string or a dependency version: only what the runbook documents.</summary>
    private static Ok<LivenessResponse> GetLiveness(IHostEnvironment environment, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var uptime = Math.Round((now - ProcessStarted).TotalSeconds, 3);
        var timestamp = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Ok(new LivenessResponse("ok", timestamp, uptime, environment.EnvironmentName));
    }

    private static Task WriteReadinessAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new ReadinessResponse(
            report.Status == HealthStatus.Unhealthy ? "unavailable" : "ok",
            report.Entries.ToDictionary(
                e => e.Key,
                e => new ReadinessCheck(e.Value.Status.ToString().ToLowerInvariant(), e.Value.Description, (long)e.Value.Duration.TotalMilliseconds)));
        return context.Response.WriteAsJsonAsync(body, HealthJsonContext.Default.ReadinessResponse);
    }
}

public sealed record LivenessResponse(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("timestamp")] string Timestamp,
    [property: JsonPropertyName("uptime")] double Uptime,
    [property: JsonPropertyName("environment")] string Environment);

public sealed record ReadinessCheck(string Status, string? Description, long DurationMs);

public sealed record ReadinessResponse(string Status, IReadOnlyDictionary<string, ReadinessCheck> Checks);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ReadinessResponse))]
internal sealed partial class HealthJsonContext : JsonSerializerContext;
