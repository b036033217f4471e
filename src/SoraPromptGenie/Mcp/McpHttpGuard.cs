using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using SoraPromptGenie.Library;
using SoraPromptGenie.Ops.Errors;
using SoraPromptGenie.Ops.Security;

namespace SoraPromptGenie.Mcp;

/// <summary>
/// The checks in front of <c>/mcp</c>: a browser page of another site may not call it (the MCP transport's advice against
/// DNS rebinding: an <c>Origin</c> header must be one of the site's origins), and with <c>MCP_TOKEN</c> set every request
/// carries <c>Authorization: Bearer &lt;token&gt;</c>.
/// </summary>
public sealed class McpHttpGuard(RequestDelegate next, IOptions<McpOptions> options, IOptions<SiteOptions> site)
{
    public Task InvokeAsync(HttpContext context)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length > 0 && !site.Value.Origins.Any(o => string.Equals(o.TrimEnd('/'), origin.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)))
        {
            return ApiErrorWriter.WriteAsync(context, StatusCodes.Status403Forbidden, ErrorCodes.Unauthorized,
                $"Requests from the origin '{origin}' are not allowed; add it to ALLOWED_ORIGINS to allow it.");
        }

        if (options.Value.Token is { Length: > 0 } token && !Matches(WorkspaceAuth.ReadBearer(context.Request), token))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return ApiErrorWriter.WriteAsync(context, StatusCodes.Status401Unauthorized, ErrorCodes.Unauthorized,
                "Send the MCP token as 'Authorization: Bearer <token>'.");
        }

        return next(context);
    }

    private static bool Matches(string? given, string token) =>
        given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(token));
}
