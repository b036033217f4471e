using System.Text.Json.Serialization;

namespace SoraPromptGenie.Ops.Errors;

/// <summary>The body of every non-2xx /api response (design section 4).</summary>
public sealed record ApiError(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("requestId")] string RequestId);

/// <summary>The documented error codes.</summary>
public static class ErrorCodes
{
    public const string ValidationFailed = "validation_failed";
    public const string InvalidJson = "invalid_json";
    public const string NotFound = "not_found";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string PayloadTooLarge = "payload_too_large";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string PreconditionFailed = "precondition_failed";
    public const string PreconditionRequired = "precondition_required";
    public const string Unauthorized = "unauthorized";
    public const string RateLimited = "rate_limited";
    public const string InternalError = "internal_error";
    public const string DatabaseUnavailable = "database_unavailable";

    public static string ForStatus(int status) => status switch
    {
        400 => ValidationFailed,
        401 or 403 => Unauthorized,
        404 => NotFound,
        405 => MethodNotAllowed,
        412 => PreconditionFailed,
        428 => PreconditionRequired,
        413 => PayloadTooLarge,
        415 => UnsupportedMediaType,
        429 => RateLimited,
        _ => InternalError,
    };

    public static string DefaultMessage(int status) => status switch
    {
        400 => "The request is not valid.",
        401 or 403 => "Authentication is required.",
        404 => "Not found.",
        405 => "This method is not allowed on this resource.",
        412 => "The resource was changed by someone else; reload it and try again.",
        428 => "Send If-Match with the ETag of the version you edited.",
        413 => "The request body is larger than 64 KiB.",
        415 => "Send the request body as application/json.",
        429 => "Too many requests; try again later.",
        _ => "Something went wrong on our side. Try again in a moment.",
    };
}
