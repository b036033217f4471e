using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;

namespace SoraPromptGenie.Ops.Errors;

/// <summary>
/// The one place that writes the product's error shape. Validation, the exception handler, status-code pages and the
/// rate limiter all end here, through <see cref="ApiProblemDetailsWriter"/> or directly.
/// </summary>
public static class ApiErrorWriter
{
    public const string CodeExtension = "code";

    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    public static Task WriteAsync(HttpContext context, int status, string code, string message)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        var error = new ApiError(message, code, context.TraceIdentifier);
        return JsonSerializer.SerializeAsync(response.Body, error, ApiErrorJsonContext.Default.ApiError, context.RequestAborted);
    }

    /// <summary>Turns any ProblemDetails (validation, status code, exception) into our shape.</summary>
    public static Task WriteAsync(HttpContext context, ProblemDetails problem)
    {
        var status = problem.Status ?? context.Response.StatusCode;
        var code = problem.Extensions.TryGetValue(CodeExtension, out var value) && value is string explicitCode
            ? explicitCode
            : ErrorCodes.ForStatus(status);
        var message = problem switch
        {
            HttpValidationProblemDetails { Errors.Count: > 0 } validation => validation.Errors.First().Value.FirstOrDefault() ?? ErrorCodes.DefaultMessage(status),
            { Detail: { Length: > 0 } detail } => detail,
            _ => ErrorCodes.DefaultMessage(status),
        };
        return WriteAsync(context, status, code, message);
    }
}

[JsonSerializable(typeof(ApiError))]
internal sealed partial class ApiErrorJsonContext : JsonSerializerContext;
