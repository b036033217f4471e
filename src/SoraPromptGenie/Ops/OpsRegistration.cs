using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using SoraPromptGenie.Ops.Configuration;
using SoraPromptGenie.Ops.Errors;
using SoraPromptGenie.Ops.Health;
using SoraPromptGenie.Ops.Logging;
using SoraPromptGenie.Ops.RateLimiting;
using SoraPromptGenie.Ops.Redis;
using SoraPromptGenie.Ops.Security;
using SoraPromptGenie.Ops.Sentry;
using SoraPromptGenie.Ops.Telemetry;

namespace SoraPromptGenie.Ops;

/// <summary>What an operator relies on: configuration checks, logs, error tracking, metrics, errors, limits, security headers, health, shutdown.</summary>
public static class OpsRegistration
{
    /// <summary>Each area's <see cref="ConfigurationCheck"/> runs with Ops's own before anything reads the settings.</summary>
    public static WebApplicationBuilder AddOps(this WebApplicationBuilder builder, params ConfigurationCheck[] areaChecks)
    {
        ArgumentNullException.ThrowIfNull(areaChecks);
        builder.Configuration.AddEnvironmentAliases();
        ValidateConfiguration(builder.Configuration, builder.Environment, areaChecks);
        ConfigureListening(builder);
        builder.AddLogging();
        builder.AddErrorTracking();
        builder.AddTelemetry();

        var services = builder.Services;
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.AllowTrailingCommas = false;

            // The web defaults read "8" as 8; the contract says count is an integer, so a string is the wrong type.
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        services.AddProblemDetails();

        // The framework registers its default writer early; ours must be asked first for /api responses.
        services.Insert(0, ServiceDescriptor.Singleton<IProblemDetailsWriter, ApiProblemDetailsWriter>());
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddSecurity();
        services.AddRedis(builder.Configuration);
        services.AddClientRateLimiting();
        services.AddHealth();
        return builder;
    }

    public static WebApplication UseOps(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseSecureCookies();
        app.UseRequestId();
        app.UseErrorTracking();
        app.UseRequestLogging();
        app.UseWhen(ApiErrorWriter.IsApi, api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions
            {
                SuppressDiagnosticsCallback = context => ApiExceptionHandler.IsExpected(context.Exception),
            });
            api.UseStatusCodePages();
        });
        if (!app.Environment.IsDevelopment())
        {
            // Pages get a friendly error page (no exception text); /api keeps its JSON error shape above.
            app.UseWhen(context => !ApiErrorWriter.IsApi(context), pages => pages.UseExceptionHandler("/Error", createScopeForErrors: true));
        }

        app.UseSecurityHeaders(app.Environment);
        app.UseApiBodyLimit();
        app.UseRouting();
        app.UseCors(SecurityRegistration.CorsPolicy);
        app.UseRateLimitHeaders();
        app.UseRateLimiter();
        return app;
    }

    /// <summary>Every area's checks run before anything starts, so one run reports every problem at once.</summary>
    private static void ValidateConfiguration(ConfigurationManager configuration, IHostEnvironment environment, ConfigurationCheck[] areaChecks)
    {
        var problems = new ConfigurationProblems();
        foreach (var check in areaChecks)
        {
            check(configuration, environment, problems);
        }

        SiteOptions.Validate(configuration, problems);
        LoggingOptions.Validate(configuration, problems);
        RateLimitingOptions.Validate(configuration, problems);
        ErrorTrackingOptions.Validate(configuration, problems);
        RedisOptions.Validate(configuration, problems);
        if (configuration["PORT"] is { } port && (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535))
        {
            problems.Add("PORT", $"'{port}' is not a port number from 1 to 65535.");
        }

        problems.ThrowIfAny();
    }

    /// <summary>PORT (default 5000) on all interfaces in Production, on localhost in Development; ASPNETCORE_URLS wins.</summary>
    private static void ConfigureListening(WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        if (!string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            return;
        }

        var port = builder.Configuration["PORT"] ?? "5000";
        var host = builder.Environment.IsDevelopment() ? "localhost" : "0.0.0.0";
        builder.WebHost.UseUrls($"http://{host}:{port}");
    }
}
