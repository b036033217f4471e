namespace SoraPromptGenie.Ops.Errors;

/// <summary>An expected failure returned by a handler as a typed result, written in the product's error shape.</summary>
public sealed class ApiErrorResult(int status, string code, string message) : IResult, IStatusCodeHttpResult
{
    public int StatusCode => status;

    int? IStatusCodeHttpResult.StatusCode => status;

    public string Code => code;

    public string Message => message;

    public Task ExecuteAsync(HttpContext httpContext) => ApiErrorWriter.WriteAsync(httpContext, status, code, message);
}

public static class ApiResults
{
    public static ApiErrorResult Validation(string message) => new(StatusCodes.Status400BadRequest, ErrorCodes.ValidationFailed, message);

    public static ApiErrorResult NotFound(string message = "Not found.") => new(StatusCodes.Status404NotFound, ErrorCodes.NotFound, message);

    public static ApiErrorResult Error(int status, string code, string message) => new(status, code, message);
}
