using Microsoft.Extensions.Options;
using Sentry.AspNetCore;
using SoraPromptGenie.Core.Engines;
using SoraPromptGenie.Ops.Configuration;
using SoraPromptGenie.Ops.Errors;
using SoraPromptGenie.Ops.Security;
using SoraPromptGenie.Ops.Telemetry;

namespace SoraPromptGenie.Ops.Sentry;

/// <summary>
/// Sentry when <c>SENTRY_DSN</c> is set, and nothing at all (no SDK, no middleware) when it is not. Events carry the
/// environment, the release (with the git commit), the request id as the <c>request_id</c> tag, and no credentials.
/// </summary>
public static class SentryRegistration
{
    public const string RequestIdTag = "request_id";
    private static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(5);

    public static WebApplicationBuilder AddErrorTracking(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddCheckedOptions<ErrorTrackingOptions>(ErrorTrackingOptions.SectionName);

        // Without a DSN the SDK is not registered at all, so this one choice is read before the container exists.
        if (CheckedOptions.ReadBeforeHost<ErrorTrackingOptions>(builder.Configuration, ErrorTrackingOptions.SectionName) is not { IsEnabled: true })
        {
            return builder;
        }

        builder.WebHost.UseSentry();
        builder.Services.AddOptions<SentryAspNetCoreOptions>()
            .Configure<IOptions<ErrorTrackingOptions>, IOptions<AdminOptions>, IHostEnvironment, IConfiguration, ExceptionClassifier>(
                (sentry, tracking, admin, environment, configuration, classifier) =>
            {
                var options = tracking.Value;

                // The LLM key and the MCP server's secrets belong to areas Ops does not depend on, so they are looked up by their keys.
                var scrubber = new SentryScrubber(
                    [configuration["Llm:ApiKey"], admin.Value.Token, configuration["Mcp:Token"], configuration["Mcp:WorkspaceKey"]]);
                sentry.Dsn = options.Dsn;
                sentry.Environment = options.Environment ?? environment.EnvironmentName;
                sentry.Release = options.Release ?? BuildInfo.Release;
                sentry.TracesSampleRate = options.EffectiveTracesSampleRate(environment);
                sentry.SendDefaultPii = false;

                // The module list adds kilobytes to every event and names every dependency version; stack traces suffice.
                sentry.ReportAssembliesMode = ReportAssembliesMode.None;
                sentry.MaxRequestBodySize = global::Sentry.Extensibility.RequestSize.None;
                sentry.ShutdownTimeout = FlushTimeout;
                sentry.SetBeforeSend((sentryEvent, _) => IsWorthReporting(sentryEvent, classifier) ? scrubber.Scrub(sentryEvent) : null);
                sentry.SetBeforeSendTransaction((transaction, _) => scrubber.Scrub(transaction));
                sentry.SetBeforeBreadcrumb((breadcrumb, _) => scrubber.Scrub(breadcrumb));
            });
        return builder;
    }

    /// <summary>Tags each request's Sentry scope with its request id (run after the id is settled) and flushes on shutdown.</summary>
    public static IApplicationBuilder UseErrorTracking(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.ApplicationServices.GetService<IHub>() is not { } hub)
        {
            return app;
        }

        app.ApplicationServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopped.Register(() =>
            hub.FlushAsync(FlushTimeout).GetAwaiter().GetResult());
        return app.Use((context, next) =>
        {
            hub.ConfigureScope(static (scope, id) => scope.SetTag(RequestIdTag, id), context.TraceIdentifier);
            return next(context);
        });
    }

    /// <summary>
    /// Reports an upstream (LLM) failure that reached the client as an error, with the request id. Its type is an
    /// "expected" exception, so the generic handler-feature capture would drop it.
    /// </summary>
    public static void CaptureUpstreamFailure(IHub? hub, HttpContext context, UpstreamException exception)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (hub is not { IsEnabled: true })
        {
            return;
        }

        var requestId = context.TraceIdentifier;
        hub.CaptureException(exception, scope =>
        {
            scope.SetTag(RequestIdTag, requestId);
            scope.SetTag("upstream_code", exception.Code);
            if (exception.UpstreamStatus is { } status)
            {
                scope.SetTag("upstream_status", status.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        });
    }

    /// <summary>Client mistakes (bad JSON, oversized bodies) are answered 4xx and are not incidents.</summary>
    private static bool IsWorthReporting(SentryEvent sentryEvent, ExceptionClassifier classifier) =>
        sentryEvent.Exception is not { } exception || exception is UpstreamException || !classifier.IsExpected(exception);
}
