using System.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Serilog.Context;
using SoraPromptGenie.Ops.Errors;

namespace SoraPromptGenie.Ops;

/// <summary>Per-request basics: the request id (header, logs, errors, Sentry) and the /api body size limit.</summary>
public static class RequestContext
{
    public const string RequestIdHeader = "X-Request-Id";
    public const long MaxApiBodyBytes = 64 * 1024;

    /// <summary>
    /// Uses the caller's X-Request-Id when it is short and plain (so a proxy's id carries through), else the W3C id
    /// of the request's activity when a tracer started one, else a new id of the same shape; and makes it the
    /// TraceIdentifier every other component reads.
    /// </summary>
    public static IApplicationBuilder UseRequestId(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var incoming = context.Request.Headers[RequestIdHeader].ToString();
        var requestId = IsAcceptable(incoming) ? incoming : Activity.Current?.Id ?? NewRequestId();
        context.TraceIdentifier = requestId;
        context.Response.Headers[RequestIdHeader] = requestId;

        // The exception handler clears the response headers before writing an error; put the id back on the way out.
        context.Response.OnStarting(static state =>
        {
            var (response, id) = ((HttpResponse, string))state;
            response.Headers[RequestIdHeader] = id;
            return Task.CompletedTask;
        }, (context.Response, requestId));
        using (LogContext.PushProperty("RequestId", requestId))
        {
            await next(context);
        }
    });

    public static IApplicationBuilder UseApiBodyLimit(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (!ApiErrorWriter.IsApi(context))
        {
            return next(context);
        }

        if (context.Request.ContentLength > MaxApiBodyBytes)
        {
            return ApiErrorWriter.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, ErrorCodes.PayloadTooLarge, ErrorCodes.DefaultMessage(413));
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxApiBodyBytes;
        }

        return next(context);
    });

    /// <summary><c>00-{trace id}-{span id}-00</c>, the shape of an activity's id, without starting an activity.</summary>
    internal static string NewRequestId() =>
        $"00-{ActivityTraceId.CreateRandom().ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-00";

    private static bool IsAcceptable(string value) =>
        value.Length is > 0 and <= 128 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');
}
