using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using SoraPromptGenie.Core.Engines;
using SoraPromptGenie.Ops.Sentry;

namespace SoraPromptGenie.Ops.Errors;

/// <summary>
/// Maps exceptions under /api to documented status codes. Expected ones (bad input, upstream outages) are answered
/// without an error-level stack trace; anything else is a 500 whose text is shown only in Development.
/// </summary>
public sealed partial class ApiExceptionHandler(
    IHostEnvironment environment,
    ILogger<ApiExceptionHandler> logger,
    IUpstreamCircuit? circuit = null,
    IHub? errorTracking = null)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!ApiErrorWriter.IsApi(httpContext))
        {
            return false;
        }

        var (status, code, message) = Classify(exception);
        if (status == StatusCodes.Status500InternalServerError)
        {
            UnhandledException(logger, httpContext.Request.Method, httpContext.Request.Path, exception);
            if (environment.IsDevelopment())
            {
                message = $"{message} ({exception.GetType().Name}: {exception.Message})";
            }
        }
        else if (exception is UpstreamException upstream)
        {
            UpstreamFailed(logger, upstream.Code, upstream.UpstreamStatus);
            SentryRegistration.CaptureUpstreamFailure(errorTracking, httpContext, upstream);
            if (upstream.Failure == UpstreamFailure.Unavailable)
            {
                httpContext.Response.Headers.RetryAfter = UpstreamRetryAfter.HeaderValue(upstream, circuit?.RemainingBreak());
            }
        }
        else if (DependencyOutages.Find(exception) is { } outage)
        {
            DependencyUnavailable(logger, outage.Dependency, httpContext.Request.Method, httpContext.Request.Path, exception.GetType().Name, exception.Message);
        }

        await ApiErrorWriter.WriteAsync(httpContext, status, code, message);
        return true;
    }

    public static bool IsExpected(Exception exception) => Classify(exception).Status != StatusCodes.Status500InternalServerError;

    internal static (int Status, string Code, string Message) Classify(Exception exception) => exception switch
    {
        UpstreamException upstream => (StatusFor(upstream.Failure), upstream.Code, MessageFor(upstream.Failure)),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
            (413, ErrorCodes.PayloadTooLarge, ErrorCodes.DefaultMessage(413)),
        BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } =>
            (415, ErrorCodes.UnsupportedMediaType, ErrorCodes.DefaultMessage(415)),
        BadHttpRequestException { InnerException: JsonException json } => ClassifyJson(json),
        BadHttpRequestException bad when bad.Message.Contains("body", StringComparison.OrdinalIgnoreCase) =>
            (400, ErrorCodes.InvalidJson, "The request body must be a JSON object."),
        BadHttpRequestException bad => (bad.StatusCode, ErrorCodes.ForStatus(bad.StatusCode), ErrorCodes.DefaultMessage(bad.StatusCode)),
        JsonException json => ClassifyJson(json),
        _ when DependencyOutages.Find(exception) is { } outage => (StatusCodes.Status503ServiceUnavailable, outage.Code, outage.Message),
        _ => (500, ErrorCodes.InternalError, ErrorCodes.DefaultMessage(500)),
    };

    /// <summary>
    /// System.Text.Json raises its internal reader exception for malformed text (when deserializing, wrapped in a plain
    /// JsonException that adds the path) and a plain JsonException with a path for a value of the wrong type; the first
    /// is "not JSON", the second is a validation failure.
    /// </summary>
    private static (int, string, string) ClassifyJson(JsonException json)
    {
        if (json.GetType() != typeof(JsonException) || json.InnerException is JsonException)
        {
            return (400, ErrorCodes.InvalidJson, "The request body is not valid JSON.");
        }

        var field = json.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : null;
        return field is null
            ? (400, ErrorCodes.InvalidJson, "The request body must be a JSON object.")
            : (400, ErrorCodes.ValidationFailed, $"Field '{field}' has the wrong type.");
    }

    private static int StatusFor(UpstreamFailure failure) => failure switch
    {
        UpstreamFailure.Unavailable => StatusCodes.Status503ServiceUnavailable,
        UpstreamFailure.Timeout => StatusCodes.Status504GatewayTimeout,
        _ => StatusCodes.Status502BadGateway,
    };

    private static string MessageFor(UpstreamFailure failure) => failure switch
    {
        UpstreamFailure.AuthFailed => "The language model rejected our credentials. An operator needs to check the API key.",
        UpstreamFailure.Unavailable => "The language model is unavailable right now. Try again in a minute.",
        UpstreamFailure.Timeout => "The language model did not answer in time. Try again.",
        _ => "The language model returned an unusable answer. Try again.",
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Path}")]
    private static partial void UnhandledException(ILogger logger, string method, string path, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Dependency} unavailable on {Method} {Path}: {ExceptionType}: {Reason}")]
    private static partial void DependencyUnavailable(ILogger logger, string dependency, string method, string path, string exceptionType, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upstream failure {Code} (upstream status {UpstreamStatus})")]
    private static partial void UpstreamFailed(ILogger logger, string code, int? upstreamStatus);
}
