using SoraPromptGenie.Ops.Errors;

namespace SoraPromptGenie.Library;

/// <summary>
/// Workspace authentication for the API: <c>Authorization: Bearer &lt;key&gt;</c>. The UI keeps the same key in the
/// <see cref="CookieName"/> cookie and resolves it with <see cref="WorkspaceCookie"/>; the API does not accept the
/// cookie, so a cross-site request cannot act on a workspace.
/// </summary>
public static class WorkspaceAuth
{
    public const string CookieName = "spg_workspace";

    /// <summary>Answers 401 in the error shape unless the bearer key opens a workspace, which fills <see cref="CurrentWorkspace"/>.</summary>
    public static TBuilder RequireWorkspace<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Add(endpoint => endpoint.Metadata.Add(WorkspaceRequired.Instance));
        return builder.ProducesApiErrors(StatusCodes.Status401Unauthorized);
    }

    /// <summary>
    /// The authentication step for endpoints mapped with <see cref="RequireWorkspace"/>. It runs after routing and the rate
    /// limiter, so a request with a wrong key still spends the client's budget; a database outage reaches the error handler.
    /// </summary>
    public static IApplicationBuilder UseWorkspaceAuth(this IApplicationBuilder app) => app.UseMiddleware<WorkspaceAuthMiddleware>();

    public static string? ReadBearer(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    public static ApiErrorResult Unauthorized(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.WWWAuthenticate = "Bearer";
        return ApiResults.Error(
            StatusCodes.Status401Unauthorized,
            ErrorCodes.Unauthorized,
            "Send the workspace key as 'Authorization: Bearer <key>' (POST /api/workspaces creates one).");
    }

    private sealed class WorkspaceRequired
    {
        public static readonly WorkspaceRequired Instance = new();
    }

    private sealed class WorkspaceAuthMiddleware(RequestDelegate next)
    {
        public async Task InvokeAsync(HttpContext context, CurrentWorkspace workspace)
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<WorkspaceRequired>() is null
                || await workspace.AuthenticateAsync(context.Request, context.RequestAborted))
            {
                await next(context);
                return;
            }

            await Unauthorized(context.Response).ExecuteAsync(context);
        }
    }
}
