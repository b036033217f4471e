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
    ExceptionClassifier classifier,
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

        var (status, code, message) = classifier.Classify(exception);
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
        else if (classifier.FindOutage(exception) is { } outage)
        {
            DependencyUnavailable(logger, outage.Dependency, httpContext.Request.Method, httpContext.Request.Path, exception.GetType().Name, exception.Message);
        }

        await ApiErrorWriter.WriteAsync(httpContext, status, code, message);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Path}")]
    private static partial void UnhandledException(ILogger logger, string method, string path, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Dependency} unavailable on {Method} {Path}: {ExceptionType}: {Reason}")]
    private static partial void DependencyUnavailable(ILogger logger, string dependency, string method, string path, string exceptionType, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upstream failure {Code} (upstream status {UpstreamStatus})")]
    private static partial void UpstreamFailed(ILogger logger, string code, int? upstreamStatus);
}
