using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.Options;
using Serilog;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Compact;
using Serilog.Formatting.Display;
using SoraPromptGenie.Ops.Configuration;

namespace SoraPromptGenie.Ops.Logging;

/// <summary>
/// Serilog to the console, logs/combined.log (everything at or above the minimum) and logs/error.log (errors only),
/// each rolled at 5 MB keeping 5 files, plus one line per HTTP request in the runbook's format. The sinks sit behind one
/// background writer so a request never waits on the console or the disk; disposing the logger at shutdown drains it.
/// </summary>
public static class LoggingRegistration
{
    public const long FileSizeLimitBytes = 5 * 1024 * 1024;
    public const int RetainedFiles = 5;
    private const string TextTemplate =
        "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {Message:lj} {RequestId}{NewLine}{Exception}";

    private const string CircuitPathPrefix = "_blazor";

    public static WebApplicationBuilder AddLogging(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddCheckedOptions<LoggingOptions>(LoggingOptions.SectionName);

        // Each host keeps its own logger: with the static Log.Logger, a second host in the process (the test server)
        // took over the first one's files, and disposing either closed the other's.
        builder.Services.AddSerilog((services, logger) =>
        {
            var options = services.GetRequiredService<IOptions<LoggingOptions>>().Value;
            var consoleToStandardError = services.GetService<StandardErrorConsole>() is not null;
            var directory = Path.GetFullPath(options.Directory, services.GetRequiredService<IHostEnvironment>().ContentRootPath);
            logger
                .ReadFrom.Configuration(services.GetRequiredService<IConfiguration>())
                .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)

                // While this category is enabled at any level the host starts an activity and a log scope for every
                // request (and HttpClient a child activity for every model call), only for its request start and finish
                // events at Information; the app writes its own request line. With a tracer listening (OTLP) the host
                // still starts them.
                .MinimumLevel.Override("Microsoft.AspNetCore.Hosting.Diagnostics", LevelAlias.Off)
                .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
                .MinimumLevel.Override("System.Net.Http.HttpClient", LogEventLevel.Warning)
                .MinimumLevel.Override("Polly", LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.Extensions.Http.Resilience", LogEventLevel.Warning)

                // Every failed or abandoned model call already gets one "LLM call ... outcome=" line from the app; the
                // telemetry client would add a warning with a full stack trace, even when the caller just went away.
                .MinimumLevel.Override("Microsoft.Extensions.AI", LogEventLevel.Error)
                .Enrich.FromLogContext()
                .WriteTo.Async(sinks =>
                {
                    sinks.Console(Formatter(options.IsJson), standardErrorFromLevel: consoleToStandardError ? LogEventLevel.Verbose : null);
                    sinks.File(
                        Formatter(options.IsJson),
                        Path.Combine(directory, "combined.log"),
                        fileSizeLimitBytes: FileSizeLimitBytes,
                        rollOnFileSizeLimit: true,
                        retainedFileCountLimit: RetainedFiles,
                        buffered: true,
                        flushToDiskInterval: TimeSpan.FromSeconds(1));
                    sinks.File(
                        Formatter(options.IsJson),
                        Path.Combine(directory, "error.log"),
                        restrictedToMinimumLevel: LogEventLevel.Error,
                        fileSizeLimitBytes: FileSizeLimitBytes,
                        rollOnFileSizeLimit: true,
                        retainedFileCountLimit: RetainedFiles);
                });
        }, preserveStaticLogger: true);
        return builder;
    }

    /// <summary>
    /// <c>POST /api/enhance-prompt 200 in 1234ms</c> with the request id, followed by what the request did when the path
    /// alone does not say it (<see cref="RequestLogDetail"/>: <c>POST /mcp 200 in 12ms tool=lint_prompt</c>); server
    /// errors at Error, /api and pages at Information, what the studio's asset and circuit endpoints served at Debug so
    /// they do not drown the file.
    /// </summary>
    public static IApplicationBuilder UseRequestLogging(this IApplicationBuilder app) => app.UseSerilogRequestLogging(options =>
    {
        options.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();

        // ":l" keeps the rendered message unquoted in LOG_FORMAT=json too (the text format's ":lj" only covers text).
        options.MessageTemplate = "{RequestMethod:l} {RequestPath:l} {StatusCode} in {Elapsed:0}ms{RequestDetail:l}";
        options.GetMessageTemplateProperties = (context, path, elapsed, status) =>
        [
            new LogEventProperty("RequestMethod", new ScalarValue(context.Request.Method)),
            new LogEventProperty("RequestPath", new ScalarValue(path)),
            new LogEventProperty("StatusCode", new ScalarValue(status)),
            new LogEventProperty("Elapsed", new ScalarValue(elapsed)),

            // Always set: a property missing from the event would be printed as its placeholder.
            new LogEventProperty("RequestDetail", new ScalarValue(RequestLogDetail.Suffix(context))),
        ];
        options.IncludeQueryInRequestPath = false;
        options.GetLevel = (context, _, exception) => RequestLevel(context, exception);
        options.EnrichDiagnosticContext = (diagnostics, context) => diagnostics.Set("RequestId", context.TraceIdentifier);
    });

    /// <summary>
    /// Debug only for what an asset or circuit endpoint actually served: judging by the path (a dot in the last
    /// segment, a <c>/_framework</c> prefix) would also hide probes such as <c>/.env</c> or <c>/wp-login.php</c>.
    /// </summary>
    public static LogEventLevel RequestLevel(HttpContext context, Exception? exception)
    {
        ArgumentNullException.ThrowIfNull(context);
        var status = context.Response.StatusCode;
        if (exception is not null || status >= StatusCodes.Status500InternalServerError)
        {
            return LogEventLevel.Error;
        }

        return status < StatusCodes.Status400BadRequest && IsAssetOrCircuit(context.GetEndpoint()) ? LogEventLevel.Debug : LogEventLevel.Information;
    }

    /// <summary>A file from the static web assets manifest, or Blazor's own <c>/_blazor</c> hub and its helpers.</summary>
    private static bool IsAssetOrCircuit(Endpoint? endpoint) =>
        endpoint?.Metadata.GetMetadata<StaticAssetDescriptor>() is not null
        || (endpoint is RouteEndpoint route && route.RoutePattern.RawText is { } pattern
            && pattern.TrimStart('/').StartsWith(CircuitPathPrefix, StringComparison.Ordinal));

    private static ITextFormatter Formatter(bool json) =>
        json
            ? new RenderedCompactJsonFormatter()
            : new EscapingTextFormatter(new MessageTemplateTextFormatter(TextTemplate, System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>Registered when stdout carries a protocol (the MCP stdio server): console logging goes to stderr instead.</summary>
public sealed class StandardErrorConsole;
