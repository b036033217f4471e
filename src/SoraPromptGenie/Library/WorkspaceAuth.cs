using SoraPromptGenie.Ops.Errors;

namespace SoraPromptGenie.Library;

/// <summary>
/// Workspace authentication for the API: <c>Authorization: Bearer &lt;key&gt;</c>. The UI keeps the same key in the
/// <see cref="CookieName"/> cookie and resolves it with <see cref="LibraryService.ResolveWorkspaceAsync"/>; the API
/// does not accept the cookie, so a cross-site request cannot act on a workspace.
/// </summary>
public static class WorkspaceAuth
{
    public const string CookieName = "spg_workspace";
    private const string ItemKey = "spg.workspace";

    public static string? ReadBearer(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    /// <summary>Resolves the bearer key; null when it is missing or opens no workspace.</summary>
    public static async Task<Guid?> AuthenticateAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var library = context.RequestServices.GetRequiredService<LibraryService>();
        var workspace = await library.ResolveWorkspaceAsync(ReadBearer(context.Request), context.RequestAborted);
        if (workspace is { } id)
        {
            context.Items[ItemKey] = id;
        }

        return workspace;
    }

    public static ApiErrorResult Unauthorized(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return ApiResults.Error(
            StatusCodes.Status401Unauthorized,
            ErrorCodes.Unauthorized,
            "Send the workspace key as 'Authorization: Bearer <key>' (POST /api/workspaces creates one).");
    }

    /// <summary>The workspace the group's filter authenticated.</summary>
    public static Guid Current(HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out var value) && value is Guid id
            ? id
            : throw new InvalidOperationException("The endpoint is not behind the workspace filter.");

    /// <summary>Puts the endpoints behind <see cref="RequireWorkspaceAsync"/>, declaring its 401.</summary>
    public static TBuilder RequireWorkspace<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(RequireWorkspaceAsync).ProducesApiErrors(StatusCodes.Status401Unauthorized);

    /// <summary>Endpoint filter for the library group: 401 without a valid key.</summary>
    public static async ValueTask<object?> RequireWorkspaceAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(next);
        return await AuthenticateAsync(invocation.HttpContext) is null
            ? Unauthorized(invocation.HttpContext)
            : await next(invocation);
    }
}
