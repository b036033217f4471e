using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using SoraPromptGenie.Ops.Configuration;
using SoraPromptGenie.Ops.Errors;
using SoraPromptGenie.Ops.Health;
using SoraPromptGenie.Ops.Hosting;
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
    /// <summary>
    /// Every area's options check themselves (<see cref="CheckedOptions"/>); <see cref="StartupCheck"/> runs all of their
    /// checks once the container is built, so one run reports every problem at once.
    /// </summary>
    public static WebApplicationBuilder AddOps(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Configuration.AddEnvironmentAliases();
        builder.Host.UseServiceProviderFactory(new StartupCheck(builder.Environment));
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
        services.AddSingleton<ExceptionClassifier>();
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
        var classifier = app.Services.GetRequiredService<ExceptionClassifier>();
        app.UseWhen(ApiErrorWriter.IsApi, api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions
            {
                SuppressDiagnosticsCallback = context => classifier.IsExpected(context.Exception),
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

    /// <summary>PORT (default 5000) on all interfaces in Production, on localhost in Development; ASPNETCORE_URLS wins.</summary>
    private static void ConfigureListening(WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Services.AddCheckedOptions<ListeningOptions>(ListeningOptions.Root);
        if (!string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            return;
        }

        // The server's addresses are set on the web host, before the container exists.
        if (CheckedOptions.ReadBeforeHost<ListeningOptions>(builder.Configuration, ListeningOptions.Root) is { } listening)
        {
            var host = builder.Environment.IsDevelopment() ? "localhost" : "0.0.0.0";
            builder.WebHost.UseUrls(string.Create(CultureInfo.InvariantCulture, $"http://{host}:{listening.Port}"));
        }
    }
}
