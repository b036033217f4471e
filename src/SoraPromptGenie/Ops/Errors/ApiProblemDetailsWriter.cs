namespace SoraPromptGenie.Ops.Errors;

/// <summary>Routes every ProblemDetails produced under /api to <see cref="ApiErrorWriter"/>.</summary>
public sealed class ApiProblemDetailsWriter : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => ApiErrorWriter.IsApi(context.HttpContext);

    public ValueTask WriteAsync(ProblemDetailsContext context) =>
        new(ApiErrorWriter.WriteAsync(context.HttpContext, context.ProblemDetails));
}
