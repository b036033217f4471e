using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace SoraPromptGenie.Ops.Telemetry;

/// <summary>
/// OpenTelemetry metrics (ASP.NET Core, outgoing HTTP, runtime, Npgsql, Microsoft.Extensions.AI and the product's
/// own <see cref="AppMetrics"/>) scraped by Prometheus at <c>/metrics</c>; traces and OTLP export only when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, since nothing else would read the spans.
/// </summary>
public static class TelemetryRegistration
{
    public const string MetricsPath = "/metrics";
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";
    private const string ExtensionsAiSource = "Experimental.Microsoft.Extensions.AI";

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<LlmCallMetrics>();
        builder.Services.AddSingleton<MetricsAccess>();

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(BuildInfo.ServiceName, serviceVersion: BuildInfo.Version))
            .WithMetrics(metrics => metrics
                .AddMeter(AppMetrics.MeterName, ExtensionsAiSource)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                // Scrapes are rare (every 15 s or so); a cached page would hide what just happened from an operator's curl.
                .AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0));

        if (!string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointVariable]))
        {
            telemetry
                .WithTracing(tracing => tracing
                    .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments(MetricsPath))
                    .AddHttpClientInstrumentation()
                    .AddNpgsql()
                    .AddSource(ExtensionsAiSource))
                .UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>Prometheus text format at <c>/metrics</c>, behind <see cref="MetricsAccess"/>.</summary>
    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var access = endpoints.ServiceProvider.GetRequiredService<MetricsAccess>();
        endpoints.MapPrometheusScrapingEndpoint(
            MetricsPath,
            meterProvider: null,
            configureBranchedPipeline: branch => branch.Use(access.InvokeAsync),
            optionsName: null);
        return endpoints;
    }
}
